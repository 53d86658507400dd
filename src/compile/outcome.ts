/** The compiler's sections for the rating (star count, levels, grades) and the tiers over it. */
import { Q } from "../_lib/decimal.js";
import { didYouMean } from "../_lib/didYouMean.js";
import type { Scope } from "../expr/types.js";
import type { TierResult } from "../evaluate/types.js";
import type { BuildContext as Builder } from "./context.js";
import type { CRating, CScore, CTier } from "./model.js";

type Path = (string | number)[];
const freeze = Object.freeze;

export function buildRating(ctx: Builder, scores: CScore[], starCount: number): CRating {
  const r = ctx.r.rating;
  const path: Path = ["rating"];
  const prov = ctx.provenance(r.source, [...path, "source"]);
  if (r.kind === "starCount") {
    if (starCount === 0) ctx.issue("invalid_value", path, `a "starCount" rating needs stars; declare some under "stars"`);
    return { kind: "starCount", min: 0, max: starCount, trace: ctx.trace("rating", path, "rating = number of stars earned", prov) };
  }
  const score = scores.find((s) => s.id === r.score);
  if (!score) ctx.issue("unknown_reference", [...path, "score"], `unknown score "${r.score}"${didYouMean(r.score, scores.map((s) => s.id))}`);
  const placeholder: CScore = score ?? { id: r.score, slot: 0, fn: () => Q.ZERO, path, provenance: { default: "" }, texts: new Map(), objects: new Map() };
  if (r.bands.length === 0) ctx.issue("invalid_value", [...path, "bands"], "rating needs at least one band");
  const last = r.bands.length - 1;
  r.bands.forEach((b, i) => {
    if (i < last && b.min === undefined) ctx.issue("invalid_value", [...path, "bands", i, "min"], `only the last band may omit "min"`);
    if (i === last && b.min !== undefined) ctx.issue("tier_gap", [...path, "bands", i], `the last band must omit "min" so that every score gets a rating`);
  });
  const mins = r.bands.map((b, i) => ctx.num(b.min, [...path, "bands", i, "min"], "band min"));
  for (let i = 1; i < mins.length; i++) {
    const a = mins[i - 1], b = mins[i];
    if (a && b && a.cmp(b) <= 0) ctx.issue("tier_overlap", [...path, "bands", i, "min"], `bands must be listed highest first: band ${i} (min ${b.toString()}) is not below band ${i - 1} (min ${a.toString()})`);
  }
  if (r.kind === "levels") {
    const levels = r.bands.map((b) => b.level);
    for (let i = 1; i < levels.length; i++) {
      if (levels[i]! !== levels[i - 1]! - 1) ctx.issue("tier_gap", [...path, "bands", i, "level"], `levels must step down by one: ${levels[i - 1]} is followed by ${levels[i]}`);
    }
    return {
      kind: "levels",
      score: placeholder,
      min: Math.min(...levels),
      max: Math.max(...levels),
      bands: r.bands.map((b, i) => ({ level: b.level, min: mins[i], fast: ctx.bandFast(r.score, mins[i]) })),
      trace: ctx.trace("rating", path, `level from ${r.score} bands`, prov),
    };
  }
  const grades = r.bands.map((b) => b.grade);
  grades.forEach((g, i) => {
    if (grades.indexOf(g) !== i) ctx.issue("duplicate_id", [...path, "bands", i, "grade"], `duplicate grade "${g}"`);
  });
  return {
    kind: "grades",
    score: placeholder,
    bands: r.bands.map((b, i) => ({ grade: b.grade, min: mins[i], fast: ctx.bandFast(r.score, mins[i]) })),
    grades,
    trace: ctx.trace("rating", path, `grade from ${r.score} bands`, prov),
  };
}

