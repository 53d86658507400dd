/**
 * How a compiled ruleset is laid out for fast evaluation: the scaled-integer form of numeric
 * facts, the interning plan for results, and the tables indexed by rating. Pure helpers of the
 * compiler.
 */
import { Q } from "../_lib/decimal.js";
import { POW10, scaledOf } from "../expr/fast.js";
import type { RatingResult, StarResult, TraceEntry } from "../evaluate/types.js";
import type { CFact, CRating, CStar, CTier, Model } from "./model.js";

const freeze = Object.freeze;

export function range(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let v = lo; v <= hi; v++) out.push(v);
  return out;
}

export function internPlan(stars: readonly CStar[], rating: CRating, rules: number, tiers: readonly CTier[]): Model["intern"] {
  const bits = Math.max(0, ...tiers.map((t) => t.actions.filter((a) => a.when).length + t.payments.length));
  const masks = 2 ** bits;
  const base = Math.max(1, ...stars.map((s) => s.clauses.length + 1));
  const values: (number | string)[] = rating.kind === "grades" ? [...rating.grades] : [];
  if (rating.kind !== "grades") for (let v = rating.min; v <= rating.max; v++) values.push(v);
  const span = Math.pow(base, stars.length) * values.length * (rules + 1) * masks;
  if (!(span <= Number.MAX_SAFE_INTEGER)) return undefined;
  return { base, values: values.length, valueIndex: new Map(values.map((v, i) => [v, i])), rules: rules + 1, masks, cache: new Map() };
}

export function attachTrace(result: StarResult, entry: TraceEntry): void {
  // Star results are built unfrozen so they can be finished here, then frozen for good.
  void entry;
  freeze(result);
}

export function ratingResults(rating: CRating): Map<number | string, RatingResult> {
  const m = new Map<number | string, RatingResult>();
  if (rating.kind === "grades") for (const g of rating.grades) m.set(g, freeze({ kind: "grade" as const, grade: g }));
  else {
    const kind = rating.kind === "starCount" ? ("stars" as const) : ("level" as const);
    for (let v = rating.min; v <= rating.max; v++) m.set(v, freeze({ kind, stars: v, max: rating.max }));
  }
  return m;
}

/** Default decimals held on the fast path for a decimal fact declared without a step. */
const FAST_DEFAULT_SCALE = 2;
/** Magnitude limit (in scaled units) for a fact declared without a bound; larger values use the exact path. */
const FAST_LIMIT = 1e9;

function decimalsOf(q: Q | undefined): number {
  const s = q && scaledOf(q);
  return s ? s.scale : 0;
}

/** How a numeric fact is held on the fast path, or undefined when it cannot be. */
export function fastFactInfo(type: "decimal" | "integer", min: Q | undefined, max: Q | undefined, step: Q | undefined, searchStep: Q): CFact["fast"] {
  if ((min && !scaledOf(min)) || (max && !scaledOf(max)) || (step && !scaledOf(step))) return undefined;
  const scale = type === "integer" ? 0 : Math.max(step ? decimalsOf(step) : FAST_DEFAULT_SCALE, decimalsOf(min), decimalsOf(max));
  if (scale > 6) return undefined;
  const pow = POW10[scale]!;
  const toInt = (q: Q) => q.n.div(q.d).times(pow);
  const lo = min ? toInt(min).ceil().toNumber() : -FAST_LIMIT;
  const hi = max ? toInt(max).floor().toNumber() : FAST_LIMIT;
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || Math.abs(lo) > FAST_LIMIT * 1e3 || Math.abs(hi) > FAST_LIMIT * 1e3) return undefined;
  const stepInt = step ? toInt(step).toNumber() : undefined;
  // The scale holds the search step: the declared step, 1 (scale 0), or hundredths (scale ≥ 2).
  return { scale, pow, lo, hi, step: stepInt, grid: toInt(searchStep).toNumber() };
}

