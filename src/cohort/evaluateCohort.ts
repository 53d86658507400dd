import { Q } from "../_lib/decimal.js";
import { remember } from "../_lib/remember.js";
import { frozenError, subjectError } from "../words/subjectErrors.js";
import type { CCohort, CohortTrace, Model, QuotaReasons, QuotaWords } from "../compile/model.js";
import { cappedValue, cohortTraceOf, decide, decidedFrom, decideSubject, factExact, finish, type CohortChange, type Decided } from "../evaluate/evaluate.js";
import { KeyColumn } from "./rankKey.js";
import type { Bilingual, Result, StarResult, TraceEntry, ParameterOverride } from "../evaluate/types.js";

const freeze = Object.freeze;

/** Options of `evaluateCohort`. */
export interface CohortOptions {
  /** The evaluation date for every subject (ISO `yyyy-MM-dd`). */
  readonly asOf?: string;
  /** Serialize each result's `nextStar` / `nextLevel` even when not read (see `EvaluateOptions.advice`). */
  readonly advice?: boolean;
  /** Put in each result's trace the values its conditions compared (see `EvaluateOptions.explain`). */
  readonly explain?: boolean;
}

/** A change a cohort rule made (or, in `report` mode, would make) to one subject's rating. */
export interface Adjustment {
  /** The subject's id. */
  readonly id: string;
  /** The rating before and after. */
  readonly from: number | string;
  readonly to: number | string;
  /** The cohort rule: `quota.<id>` or `lastPlace.<fact>`. */
  readonly rule: string;
  readonly reason: Bilingual;
  /** True when the subject tied with others at the cut, and the tie policy decided. */
  readonly tie: boolean;
  /** False in `report` mode, and for tied subjects kept over the cap by `keepTied`. */
  readonly applied: boolean;
}

/** The result of evaluating a cohort. Frozen. */
export interface CohortResult {
  /** One result per input subject, in input order; invalid ones have `ok: false`. */
  readonly results: readonly Result[];
  /** Every cohort-level change, in the order the rules applied. */
  readonly adjustments: readonly Adjustment[];
  /** Count of valid subjects per rating value (or grade), after adjustments. */
  readonly distribution: Readonly<Record<string, number>>;
  /** Where the scheme pays: the year's payments summed exactly over the cohort. */
  readonly payments?: { readonly total: string };
}

/** Rows whose first-pass decisions a cohort keeps (beyond them, rows are made again). */
const KEEP = 4096;

/** No last-place rule: no columns (one shared empty list). */
const NO_COLUMNS: readonly KeyColumn[] = freeze([]);

/**
 * How many rows cohorts have decided again in their second pass (internal; tests read it to hold
 * the claim that a row with a signature is made again from it, not decided again).
 */
export const cohortStats = { decidedAgain: 0 };

/**
 * The valid rows of a cohort, as columns. A city is a million rows: the first pass keeps the
 * decisions of the first {@link KEEP} rows and, for the rows past them, only what the cohort rules
 * read (numbers, ids) and each row's frame of checked facts (which its result keeps anyway), not
 * the decision itself; the second pass makes such a row's decision again from its frame (no second
 * check of the facts: from its signature's stars, or by deciding again) and finishes. That costs
 * less than keeping a million decisions alive for the garbage collector to copy.
 */
interface Rows {
  readonly id: string[];
  /** Each row's place in the input. */
  readonly index: number[];
  /** The rating after caps, events and the cohort rules applied so far. */
  readonly value: (number | string)[];
  /** Stars after last-place elimination, for the rows it changed (made when first needed). */
  stars: Map<number, StarResult[]> | undefined;
  /** Trace entries of the cohort rules, by row, for the rows they changed (shared frozen arrays, see pushTrace). */
  trace: (CohortTrace | undefined)[];
  /** The rankBy score of each row, when the cohort ranks by a score. */
  readonly score: KeyColumn | undefined;
  /** The fact of each last-place rule, per row. */
  readonly lastPlace: readonly KeyColumn[];
  /** Decides row i again (the same decision as the first pass: evaluation is pure). */
  readonly decide: (i: number) => Decided;
}

