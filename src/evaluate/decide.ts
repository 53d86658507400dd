/**
 * The first phase of an evaluation, on a frame of checked facts: scores, vetoes, stars and the
 * raw rating, then caps and events. The second phase (evaluate.ts: tier, remediation, trace) and
 * the remediation search (remediation/search.ts) both build on it, so it depends on neither.
 */
import { DivisionByZero, Q } from "../_lib/decimal.js";
import type { CFact, CScore, CVeto, Model } from "../compile/model.js";
import { POW10, roundFrac } from "../expr/fast.js";
import type { StarResult, TraceEntry } from "./types.js";

const freeze = Object.freeze;

/** What evaluation needs to know of last year's result. */
export interface LastYear {
  readonly earned: ReadonlySet<string>;
  readonly rating: number | string;
  readonly step: string;
}


/** A mid-year downgrade (摘星降级), checked. */
export interface Downgrade {
  readonly date: string;
  readonly levels: number;
  readonly reason: string;
}


/** Computes every score into the frame (values only; their strings are made when read). */
export function computeScores(model: Model, frame: unknown[], fast: boolean): void {
  const scores = model.scores;
  for (let i = 0; i < scores.length; i++) {
    const sc = scores[i]!;
    if (fast) {
      const f = sc.fast!;
      if (f.kind === "int") {
        let v = f.fn(frame);
        if (sc.round !== undefined && f.num.scale > sc.round) v = roundFrac(v, POW10[f.num.scale]!, sc.round);
        frame[sc.slot] = v;
      } else {
        const n = f.n(frame), d = f.d(frame);
        if (d === 0) throw new DivisionByZero();
        if (sc.round !== undefined) frame[sc.slot] = roundFrac(n, d, sc.round);
        else {
          frame[sc.slot] = n;
          frame[sc.slot + 1] = d;
        }
      }
    } else {
      let v = sc.fn(frame) as Q;
      if (sc.round !== undefined) v = v.round(sc.round);
      frame[sc.slot] = v;
    }
  }

}

export function decide(model: Model, id: string, frame: unknown[], fast: boolean, last: LastYear | undefined, asOf: string | undefined, events: readonly Downgrade[] | undefined): Decided {
  computeScores(model, frame, fast);

  // Vetoes.
  const listed = model.vetoFact ? (frame[model.vetoFact.slot] as readonly string[] | undefined) : undefined;
  let applied: CVeto[] | undefined;
  let disqualified = false;
  // Most subjects list no veto: then only vetoes with a condition need a look.
  const vetoes = listed !== undefined && listed.length !== 0 ? model.vetoes : model.conditionalVetoes;
  for (let i = 0; i < vetoes.length; i++) {
    const v = vetoes[i]!;
    if ((listed !== undefined && listed.length !== 0 && listed.includes(v.id)) || (v.when !== undefined && ((fast ? v.whenFast! : v.when)(frame) as boolean))) {
      (applied ??= []).push(v);
      if (v.effect === "disqualify") disqualified = true;
    }
  }

  // Stars.
  const cstars = model.stars;
  const stars: StarResult[] = new Array(cstars.length);
  let earnedCount = 0;
  // A signature of the decisions (which clause failed, per star) interns the stars and the trace.
  const intern = model.intern;
  let sig = applied || !intern ? -1 : 0;
  for (let si = 0; si < cstars.length; si++) {
    const star = cstars[si]!;
    if (applied) {
      let vetoed: CVeto[] | undefined;
      for (const v of applied) if (v.starIndex === si || v.effect === "disqualify") (vetoed ??= []).push(v);
      if (vetoed) {
        stars[si] = vetoed.length === 1 && vetoed[0]!.vetoedStar ? vetoed[0]!.vetoedStar : vetoedStar(star.id, star.label, star.group, vetoed);
        continue;
      }
    }
    let result: StarResult = star.earned;
    let code = 0;
    const clauses = star.clauses;
    for (let ci = 0; ci < clauses.length; ci++) {
      const c = clauses[ci]!;
      // A clause that is a boolean fact is read from the frame directly.
      if (c.boolSlot >= 0 ? frame[c.boolSlot] !== true : !((fast ? c.fast! : c.fn)(frame) as boolean)) {
        result = c.failed;
        code = ci + 1;
        break;
      }
    }
    if (sig >= 0) sig = sig * intern!.base + code;
    stars[si] = result;
    if (result.earned) earnedCount++;
  }

  const qualified = qualifiedOf(model, stars);

  // Rating, then caps.
  const rating = model.rating;
  let value: number | string;
  if (rating.kind === "starCount") value = earnedCount;
  else if (fast) {
    const bands = rating.bands as readonly { fast?: (f: readonly unknown[]) => unknown; level?: number; grade?: string }[];
    let i = 0;
    while (bands[i]!.fast && !(bands[i]!.fast!(frame) as boolean)) i++;
    value = rating.kind === "levels" ? bands[i]!.level! : bands[i]!.grade!;
  } else {
    const score = frame[rating.score.slot] as Q;
    value = rating.kind === "levels"
      ? rating.bands.find((b) => !b.min || score.cmp(b.min) >= 0)!.level
      : rating.bands.find((b) => !b.min || score.cmp(b.min) >= 0)!.grade;
  }
  return { ok: true, model, id, frame, fast, last, asOf, events, applied, disqualified, stars, sig, qualified, rawValue: value };
}

