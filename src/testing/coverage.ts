/**
 * Rule coverage: which rules a set of results exercised. For every star condition (seen true and
 * seen false), veto item (applied), tier and rating band (reached), quota and last-place rule
 * (binding), remediation rule (fired), conditional action and payment (applied): whether some
 * result exercised it; and which parameters decided nothing. Read from the results' traces.
 */
import { modelOf } from "../scheme/models.js";
import type { Model } from "../compile/model.js";
import { namesRead, valueAt } from "../ruleset/reads.js";
import type { Result } from "../evaluate/types.js";

/** One rule of the scheme, and whether the results exercised it. */
export interface CoverageItem {
  /** What kind of rule. */
  readonly kind: "condition" | "veto" | "tier" | "band" | "quota" | "lastPlace" | "remediation" | "action" | "payment" | "procedure";
  /** Its name: `stars.orgAwareness.when[1]`, `vetoes.ideals`, `tiers.consolidate`, `rating.level.5`, … */
  readonly id: string;
  /** Its JSON path in the ruleset. */
  readonly path: readonly (string | number)[];
  /** For a condition: seen true, seen false. */
  readonly seenTrue?: boolean;
  readonly seenFalse?: boolean;
  /** Exercised (a condition: seen both ways). */
  readonly covered: boolean;
  /** Why it cannot be exercised by results (procedure steps), or the author's reason (`uncovered`). */
  readonly reason?: string;
}

/** The coverage of a scheme by some results. */
export interface Coverage {
  /** Every rule, in ruleset order. */
  readonly items: readonly CoverageItem[];
  /** Rules exercised, of those results can exercise. */
  readonly covered: number;
  readonly total: number;
  /** Rules results could exercise but did not, without a stated reason. */
  readonly missing: readonly CoverageItem[];
  /** Rules not exercised, with the reason (unreachable from results, or stated by the author). */
  readonly explained: readonly CoverageItem[];
  /** Parameters that no exercised rule reads: they decided nothing in these results. */
  readonly unusedParameters: readonly string[];
  /** Results left out because they carry no trace (`compact()` results, or not results at all). */
  readonly skipped: number;
}

/** Options of `coverage`. */
export interface CoverageOptions {
  /** Rules the author knows cannot be reached, by item id, with the reason (a fixtures file's `uncovered`). */
  readonly uncovered?: Readonly<Record<string, string>>;
}

/** The parameter names the JSON at `path` mentions (through the scores it names too). */
function paramsAt(model: Model, path: readonly (string | number)[]): string[] {
  return paramsIn(model, valueAt(model.source, path));
}

/** The parameter names a piece of ruleset JSON mentions (through the scores it names too). */
function paramsIn(model: Model, value: unknown): string[] {
  const params = model.source.parameters ?? {};
  return namesRead(model.source, value, (w) => Object.prototype.hasOwnProperty.call(params, w));
}

/**
 * The coverage of a scheme by results it produced (from `evaluate`, `evaluateCohort` or
 * `runFixtures(...).results`; rejections are skipped).
 *
 * @throws TypeError when `scheme` is not a compiled scheme.
 */