/** What makes a decision again, for the rows past the first {@link KEEP} (row i at i − KEEP). */
interface Later {
  /** Each row's frame, and whether it is on the fast path. */
  readonly frame: unknown[][];
  readonly fast: boolean[];
  /** Each row's signature of its star decisions (see `Decided.sig`; -1: none), and its rating before caps, events and cohort rules. */
  readonly sig: number[];
  readonly raw: (number | string)[];
  /** Last year's result, events and name, for the rows that have them. */
  readonly context: Map<number, Pick<Decided, "last" | "events" | "name">>;
  /** The stars of each signature (every row's that has it). */
  readonly bySig: Map<number, StarResult[]>;
}

/**
 * Evaluates every subject, then applies the ruleset's cohort rules (last-place elimination,
 * quotas with their tie policy) and ranks the valid subjects. Nothing is lost: one result per
 * input, in order; bad rows are `ok: false` and do not count toward N or rankings.
 *
 * Cost: an evaluation and one more run of its rules per subject, plus sorting (O(n log n)) with exact keys
 * compared as integers where the fast path holds.
 */
export function evaluateCohort(model: Model, subjects: unknown, options: CohortOptions | undefined): CohortResult {
  if (subjects === null || typeof subjects !== "object" || !(Symbol.iterator in (subjects as object))) {
    throw new TypeError(`evaluateCohort() expects an array of subjects, got ${subjects === null ? "null" : typeof subjects}`);
  }
  const asOf = options?.asOf;
  const advice = options?.advice === true;
  const explain = options?.explain === true;
  const evalOptions = asOf === undefined ? undefined : { asOf };
  const c = model.cohort;
  const rankBy = c?.rankBy;
  const results: Result[] = [];
  // The first KEEP rows keep their first-pass decisions: a small cohort decides each row once.
  const kept: Decided[] = [];
  let later: Later | undefined;
  const rows: Rows = {
    id: [],
    index: [],
    value: [],
    stars: undefined,
    trace: [],
    score: rankBy ? KeyColumn.ofScore(rankBy) : undefined,
    lastPlace: c && c.lastPlace.length ? c.lastPlace.map((l) => KeyColumn.ofFact(l.fact)) : NO_COLUMNS,
    decide: (i) => {
      if (i < KEEP) return kept[i]!;
      // Past the kept rows: from the stars of its signature where it has one (no veto applied;
      // its frame already holds its scores), else by deciding again.
      const l = later!, j = i - KEEP;
      const ctx = l.context.get(j);
      const sig = l.sig[j]!;
      const stars = sig >= 0 ? l.bySig.get(sig) : undefined;
      let d: Decided;
      if (stars) d = decidedFrom(model, rows.id[i]!, l.frame[j]!, l.fast[j]!, ctx?.last, asOf, ctx?.events, stars, sig, l.raw[j]!);
      else {
        cohortStats.decidedAgain++;
        d = decide(model, rows.id[i]!, l.frame[j]!, l.fast[j]!, ctx?.last, asOf, ctx?.events);
      }
      if (ctx?.name !== undefined) (d as { name?: string }).name = ctx.name;
      return d;
    },
  };
  for (const subject of subjects as Iterable<unknown>) {
    if (subject === null || typeof subject !== "object" || Array.isArray(subject)) {
      results.push(
        freeze({
          ok: false as const,
          id: undefined,
          ruleset: model.rulesetRef,
          errors: freeze([frozenError(subjectError("not_a_subject", [], { got: subject === null ? "null" : Array.isArray(subject) ? "an array" : typeof subject }))]),
        }),
      );
      continue;
    }
    const d = decideSubject(model, subject, evalOptions);
    if (d.ok) {
      if (rows.id.length < KEEP) kept.push(d);
      else {
        // Past those kept, a row keeps what makes its decision again: its frame, and its
        // signature (whose stars are its own, or a later row's).
        const l: Later = (later ??= { frame: [], fast: [], sig: [], raw: [], context: new Map(), bySig: new Map() });
        if (d.sig >= 0) l.bySig.set(d.sig, d.stars);
        if (d.last || d.events || d.name !== undefined) l.context.set(l.frame.length, { last: d.last, events: d.events, name: d.name });
        l.frame.push(d.frame);
        l.fast.push(d.fast);
        l.sig.push(d.sig);
        l.raw.push(d.rawValue);
      }
      rows.id.push(d.id);
      rows.index.push(results.length);
      rows.value.push(d.applied || d.events ? cappedValue(d, d.rawValue).value : d.rawValue);
      rows.score?.add(d);
      for (const col of rows.lastPlace) col.add(d);
      results.push(undefined as unknown as Result); // filled by the second pass
    } else results.push(d);
  }
  const n = rows.id.length;
  rows.trace = new Array(n);

  // By score, best first: the ranking, and (filtered) each quota's pool, from one sort.
  const byScore = rows.score?.sorted(true);
  const adjustments: Adjustment[] = [];
  if (c) {
    lastPlace(model, c, rows, adjustments);
    quotas(model, c, rows, byScore, adjustments);
  }

  // Ranking among the valid subjects: by the rankBy score, else by the rating. Position = 1 + the
  // number ranked strictly higher, so ties share a position.
  const value = rows.value;
  const by = rankBy?.id ?? "rating";
  const keys = rows.score ?? KeyColumn.ofInts(value.map((v) => (typeof v === "number" ? v : -gradeIndex(model, v))));
  const order = byScore ?? keys.sorted(true);
  const position = new Array<number>(n);
  for (let j = 0; j < n; j++) {
    const i = order[j]!;
    position[i] = j > 0 && keys.compare(i, order[j - 1]!) === 0 ? position[order[j - 1]!]! : j + 1;
  }

  const ranks = rankTable(model, n);
  // Counts per rating: numeric ratings by value − min in an array, grades by name.
  const r = model.rating;
  const numericCounts = r.kind === "grades" ? undefined : new Array<number>(r.max - model.ratingMin + 1).fill(0);
  const gradeCounts = r.kind === "grades" ? new Map<string, number>() : undefined;
  // Payments counted per distinct amount, then multiplied: one exact operation per amount, not per row.
  const perYear = model.pays ? new Map<string, number>() : undefined;
  const change: { -readonly [K in keyof CohortChange]: CohortChange[K] } = {};
  for (let i = 0; i < n; i++) {
    const v = value[i]!;
    // Tied rows share a position, and so one frozen rank object.
    const at = position[i]!;
    const rank = (ranks[at] ??= freeze({ by, position: at, of: n }));
    // One scratch change for every row: finish reads it and keeps none of it but the rank.
    change.stars = rows.stars?.get(i);
    change.value = v;
    change.trace = rows.trace[i];
    change.rank = rank;
    const res = finish(rows.decide(i), change, advice, explain);
    results[rows.index[i]!] = res;
    if (numericCounts) numericCounts[(v as number) - model.ratingMin]!++;
    else gradeCounts!.set(v as string, (gradeCounts!.get(v as string) ?? 0) + 1);
    if (perYear) for (const p of res.tier.payments ?? EMPTY_PAYMENTS) perYear.set(p.perYear, (perYear.get(p.perYear) ?? 0) + 1);
  }
  let paid = Q.ZERO;
  if (perYear) for (const [amount, count] of perYear) paid = paid.add(Q.of(amount).mul(Q.of(count)));
  // Keys in rating order: grades best first (numeric keys are ordered by the language).
  const distribution: Record<string, number> = {};
  if (numericCounts) numericCounts.forEach((count, k) => count && (distribution[k + model.ratingMin] = count));
  else for (const g of (r as { grades: readonly string[] }).grades) if (gradeCounts!.has(g)) distribution[g] = gradeCounts!.get(g)!;
  return freeze({
    results: freeze(results),
    adjustments: freezeEach(adjustments),
    distribution: freeze(distribution),
    ...(perYear ? { payments: freeze({ total: paid.toString() }) } : {}),
  });
}