/** Rushan's 合格: every star the ruleset names for it earned; undefined for a scheme without. */
export function qualifiedOf(model: Model, stars: readonly StarResult[]): boolean | undefined {
  const qs = model.qualifiedStars;
  if (!qs) return undefined;
  for (let i = 0; i < qs.length; i++) if (!stars[qs[i]!]!.earned) return false;
  return true;
}

/**
 * A decision made again without deciding, where no veto applied and the stars are known (a
 * cohort's row by its signature, a result by its own stars): on a frame whose scores are already
 * computed, the same decision `decide` would make.
 */
export function decidedFrom(model: Model, id: string, frame: unknown[], fast: boolean, last: LastYear | undefined, asOf: string | undefined, events: readonly Downgrade[] | undefined, stars: StarResult[], sig: number, rawValue: number | string): Decided {
  return { ok: true, model, id, frame, fast, last, asOf, events, applied: undefined, disqualified: false, stars, sig, qualified: qualifiedOf(model, stars), rawValue };
}

/** What the first phase decided about one subject. */
export interface Decided {
  readonly ok: true;
  readonly model: Model;
  readonly id: string;
  /** The subject's name, when it has one (set after deciding). */
  readonly name?: string;
  readonly frame: unknown[];
  readonly fast: boolean;
  readonly last: LastYear | undefined;
  readonly asOf: string | undefined;
  readonly events: readonly Downgrade[] | undefined;
  readonly applied: readonly CVeto[] | undefined;
  readonly disqualified: boolean;
  readonly stars: StarResult[];
  /** Signature of the star decisions for interning, or -1. */
  readonly sig: number;
  readonly qualified: boolean | undefined;
  /** The rating before caps, events and cohort rules. */
  readonly rawValue: number | string;
}


/** The rating after caps and events (before cohort quotas), with the trace entries of events. */
export function cappedValue(d: Decided, rawValue: number | string): { value: number | string; eventTrace: TraceEntry[] | undefined } {
  const { model, applied, disqualified } = d;
  const rating = model.rating;
  let value = rawValue;
  if (applied && typeof value === "number") {
    for (const v of applied) if (v.effect === "capLevel" && v.cap !== undefined && value > v.cap) value = v.cap;
    if (disqualified) value = rating.kind === "starCount" ? 0 : (rating as { min: number }).min;
  } else if (disqualified && rating.kind === "grades") {
    value = rating.grades[rating.grades.length - 1]!;
  }
  let eventTrace: TraceEntry[] | undefined;
  if (d.events && typeof value === "number") {
    const min = (rating as { min: number }).min;
    for (const e of d.events) {
      const before: number = value;
      value = Math.max(min, before - e.levels);
      (eventTrace ??= []).push(
        freeze({
          ...model.events!.trace,
          outcome: `downgraded ${before} → ${value} on ${e.date}: ${e.reason}`,
          value: String(value),
          // What an explanation reads out, as data (not parsed back from the words above).
          values: freeze({ from: String(before), to: String(value), date: e.date, reason: e.reason }),
        }),
      );
    }
  }
  return { value, eventTrace };
}


/** The scale of a fast-path score held as a scaled integer (rounded scores at their reported scale); undefined for a fraction. */
export function intScale(sc: CScore): number | undefined {
  const f = sc.fast!;
  if (sc.round !== undefined) return f.kind === "int" ? Math.min(f.num.scale, sc.round) : sc.round;
  return f.kind === "int" ? f.num.scale : undefined;
}

/** A score of a decided subject as an exact value, whichever path computed it. */
export function scoreExact(d: Decided, sc: CScore): Q {
  const v = d.frame[sc.slot];
  if (!d.fast) return v as Q;
  const scale = intScale(sc);
  return scale !== undefined ? Q.of(v as number).div(Q.of(POW10[scale]!)) : Q.of(v as number).div(Q.of(d.frame[sc.slot + 1] as number));
}

/** A fact of a decided subject: a number as an exact value, a boolean or string as it is. */
export function factExact(d: Decided, f: CFact): Q | boolean | undefined {
  const v = d.frame[f.slot];
  if (typeof v !== "number" || !d.fast) return v as Q | boolean | undefined;
  return Q.of(v).div(Q.of(f.fast!.pow));
}


function vetoedStar(id: string, label: StarResult["label"], group: string, by: CVeto[]): StarResult {
  return freeze({
    id,
    label,
    group,
    earned: false,
    vetoedBy: freeze(by.map((v) => v.id)),
    reason: freeze({
      zh: `一票否决：${by.map((v) => v.label.zh).join("；")}，取消该星评定资格`,
      en: `vetoed by ${by.map((v) => v.id).join(", ")}: not eligible for this star`,
    }),
  });
}

