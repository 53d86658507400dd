/** The compiler's section for cohort rules: quotas (with mode and tie policy) and last-place elimination. */
import { Q } from "../_lib/decimal.js";
import { didYouMean } from "../_lib/didYouMean.js";
import type { BuildContext as Builder } from "./context.js";
import type { CCohort, CFact, CRating, CScore, CStar, QuotaShare } from "./model.js";

type Path = (string | number)[];
const freeze = Object.freeze;

/** A string setting that is a literal or a string parameter holding one of `allowed`. */
function choice<T extends string>(ctx: Builder, ref: string | undefined, path: Path, allowed: readonly T[], fallback: T): T {
  if (ref === undefined) return fallback;
  let v = ref;
  if (!allowed.includes(ref as T)) {
    const p = ctx.r.parameters?.[ref];
    if (p?.type === "string") v = p.value;
    else {
      ctx.issue("invalid_value", path, `expected one of ${allowed.map((a) => JSON.stringify(a)).join(", ")} or a string parameter, got ${JSON.stringify(ref)}${didYouMean(ref, [...allowed, ...Object.keys(ctx.r.parameters ?? {})])}`);
      return fallback;
    }
  }
  if (!allowed.includes(v as T)) {
    ctx.issue("invalid_value", ["parameters", ref, "value"], `parameter "${ref}" must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}, got ${JSON.stringify(v)}${didYouMean(v, allowed)}`);
    return fallback;
  }
  return v as T;
}

/** A share as a decimal fraction of integers and as text (see {@link QuotaShare}). */
function shareParts(share: Q): QuotaShare {
  let k = 0;
  while (k < 15 && !share.mul(Q.of(10 ** k)).isInteger()) k++;
  const scaled = share.mul(Q.of(10 ** k));
  const num = scaled.isInteger() ? scaled.n.div(scaled.d).toNumber() : Infinity;
  return freeze({ num, den: 10 ** k, text: `${share.mul(Q.of(100)).toString()}%` });
}

export function buildCohort(ctx: Builder, scores: readonly CScore[], facts: readonly CFact[], stars: readonly CStar[], rating: CRating): CCohort | undefined {
  const c = ctx.r.cohort;
  if (!c) return undefined;
  const path: Path = ["cohort"];
  let rankBy: CScore | undefined;
  if (c.rankBy !== undefined) {
    rankBy = scores.find((s) => s.id === c.rankBy);
    if (!rankBy) ctx.issue("unknown_reference", [...path, "rankBy"], `unknown score "${c.rankBy}"${didYouMean(c.rankBy, scores.map((s) => s.id))}`);
  }
  const numeric = rating.kind !== "grades";
  const lo = numeric ? rating.min : 0, hi = numeric ? rating.max : 0;
  const quotas = (c.quotas ?? []).map((q, i) => {
    const qp: Path = [...path, "quotas", i];
    if (!numeric) ctx.issue("invalid_value", qp, "quotas need a numeric rating (stars or levels)");
    const r = ctx.int(q.rating, [...qp, "rating"], `rating of quota "${q.id}"`) ?? 0;
    const to = ctx.int(q.demoteTo, [...qp, "demoteTo"], `demoteTo of quota "${q.id}"`) ?? 0;
    const share = ctx.num(q.share, [...qp, "share"], `share of quota "${q.id}"`) ?? Q.ZERO;
    if (numeric && (r < lo || r > hi)) ctx.issue("invalid_value", [...qp, "rating"], `quota "${q.id}" caps rating ${r}, outside ${lo}–${hi}`);
    if (numeric && (to < lo || to >= r)) ctx.issue("invalid_value", [...qp, "demoteTo"], `quota "${q.id}" must demote below ${r}, to a rating of at least ${lo}; got ${to}`);
    if (share.cmp(Q.ZERO) < 0 || share.cmp(Q.of(1)) > 0) ctx.issue("invalid_value", [...qp, "share"], `share of quota "${q.id}" must be between 0 and 1, got ${share.toString()}`);
    return { id: q.id, rating: r, share, shareParts: shareParts(share), demoteTo: to, path: qp, provenance: ctx.provenance(q.source, [...qp, "source"]) ?? freeze({ default: "" }), overrides: ctx.overridesAt(qp) };
  });
  const lastPlace = (c.lastPlace ?? []).map((l, i) => {
    const lp: Path = [...path, "lastPlace", i];
    const fact = facts.find((f) => f.id === l.fact);
    if (!fact) ctx.issue("unknown_reference", [...lp, "fact"], `unknown fact "${l.fact}"${didYouMean(l.fact, facts.map((f) => f.id))}`);
    else if (fact.type !== "decimal" && fact.type !== "integer") ctx.issue("type_mismatch", [...lp, "fact"], `last place needs a numeric fact, but "${l.fact}" is a ${fact.type}`);
    const starIndex = stars.findIndex((s) => s.id === l.star);
    if (starIndex < 0) ctx.issue("unknown_reference", [...lp, "star"], `unknown star "${l.star}"${didYouMean(l.star, stars.map((s) => s.id))}`);
    const bottom = l.bottom === undefined ? 1 : (ctx.int(l.bottom, [...lp, "bottom"], "bottom") ?? 1);
    if (bottom < 1) ctx.issue("invalid_value", [...lp, "bottom"], `bottom must be at least 1, got ${bottom}`);
    return { fact: fact!, starIndex, bottom, path: lp, provenance: ctx.provenance(l.source, [...lp, "source"]) ?? freeze({ default: "" }), overrides: ctx.overridesAt(lp) };
  });
  if (lastPlace.length && rating.kind !== "starCount") ctx.issue("invalid_value", [...path, "lastPlace"], "last-place elimination removes stars, so it needs a starCount rating");
  ctx.provenance(c.source, [...path, "source"]);
  return {
    rankBy,
    quotas,
    mode: choice(ctx, c.quotaMode, [...path, "quotaMode"], ["enforce", "report"] as const, "enforce"),
    tiePolicy: choice(ctx, c.tiePolicy, [...path, "tiePolicy"], ["demoteTied", "keepTied", "byId"] as const, "demoteTied"),
    minCap: c.minCap === undefined ? 0 : (ctx.int(c.minCap, [...path, "minCap"], "minCap") ?? 0),
    lastPlace,
  };
}