const EMPTY_PAYMENTS: readonly never[] = freeze([]);

/** Freezes each item of a list, then the list (in place: a city's adjustments are not copied). */
function freezeEach<T extends object>(list: T[]): readonly T[] {
  for (const item of list) freeze(item);
  return freeze(list);
}

/** The largest cohort whose rank objects and quota reasons a scheme keeps, and how many sizes. */
const SHARED_UP_TO = 1024, RANK_SIZES = 64;
/**
 * The frozen `{ by, position, of }` of each position in a cohort of n (`by` is the scheme's):
 * one table per size, so cohorts of the same size (a simulation's editions, a county's yearly
 * run) share their rank objects as tied rows do. Larger cohorts get a table of their own.
 */
function rankTable(model: Model, n: number): (CohortChange["rank"] | undefined)[] {
  if (n > SHARED_UP_TO) return new Array(n + 1);
  return model.cohortRanks.get(n) ?? remember(model.cohortRanks, n, new Array(n + 1), RANK_SIZES);
}

/** floor(n / d) of an exact value, exactly. */
function floorOf(v: Q): number {
  const q = v.n.divToInt(v.d);
  const exact = q.times(v.d).eq(v.n);
  return (v.n.isNeg() && !exact ? q.minus(1) : q).toNumber();
}