export function coverage(scheme: unknown, results: Iterable<Result>, options: CoverageOptions = {}): Coverage {
  const model = modelOf(scheme);
  const r = model.source;
  type Mutable = { kind: CoverageItem["kind"]; id: string; path: (string | number)[]; seenTrue?: boolean; seenFalse?: boolean; covered: boolean; reason?: string };
  const items: Mutable[] = [];
  const byRule = new Map<string, Mutable>();
  const add = (kind: Mutable["kind"], id: string, path: (string | number)[], key = id) => {
    const item: Mutable = { kind, id, path, covered: false, ...(kind === "condition" ? { seenTrue: false, seenFalse: false } : {}) };
    items.push(item);
    byRule.set(key, item);
    return item;
  };
  (r.stars ?? []).forEach((s, i) => s.when.forEach((_, k) => add("condition", `stars.${s.id}.when[${k}]`, ["stars", i, "when", k])));
  (r.vetoes ?? []).forEach((v, i) => add("veto", `vetoes.${v.id}`, ["vetoes", i]));
  r.tiers.forEach((t, i) => {
    add("tier", `tiers.${t.id}`, ["tiers", i]);
    (t.actions ?? []).forEach((a, k) => a.when && add("action", `tiers.${t.id}.actions.${a.id}`, ["tiers", i, "actions", k]));
    (t.payments ?? []).forEach((p, k) => add("payment", `tiers.${t.id}.payments.${p.id}`, ["tiers", i, "payments", k]));
  });
  if (model.rating.kind === "levels") for (let v = model.rating.min; v <= model.rating.max; v++) add("band", `rating.level.${v}`, ["rating", "bands", model.rating.max - v]);
  if (model.rating.kind === "grades") model.rating.grades.forEach((g, i) => add("band", `rating.grade.${g}`, ["rating", "bands", i]));
  (r.cohort?.quotas ?? []).forEach((q, i) => add("quota", `quota.${q.id}`, ["cohort", "quotas", i]));
  (r.cohort?.lastPlace ?? []).forEach((l, i) => add("lastPlace", `lastPlace.${l.fact}`, ["cohort", "lastPlace", i]));
  (r.remediation?.rules ?? []).forEach((x, i) => add("remediation", `remediation.${x.id}`, ["remediation", "rules", i]));
  (r.procedure ?? []).forEach((p, i) => {
    const item = add("procedure", `procedure.${p.id}`, ["procedure", i]);
    item.reason = "a procedure step is exercised by scheme.deadline and publication, not by a result";
  });

  let anyValid = false;
  const starById = new Map((r.stars ?? []).map((s) => [s.id, s]));
  let skipped = 0;
  for (const res of results) {
    if (!res || typeof res !== "object" || !res.ok) continue;
    // A result without its trace (a compact() one, or not a result) says nothing about the rules.
    if (!Array.isArray(res.trace) || !res.tier || typeof res.tier !== "object") {
      skipped++;
      continue;
    }
    anyValid = true;
    for (const t of res.trace) {
      if (t.rule.startsWith("stars.")) {
        const id = t.rule.slice(6);
        const star = starById.get(id);
        if (!star) continue;
        // Earned: every clause held. Not earned at clause k: clauses before it held, k did not.
        const failedAt = t.path.length === 4 ? (t.path[3] as number) : star.when.length;
        for (let k = 0; k < Math.min(failedAt + 1, star.when.length); k++) {
          const item = byRule.get(`stars.${id}.when[${k}]`)!;
          if (k < failedAt) item.seenTrue = true;
          else item.seenFalse = true;
        }
      } else if (t.rule.startsWith("vetoes.") || t.rule.startsWith("quota.") || t.rule.startsWith("lastPlace.") || t.rule.startsWith("remediation.")) {
        const item = byRule.get(t.rule);
        if (item) item.covered = true;
      }
    }
    const tier = byRule.get(`tiers.${res.tier.id}`);
    if (tier) tier.covered = true;
    for (const a of res.tier.actions) {
      const item = byRule.get(`tiers.${res.tier.id}.actions.${a.id}`);
      if (item) item.covered = true;
    }
    for (const p of res.tier.payments ?? []) {
      const item = byRule.get(`tiers.${res.tier.id}.payments.${p.id}`);
      if (item) item.covered = true;
    }
    // The band the rating score reached (before caps and events: the rating trace's value).
    const rt = res.trace.find((t) => t.rule === "rating");
    if (rt?.value !== undefined) {
      const item = byRule.get(model.rating.kind === "levels" ? `rating.level.${rt.value}` : `rating.grade.${rt.value}`);
      if (item) item.covered = true;
    }
  }
  for (const item of items) {
    if (item.kind === "condition") item.covered = item.seenTrue === true && item.seenFalse === true;
    const stated = options.uncovered?.[item.id];
    if (!item.covered && stated !== undefined) item.reason = stated;
  }
  // The parameters each exercised rule reads: its own JSON, and what it depends on (a band its
  // score, a remediation rule its steps' durations, a quota the cohort's mode and tie policy).
  // Fact bounds decided every valid input; procedure durations are for deadlines, not results.
  const used = new Set<string>();
  const use = (path: (string | number)[]) => paramsAt(model, path).forEach((p) => used.add(p));
  if (anyValid) use(["facts"]);
  use(["procedure"]);
  for (const item of items) {
    if (!item.covered) continue;
    use(item.path);
    if (item.kind === "band" && "score" in r.rating) paramsIn(model, r.rating.score).forEach((p) => used.add(p));
    if (item.kind === "remediation") for (const st of (r.remediation?.rules[item.path[2] as number]?.steps ?? [])) use(["remediation", "steps", st]);
    if (item.kind === "quota" || item.kind === "lastPlace") for (const k of ["quotaMode", "tiePolicy", "minCap", "rankBy"]) use(["cohort", k]);
  }
  const unusedParameters = Object.keys(r.parameters ?? {}).filter((p) => !used.has(p) && r.parameters![p]!.type !== "text");
  const reachable = items.filter((i) => i.kind !== "procedure");
  const freezeItem = (i: Mutable): CoverageItem => Object.freeze({ ...i, path: Object.freeze([...i.path]) });
  const frozen = items.map(freezeItem);
  return Object.freeze({
    items: Object.freeze(frozen),
    covered: reachable.filter((i) => i.covered).length,
    total: reachable.length,
    missing: Object.freeze(frozen.filter((i) => !i.covered && i.reason === undefined)),
    explained: Object.freeze(frozen.filter((i) => !i.covered && i.reason !== undefined)),
    unusedParameters: Object.freeze(unusedParameters),
    skipped,
  });
}