export function buildTiers(ctx: Builder, rating: CRating, scope: Scope): Map<number | string, CTier> {
  const byRating = new Map<number | string, CTier>();
  const schemePays = ctx.r.tiers.some((t) => (t.payments ?? []).length > 0);
  const bounds = new Map<string, [number, number]>();
  let unresolved = false;
  const seen = new Map<string, number>();
  const tiers: CTier[] = [];
  ctx.r.tiers.forEach((t, index) => {
    const path: Path = ["tiers", index];
    if (seen.has(t.id)) ctx.issue("duplicate_id", [...path, "id"], `duplicate tier id "${t.id}" (also tiers[${seen.get(t.id)}])`);
    seen.set(t.id, index);
    const prov = ctx.provenance(t.source, [...path, "source"]);
    const label = freeze({ ...t.label });
    const actions = (t.actions ?? []).map((a, ai) => {
      const ap: Path = [...path, "actions", ai];
      const w = a.when ? ctx.expr(a.when, [...ap, "when"], scope, "boolean") : undefined;
      const aprov = ctx.provenance(a.source, [...ap, "source"]) ?? prov;
      return { item: freeze({ id: a.id, label: freeze({ ...a.label }) }), when: w?.fn, whenFast: w?.fast, trace: ctx.trace(`tiers.${t.id}.actions.${a.id}`, ap, "applied", aprov) };
    });
    const payments = (t.payments ?? []).map((p, pi) => {
      const pp: Path = [...path, "payments", pi];
      const w = p.when ? ctx.expr(p.when, [...pp, "when"], scope, "boolean") : undefined;
      const when = w?.fn;
      const amount = ctx.num(p.amount, [...pp, "amount"], `amount of payment "${p.id}"`) ?? Q.ZERO;
      const perYear = p.period === "month" ? amount.mul(Q.of(12)) : amount;
      const pprov = ctx.provenance(p.source, [...pp, "source"]) ?? prov;
      return {
        item: { id: p.id, label: freeze({ ...p.label }), amount, period: p.period, perYear },
        when,
        whenFast: w?.fast,
        trace: ctx.trace(`tiers.${t.id}.payments.${p.id}`, pp, `pays ${amount.toString()} per ${p.period}`, pprov),
      };
    });
    const bonus = t.bonusPoints !== undefined ? ctx.num(t.bonusPoints, [...path, "bonusPoints"], "bonusPoints")?.toString() : undefined;
    const conditional = actions.some((a) => a.when) || payments.length > 0;
    const fixed: TierResult | undefined = conditional
      ? undefined
      : freeze({
          id: t.id,
          label,
          actions: freeze(actions.map((a) => a.item)),
          ...(bonus !== undefined ? { bonusPoints: bonus } : {}),
          // In a scheme that pays, every tier reports its payments, even none.
          ...(schemePays ? { payments: freeze([]) } : {}),
        });
    const tier: CTier = { id: t.id, index, label, fixed, actions, payments, schemePays, bonusPoints: bonus, trace: ctx.trace(`tiers.${t.id}`, path, `tier ${t.id}`, prov), byMask: new Map() };
    tiers.push(tier);

    if (rating.kind === "grades") {
      if (t.grade === undefined) {
        ctx.issue("invalid_value", [...path, "grade"], `tier "${t.id}" must name the grade it covers`);
        return;
      }
      if (!rating.grades.includes(t.grade)) {
        ctx.issue("unknown_reference", [...path, "grade"], `unknown grade "${t.grade}"${didYouMean(t.grade, rating.grades)}`);
        return;
      }
      const prev = byRating.get(t.grade);
      if (prev) ctx.issue("tier_overlap", [...path, "grade"], `tiers "${prev.id}" and "${t.id}" both cover grade "${t.grade}"`);
      else byRating.set(t.grade, tier);
      return;
    }
    if (t.grade !== undefined) ctx.issue("invalid_value", [...path, "grade"], `tier "${t.id}" names a grade, but this rating is a number`);
    const lo0 = t.min !== undefined ? ctx.int(t.min, [...path, "min"], `min of tier "${t.id}"`) : rating.min;
    const hi0 = t.max !== undefined ? ctx.int(t.max, [...path, "max"], `max of tier "${t.id}"`) : rating.max;
    if (lo0 === undefined || hi0 === undefined) {
      // Reported at the bound already; its coverage is unknown, so overlaps and gaps would be guesses.
      unresolved = true;
      bounds.set(t.id, [lo0 ?? rating.min, hi0 ?? rating.max]);
      return;
    }
    const lo = lo0, hi = hi0;
    bounds.set(t.id, [lo, hi]);
    if (lo > hi) ctx.issue("invalid_value", path, `tier "${t.id}" has min ${lo} above max ${hi}`);
    const overlaps = new Map<string, number[]>();
    for (let v = Math.max(lo, rating.min); v <= Math.min(hi, rating.max); v++) {
      const prev = byRating.get(v);
      if (prev) {
        const list = overlaps.get(prev.id);
        if (list) list.push(v);
        else overlaps.set(prev.id, [v]);
      } else byRating.set(v, tier);
    }
    for (const [other, values] of overlaps) ctx.issue("tier_overlap", path, `tiers "${other}" and "${t.id}" both cover rating${values.length > 1 ? "s" : ""} ${ranges(values)}`);
  });
  if (unresolved) return byRating;
  if (rating.kind === "grades") {
    for (const g of rating.grades) if (!byRating.has(g)) ctx.issue("tier_gap", ["tiers"], `no tier covers grade "${g}"`);
  } else {
    const missing: number[] = [];
    for (let v = rating.min; v <= rating.max; v++) if (!byRating.has(v)) missing.push(v);
    if (missing.length) {
      const runs = ranges(missing);
      const around = (v: number) => {
        const below = tiers.filter((t) => bounds.get(t.id)![1] < v).sort((a, b) => bounds.get(b.id)![1] - bounds.get(a.id)![1]);
        const above = tiers.filter((t) => bounds.get(t.id)![0] > v).sort((a, b) => bounds.get(a.id)![0] - bounds.get(b.id)![0]);
        return below.length && above.length ? ` (between tiers "${below[0]!.id}" and "${above[0]!.id}")` : "";
      };
      ctx.issue("tier_gap", ["tiers"], `no tier covers rating ${runs}${around(missing[0]!)}; tiers must cover every rating from ${rating.min} to ${rating.max}`);
    }
  }
  return byRating;
}

/** Sorted whole numbers as ranges: [1, 2, 3, 5] → "1–3, 5". */
function ranges(values: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < values.length; ) {
    let j = i;
    while (j + 1 < values.length && values[j + 1] === values[j]! + 1) j++;
    out.push(j > i ? `${values[i]}–${values[j]}` : String(values[i]));
    i = j + 1;
  }
  return out.join(", ");
}