function gradeIndex(model: Model, grade: string): number {
  const r = model.rating;
  return r.kind === "grades" ? r.grades.indexOf(grade) : 0;
}

function cohortTrace(rule: string, path: readonly (string | number)[], outcome: string, value: string, provenance: { default: string } | object, overrides: readonly ParameterOverride[] | undefined): TraceEntry {
  const isDefault = "default" in provenance;
  if (!overrides) return freeze({ rule, path, outcome, value, isDefault, source: provenance as TraceEntry["source"] });
  return freeze({ rule, path, outcome, value, isDefault, source: freeze({ ...provenance, original: true }) as TraceEntry["source"], overridden: true, overrides });
}

/** 末位淘汰: on each listed fact, the subjects ranked last lose the fact's star; a cohort-wide tie has no last place. */
function lastPlace(model: Model, c: CCohort, rows: Rows, out: Adjustment[]): void {
  const enforce = c.mode === "enforce";
  const n = rows.id.length;
  c.lastPlace.forEach((rule, r) => {
    if (n < 2) return;
    const keys = rows.lastPlace[r]!;
    // The cut is the value at the `bottom`-th place from the end; everyone at or below it loses.
    const ascending = keys.sorted(false);
    const cut = ascending[Math.min(rule.bottom, n) - 1]!;
    let count = 0;
    while (count < n && keys.compare(ascending[count]!, cut) <= 0) count++;
    if (count === n) return; // everyone tied at the cut: no last place
    const star = model.stars[rule.starIndex]!;
    // Losers in cohort order, as the adjustments list them.
    const losers = ascending.slice(0, count).sort((a, b) => a - b);
    for (const i of losers) {
      const d = rows.decide(i);
      const current = rows.stars?.get(i) ?? d.stars;
      if (!current[rule.starIndex]!.earned) continue; // does not hold the star anyway
      const shown = (factExact(d, rule.fact) as Q).toString();
      const reason: Bilingual = freeze({
        zh: `末位淘汰：${rule.fact.label.zh}${shown}分，在${n}个中${rule.bottom === 1 ? "排名末位" : `排名后${rule.bottom}位`}${count > rule.bottom ? `（${count}个在淘汰线上或以下）` : ""}，摘去${star.label.zh}`,
        en: `${rule.bottom === 1 ? "last place" : `bottom ${rule.bottom}`} on ${rule.fact.id} (${shown}) among ${n}${count > rule.bottom ? `, ${count} at or below the cut` : ""}: loses ${star.id}`,
      });
      const nextStars = current.slice();
      nextStars[rule.starIndex] = freeze({ id: star.id, label: star.label, group: star.group, earned: false, vetoedBy: freeze([]), reason });
      const raw = nextStars.reduce((k, st) => k + (st.earned ? 1 : 0), 0);
      const to = cappedValue(d, raw).value;
      out.push({ id: d.id, from: rows.value[i]!, to, rule: `lastPlace.${rule.fact.id}`, reason, tie: count > rule.bottom, applied: enforce });
      if (enforce) {
        (rows.stars ??= new Map()).set(i, nextStars);
        rows.value[i] = to;
        pushTrace(model, rows, i, cohortTrace(`lastPlace.${rule.fact.id}`, rule.path, reason.en, String(to), rule.provenance, rule.overrides));
      }
    }
  });
}

/**
 * Adds a cohort rule's entry to row i's cohort trace. Traces with the same entries (by content:
 * rule, outcome and value) are one frozen array per scheme, shared by every row and every cohort
 * that made the same decisions, so `finish` interns their results.
 */
function pushTrace(model: Model, rows: Rows, i: number, entry: TraceEntry): void {
  const prev = rows.trace[i];
  // By the entry object first (a quota's entries are the same objects in every cohort of a size),
  // then by content.
  const next = prev ? prev.next : model.cohortTraceRoots;
  let t = next.get(entry);
  if (!t) {
    const key = `${prev ? `${prev.key}\u0002` : ""}${entry.rule}\u0001${entry.outcome}\u0001${entry.value ?? ""}`;
    const cache = model.cohortTraces;
    t = cache.get(key);
    if (!t) {
      t = remember(cache, key, cohortTraceOf([...(prev?.trace ?? []), entry], key), SHARED_TRACES);
    }
    remember(next, entry, t, SHARED_TRACES);
  }
  rows.trace[i] = t;
}

/** Shared cohort trace arrays a scheme keeps before it starts over. */
const SHARED_TRACES = 256;

/**
 * What quota q says in a cohort of n with this cap (which follows from n): its two trace entries,
 * made once per scheme, quota and size (the last {@link RANK_SIZES} sizes kept), so that a demoted
 * row's entries are the same objects in every cohort of the size and their traces intern.
 */
function quotaWords(model: Model, q: CCohort["quotas"][number], n: number, cap: number, shareText: string): QuotaWords {
  let bySize = model.quotaWords.get(q);
  if (!bySize) model.quotaWords.set(q, (bySize = new Map()));
  let w = bySize.get(n);
  if (!w) {
    // The trace says what the quota did, without the rank (the adjustment and result.rank say that).
    const entry = (isTied: boolean) =>
      cohortTrace(`quota.${q.id}`, q.path, `quota ${q.id}: at most ${shareText} of ${n} may hold ${q.rating} (cap ${cap})${isTied ? ", tied at the cut" : ""}: demoted to ${q.demoteTo}`, String(q.demoteTo), q.provenance, q.overrides);
    w = remember(bySize, n, { traced: [entry(false), entry(true)], said: new Map() }, RANK_SIZES);
  }
  return w;
}

/** Quotas, highest rating first, cascading: the excess lowest-ranked are demoted; ties follow the tie policy. */
function quotas(model: Model, c: CCohort, rows: Rows, byScore: readonly number[] | undefined, out: Adjustment[]): void {
  const enforce = c.mode === "enforce";
  const n = rows.id.length;
  // In report mode the cascade is simulated on a copy of the values, so results stay unchanged.
  const value = rows.value.slice();
  const score = rows.score;
  const cmp = (a: number, b: number) => (score ? score.compare(a, b) : 0);
  const ids = rows.id;
  for (const q of c.quotas) {
    let count = 0;
    for (let i = 0; i < n; i++) if (value[i] === q.rating) count++;
    const share = q.shareParts;
    const cap = Math.max(c.minCap, share.num * n <= Number.MAX_SAFE_INTEGER ? Math.floor((share.num * n) / share.den) : floorOf(q.share.mul(Q.of(n))));
    if (count <= cap) continue;
    // Best first (the ranking's order, by score only so far).
    const sorted = byScore ? byScore.filter((i) => value[i] === q.rating) : rows.id.map((_, i) => i).filter((i) => value[i] === q.rating);
    // The tied run at the cut: the subjects whose score equals the last kept one, when it spills over.
    // (No tie at the cut: the run is empty, from and to the cap.)
    let tieFrom = cap, tieTo = cap;
    if (cap > 0 && cmp(sorted[cap]!, sorted[cap - 1]!) === 0) {
      const edge = sorted[cap - 1]!;
      while (tieFrom > 0 && cmp(sorted[tieFrom - 1]!, edge) === 0) tieFrom--;
      while (tieTo < sorted.length && cmp(sorted[tieTo]!, edge) === 0) tieTo++;
    }
    // Equal scores by id (the byId policy keeps the lower ids; a demoted row's reason says its
    // place), from the tied run on: above it every row is kept whatever the order of its equals.
    byScoreThenId(sorted, score, ids, tieFrom);
    const shareText = share.text;
    const rule = `quota.${q.id}`;
    const words = quotaWords(model, q, n, cap, shareText);
    const said = quotaReasons(words, q, n, cap, sorted.length, shareText, c.rankBy?.id ?? "rating");
    // One entry per outcome, shared by every row it demoted (and every cohort of this size), so their traces intern.
    const traced = words.traced;
    for (let p = 0; p < sorted.length; p++) {
      const i = sorted[p]!;
      const isTied = p >= tieFrom && p < tieTo;
      // Kept: the places within the cap, except the tied run under demoteTied.
      if (p < cap && !(isTied && c.tiePolicy === "demoteTied")) continue;
      // Past the cap, a tied row under keepTied is kept over it (said, not applied).
      const overCap = isTied && c.tiePolicy === "keepTied";
      const reason = reasonAt(said, p, overCap ? 2 : isTied ? 1 : 0);
      const applied = enforce && !overCap;
      out.push({ id: ids[i]!, from: q.rating, to: overCap ? q.rating : q.demoteTo, rule, reason, tie: isTied, applied });
      if (overCap) continue;
      value[i] = q.demoteTo;
      if (enforce) {
        rows.value[i] = q.demoteTo;
        pushTrace(model, rows, i, traced[isTied ? 1 : 0]);
      }
    }
  }
}

/**
 * A quota's words around the rank in a cohort of n with this cap and pool (made once per quota,
 * size, cap and pool: a city has tens of thousands of demotions), kept with the reasons themselves
 * for cohorts up to {@link SHARED_UP_TO} (the last {@link POOLS} pools of each size), shared as
 * their rank objects are.
 */
function quotaReasons(words: QuotaWords, q: CCohort["quotas"][number], n: number, cap: number, pool: number, shareText: string, by: string): QuotaReasons {
  const shared = n <= SHARED_UP_TO;
  const kept = shared ? words.said.get(pool) : undefined;
  if (kept) return kept;
  const made: QuotaReasons = {
    zhHead: `${q.rating}星级占比不超过${shareText}：名额${cap}个（${n}×${shareText}取整），排名第`,
    enHead: `quota ${q.id}: at most ${shareText} of ${n} may hold ${q.rating} (cap ${cap}); ranked `,
    enOf: ` of ${pool} by ${by}`,
    zhTail: [`，降为${q.demoteTo}星级`, `（并列），降为${q.demoteTo}星级`, "（并列），并列保留，超出名额"],
    enTail: [`: demoted to ${q.demoteTo}`, `, tied: demoted to ${q.demoteTo}`, ", tied: kept over the cap (keepTied)"],
    reasons: shared ? [] : undefined,
  };
  return shared ? remember(words.said, pool, made, POOLS) : made;
}

/** Pools (rows at a quota's rating) whose reasons a scheme keeps per quota and size of cohort. */
const POOLS = 4;

/** The reason of the quota's p-th ranked subject: 0 demoted, 1 tied and demoted, 2 kept over the cap (tied). */
function reasonAt(w: QuotaReasons, p: number, kind: number): Bilingual {
  const kept = w.reasons?.[p * 3 + kind];
  if (kept) return kept;
  const reason = freeze({ zh: w.zhHead + (p + 1) + w.zhTail[kind]!, en: w.enHead + (p + 1) + w.enOf + w.enTail[kind]! });
  if (w.reasons) w.reasons[p * 3 + kind] = reason;
  return reason;
}

/** The longest run of equal scores put in id order by insertion (longer runs are sorted). */
const SHORT_RUN = 32;

/**
 * Row indexes already by score (best first), put in id order (code units) where scores are equal,
 * in place: the runs of equal scores that reach position `needed` or beyond (the runs before it
 * keep their order).
 */
function byScoreThenId(pool: number[], score: KeyColumn | undefined, ids: readonly string[], needed: number): number[] {
  const byId = (a: number, b: number) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0);
  if (!score) return pool.sort(byId);
  // Runs of equal scores, each put in id order.
  for (let from = 0; from < pool.length; ) {
    let to = from + 1;
    while (to < pool.length && score.compare(pool[to]!, pool[from]!) === 0) to++;
    if (to - from > 1 && to > needed) {
      if (to - from <= SHORT_RUN) {
        // By insertion, in place: a run of a few ties costs no copy and no comparator calls.
        for (let j = from + 1; j < to; j++) {
          const i = pool[j]!, id = ids[i]!;
          let k = j - 1;
          while (k >= from && ids[pool[k]!]! > id) {
            pool[k + 1] = pool[k]!;
            k--;
          }
          pool[k + 1] = i;
        }
      } else {
        const run = pool.slice(from, to).sort(byId);
        for (let j = 0; j < run.length; j++) pool[from + j] = run[j]!;
      }
    }
    from = to;
  }
  return pool;
}
