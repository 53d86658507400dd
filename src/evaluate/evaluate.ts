import { DivisionByZero, Q } from "../_lib/decimal.js";
import { remember } from "../_lib/remember.js";
import { addDuration, parseIsoDate } from "../_lib/dates.js";
import { show } from "../_lib/text.js";
import { frozenError, subjectError, type SubjectError } from "../words/subjectErrors.js";
import type { CohortTrace, CRemedyRule, CScore, CTier, CVeto, Model } from "../compile/model.js";
import { loadFacts } from "./loadFacts.js";
import { cappedValue, decide, decidedFrom, intScale, qualifiedOf, type Decided, type Downgrade, type LastYear } from "./decide.js";
import { nextLevel, nextStarAt, type Lazy } from "../remediation/search.js";
import { loadFactsFast } from "./loadFactsFast.js";
import { formatFrac, formatScaled } from "../expr/fast.js";
import type {
  ChangeResult,
  EvaluateOptions,
  NextLevel,
  NextStar,
  Evaluation,
  PaymentResult,
  Rejection,
  Result,
  StarResult,
  StepResult,
  TierResult,
  TraceEntry,
  VetoResult,
} from "./types.js";

export { cappedValue, computeScores, decide, decidedFrom, factExact, scoreExact, type Decided } from "./decide.js";

const freeze = Object.freeze;
const EMPTY: readonly never[] = freeze([]);

/**
 * Evaluates one subject against a compiled model. Never throws for bad subject data: returns
 * `ok: false` with paths. Throws only when called with something that is not a subject.
 */
export function evaluateSubject(model: Model, subject: unknown, options: EvaluateOptions | undefined, exactOnly = false): Result {
  const d = decideSubject(model, subject, options, exactOnly);
  return d.ok === false ? d : finish(d, undefined, options?.advice === true, options?.explain === true);
}

/**
 * The first phase: validate, then decide scores, vetoes, stars and the raw rating. A cohort
 * applies its rules between this and {@link finish}.
 */
export function decideSubject(model: Model, subject: unknown, options: EvaluateOptions | undefined, exactOnly = false): Decided | Rejection {
  if (subject === null || typeof subject !== "object" || Array.isArray(subject)) {
    throw new TypeError(`evaluate() expects a subject object { id, facts }, got ${subject === null ? "null" : Array.isArray(subject) ? "an array" : typeof subject}`);
  }
  let asOf: string | undefined;
  let history: unknown;
  if (options !== undefined) {
    asOf = options.asOf;
    history = options.history;
    if (asOf !== undefined && asOf !== model.lastAsOf.value) {
      if (typeof asOf !== "string" || !parseIsoDate(asOf)) throw new RangeError(`options.asOf must be an ISO date "yyyy-MM-dd", got ${show(asOf)}`);
      model.lastAsOf.value = asOf;
    }
  }
  const s = subject as { id?: unknown; name?: unknown; facts?: unknown; events?: unknown; history?: unknown };
  if (history === undefined) history = s.history;
  const rawId = s.id;
  const facts = s.facts;
  // The common case first: a well-formed subject whose values fit the fast path.
  const isObject = facts !== null && typeof facts === "object" && !Array.isArray(facts);
  let frame = model.fast && !exactOnly && isObject ? loadFactsFast(model, facts as Record<string, unknown>) : undefined;
  const rawName = s.name;
  if (frame !== undefined && typeof rawId === "string" && s.events === undefined && history === undefined && (rawName === undefined || typeof rawName === "string")) {
    return guarded(model, rawId, rawName, frame, true, undefined, asOf, undefined);
  }
  const errors: SubjectError[] = [];
  const id = typeof rawId === "string" ? rawId : typeof rawId === "number" ? String(rawId) : undefined;
  if (id === undefined) errors.push(subjectError("missing_id", ["id"], {}, rawId));
  const name = rawName === undefined || rawName === null ? undefined : typeof rawName === "string" ? rawName : typeof rawName === "number" ? String(rawName) : undefined;
  if (name === undefined && rawName !== undefined && rawName !== null) errors.push(subjectError("bad_name", ["name"], {}, rawName));
  if (!isObject) {
    errors.push(subjectError("missing_facts", ["facts"]));
    return reject(model, id, errors, name);
  }
  const events = readEvents(model, s.events, asOf, errors);
  // The fast loader ran once above; when it declined, the exact loader checks and explains.
  if (errors.length) frame = undefined;
  const fast = frame !== undefined;
  if (!frame) frame = loadFacts(model, facts as Record<string, unknown>, errors);
  const last = history === undefined ? undefined : readHistory(model, id, history, errors);
  if (errors.length) return reject(model, id, errors, name);
  return guarded(model, id!, name, frame, fast, last, asOf, events);
}

function guarded(model: Model, id: string, name: string | undefined, frame: unknown[], fast: boolean, last: LastYear | undefined, asOf: string | undefined, events: readonly Downgrade[] | undefined): Decided | Rejection {
  try {
    const d = decide(model, id, frame, fast, last, asOf, events);
    if (name !== undefined) (d as { name?: string }).name = name;
    return d;
  } catch (e) {
    if (e instanceof DivisionByZero) return reject(model, id, [subjectError("divides_by_zero", ["facts"])], name);
    throw e;
  }
}

function readEvents(model: Model, raw: unknown, asOf: string | undefined, errors: SubjectError[]): readonly Downgrade[] | undefined {
  if (raw === undefined || (Array.isArray(raw) && raw.length === 0)) return undefined;
  if (!model.events) {
    errors.push(subjectError("no_events", ["events"], { ruleset: model.id }));
    return undefined;
  }
  if (!Array.isArray(raw)) {
    errors.push(subjectError("bad_event", ["events"], { field: "events" }));
    return undefined;
  }
  const out: Downgrade[] = [];
  raw.forEach((e: unknown, i) => {
    const ev = (e ?? {}) as { type?: unknown; date?: unknown; levels?: unknown; reason?: unknown };
    const path = ["events", i];
    if (ev.type !== "downgrade") {
      errors.push(subjectError("bad_event", [...path, "type"], { field: "type" }, ev.type ?? null));
      return;
    }
    if (typeof ev.date !== "string" || !parseIsoDate(ev.date)) errors.push(subjectError("bad_event", [...path, "date"], { field: "date" }, ev.date ?? null));
    else if (asOf !== undefined && ev.date > asOf) errors.push(subjectError("event_after_as_of", [...path, "date"], { date: ev.date, asOf }));
    if (typeof ev.levels !== "number" || !Number.isInteger(ev.levels) || ev.levels < 1) errors.push(subjectError("bad_event", [...path, "levels"], { field: "levels" }, ev.levels ?? null));
    if (typeof ev.reason !== "string" || ev.reason.trim() === "") errors.push(subjectError("bad_event", [...path, "reason"], { field: "reason" }));
    // Kept only when valid (a rejected subject never uses it); the values are then plain strings and numbers.
    if (typeof ev.date === "string" && typeof ev.levels === "number" && typeof ev.reason === "string") out.push({ date: ev.date, levels: ev.levels, reason: ev.reason });
  });
  return out;
}

function reject(model: Model, id: string | undefined, errors: SubjectError[], name?: string): Rejection {
  return freeze({
    ok: false as const,
    id,
    ...(name !== undefined ? { name } : {}),
    ruleset: freeze({ id: model.id, version: model.version }),
    errors: freeze(errors.map(frozenError)),
  });
}

/**
 * Reads last year from history: every entry must be a result (full or compact) of this subject
 * under this scheme; "last year" is the last entry with `ok: true`. An official scheme refuses
 * results of an overridden edition (a simulation is not a record).
 */
function readHistory(model: Model, id: string | undefined, history: unknown, errors: SubjectError[]): LastYear | undefined {
  if (history === undefined) return undefined;
  if (!Array.isArray(history)) {
    errors.push(subjectError("bad_history", ["history"], { reason: "not_a_list" }));
    return undefined;
  }
  const official = !model.version.endsWith(OVERRIDE);
  let lastOk: Record<string, unknown> | undefined;
  let lastIndex = -1;
  for (let i = 0; i < history.length; i++) {
    const h = history[i] as Record<string, unknown> | null;
    const at = (...rest: (string | number)[]) => ["history", i, ...rest];
    const rs = h && typeof h === "object" && !Array.isArray(h) ? (h.ruleset as { id?: unknown; version?: unknown } | undefined) : undefined;
    // A rejection ({ ok: false, … }) may have been stored without its ruleset; a result may not.
    if (!h || typeof h !== "object" || Array.isArray(h) || typeof h.ok !== "boolean" || (h.ok ? !rs || typeof rs !== "object" : rs !== undefined && (rs === null || typeof rs !== "object"))) {
      errors.push(subjectError("bad_history", at(), { reason: "not_a_result" }));
      return undefined;
    }
    if (!rs) {
      // A stored rejection without its ruleset: skipped, unless it names another subject.
      if (h.id !== undefined && h.id !== null && h.id !== id) {
        errors.push(subjectError("history_other_subject", at("id"), { expected: id }, h.id));
        return undefined;
      }
      continue;
    }
    if (rs.id !== model.id) {
      errors.push(subjectError("history_other_ruleset", at("ruleset"), { got: String(rs.id), expected: model.id }));
      return undefined;
    }
    if (official && typeof rs.version === "string" && rs.version.endsWith(OVERRIDE)) {
      errors.push(subjectError("history_simulation", at("ruleset", "version"), { version: rs.version }));
      return undefined;
    }
    if (h.id !== id && !(h.ok === false && (h.id === undefined || h.id === null))) {
      errors.push(subjectError("history_other_subject", at("id"), { expected: id }, h.id ?? null));
      return undefined;
    }
    if (h.ok === true) {
      lastOk = h;
      lastIndex = i;
    }
  }
  if (!lastOk) return undefined;
  const h = lastOk, i = lastIndex;
  const rating = h.rating as { stars?: unknown; grade?: unknown } | undefined;
  const ratingValue = rating && (typeof rating.stars === "number" ? rating.stars : typeof rating.grade === "string" ? rating.grade : undefined);
  const earned = new Set<string>();
  if (Array.isArray(h.stars)) {
    for (const st of h.stars as { id?: unknown; earned?: unknown }[]) if (st && st.earned === true && typeof st.id === "string") earned.add(st.id);
  } else if (Array.isArray(h.earned)) {
    for (const st of h.earned as unknown[]) if (typeof st === "string") earned.add(st);
  } else {
    errors.push(subjectError("bad_history", ["history", i], { reason: "no_stars" }));
    return undefined;
  }
  if (ratingValue === undefined) {
    errors.push(subjectError("bad_history", ["history", i, "rating"], { reason: "no_rating" }));
    return undefined;
  }
  const steps = Array.isArray(h.steps) ? (h.steps as { id?: unknown }[]) : (h.remediation as { steps?: { id?: unknown }[] } | undefined)?.steps;
  const step = Array.isArray(steps) && steps.length > 0 && typeof steps[0]?.id === "string" ? steps[0].id : "none";
  if (step !== "none" && !model.stepLabels.has(step)) {
    errors.push(subjectError("bad_history", ["history", i, ...(Array.isArray(h.steps) ? ["steps"] : ["remediation", "steps"]), 0, "id"], { reason: "unknown_step", step }));
    return undefined;
  }
  return { earned, rating: ratingValue, step };
}

/** The version suffix of an edition with overridden parameters. */
const OVERRIDE = "+override";

/** What a cohort rule changes before a result is finished. */
export interface CohortChange {
  /** Stars after cohort rules (last-place elimination); the rating is recounted from them. */
  readonly stars?: StarResult[];
  /** The rating imposed by a cohort rule (a quota demotion), applied after caps and events. */
  readonly value?: number | string;
  /** Trace entries of the cohort rules that changed this result: a shared array, with the interning of its results (see {@link CohortTrace}). */
  readonly trace?: CohortTrace;
  /** Position in the cohort's ranking. */
  readonly rank?: { readonly by: string; readonly position: number; readonly of: number };
}

/** A cohort trace array with an empty interning; `key` is its content key where it is shared. */
export function cohortTraceOf(trace: readonly TraceEntry[], key = ""): CohortTrace {
  return { key, trace: freeze(trace), cache: new Map(), rules: freeze([...new Set(trace.map((t) => t.rule))]), next: new Map() };
}

/** The second phase: caps, events, cohort changes, tier, remediation, change and trace. */
export function finish(d: Decided, cohort?: CohortChange, advice = false, explain = false): Evaluation {
  const { model, id, frame, fast, last, asOf, applied } = d;
  let stars = d.stars;
  let qualified = d.qualified;
  let rawValue = d.rawValue;
  let sig = d.sig;
  if (cohort?.stars) {
    stars = cohort.stars;
    sig = -1;
    qualified = qualifiedOf(model, stars);
    if (model.rating.kind === "starCount") rawValue = stars.reduce((n, st) => n + (st.earned ? 1 : 0), 0);
  }
  let value = rawValue;
  let eventTrace: TraceEntry[] | undefined;
  if (d.applied || d.events) ({ value, eventTrace } = cappedValue(d, rawValue));
  if (cohort?.value !== undefined) value = cohort.value;
  // A cohort rule's entries come as a shared array (the same for every row a quota demoted):
  // such results intern per array.
  let cache = model.intern?.cache;
  if (eventTrace) sig = -1;
  else if (cohort?.trace && sig >= 0) cache = cohort.trace.cache;

  // Tier.
  const ctier = (typeof value === "number" ? model.tierAt[value - model.ratingMin] : model.tierByRating.get(value))!;
  if (typeof value === "number") frame[model.slots.rating] = fast ? value : Q.of(value);
  else frame[model.slots.grade] = value;
  frame[model.slots.qualified] = qualified;
  let tier: TierResult;
  let mask = 0;
  if (ctier.fixed) tier = ctier.fixed;
  else {
    mask = tierMask(ctier, frame, fast);
    tier = ctier.byMask.get(mask) ?? buildTier(ctier, mask);
  }

  // Remediation.
  frame[model.slots.previousStep] = last ? last.step : "none";
  frame[model.slots.hasHistory] = last !== undefined;
  let ruleIndex = -1;
  let steps: readonly StepResult[] = EMPTY;
  const rules = model.remedyRules;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if ((fast ? rule.whenFast! : rule.when)(frame) as boolean) {
      ruleIndex = i;
      if (rule.steps.length) {
        steps = rule.dated && asOf ? datedSteps(rule, asOf) : rule.undated.steps;
      }
      break;
    }
  }

  // Change against last year.
  let change: ChangeResult | undefined;
  if (last) {
    const gained: string[] = [];
    const lost: string[] = [];
    for (const st of stars) {
      if (st.earned && !last.earned.has(st.id)) gained.push(st.id);
      if (!st.earned && last.earned.has(st.id)) lost.push(st.id);
    }
    change = freeze({ gained: freeze(gained), lost: freeze(lost), from: last.rating, to: value });
  }

  let frozenStars: readonly StarResult[];
  let trace: readonly TraceEntry[];
  const intern = model.intern;
  if (sig >= 0) {
    const vi = typeof rawValue === "number" ? rawValue - model.ratingMin : intern!.valueIndex.get(rawValue)!;
    const key = ((sig * intern!.values + vi) * intern!.rules + ruleIndex + 1) * intern!.masks + mask;
    const hit = cache!.get(key);
    if (hit) {
      frozenStars = hit.stars;
      trace = hit.trace;
    } else {
      frozenStars = freeze(stars);
      trace = buildTrace(model, applied, stars, qualified, rawValue, ctier, mask, ruleIndex, undefined, cohort?.trace?.trace);
      remember(cache!, key, { stars: frozenStars, trace }, INTERN_LIMIT);
    }
  } else {
    frozenStars = freeze(stars);
    trace = buildTrace(model, applied, stars, qualified, rawValue, ctier, mask, ruleIndex, eventTrace, cohort?.trace?.trace);
  }
  return freeze({
    ok: true as const,
    id,
    name: d.name,
    ruleset: model.rulesetRef,
    stars: frozenStars,
    rating: (typeof value === "number" ? model.ratingAt[value - model.ratingMin] : model.ratingOf.get(value))!,
    qualified,
    scores: scoreText(model, frame, fast),
    vetoes: applied ? freeze(applied.map((v) => v.result)) : (EMPTY as readonly VetoResult[]),
    tier,
    remediation: remediationOf(d, frozenStars, value, cohort, steps, advice),
    change,
    // The values each condition compared, when asked for (they cost more than the rules).
    trace: explain ? withValues(model, trace, frame, fast) : trace,
    rank: cohort?.rank,
  });
}

/**
 * A trace with the values its conditions compared: each entry the model marks as reading names
 * (star conditions, scores, the rating) copied with `values` (and a score's `value`).
 */
export function withValues(model: Model, base: readonly TraceEntry[], frame: readonly unknown[], fast: boolean): readonly TraceEntry[] {
  const readers = readersOf(model);
  if (readers.size === 0) return base;
  let out: TraceEntry[] | undefined;
  for (let i = 0; i < base.length; i++) {
    const e = base[i]!;
    const rs = readers.get(e);
    if (!rs) continue;
    // Entries with the same values are shared (a boolean condition has two): a small memo per entry.
    let key = "";
    const texts: (string | undefined)[] = new Array(rs.length);
    for (let k = 0; k < rs.length; k++) {
      const v = rs[k]!.read(frame, fast);
      texts[k] = v;
      key += v === undefined ? "\u0000" : `${v}\u0001`;
    }
    let memo = valuedMemo.get(e);
    if (!memo) valuedMemo.set(e, (memo = new Map()));
    let valued = memo.get(key);
    if (!valued) {
      const values: Record<string, string> = {};
      for (let k = 0; k < rs.length; k++) if (texts[k] !== undefined) values[rs[k]!.name] = texts[k]!;
      const score = e.rule.startsWith("scores.") ? values[e.rule.slice(7)] : e.value;
      valued = freeze({
        rule: e.rule,
        path: e.path,
        outcome: e.outcome,
        ...(score !== undefined ? { value: score } : {}),
        values: freeze(values),
        isDefault: e.isDefault,
        ...(e.source ? { source: e.source } : {}),
        ...(e.overridden ? { overridden: e.overridden, overrides: e.overrides } : {}),
      });
      remember(memo, key, valued, 256);
    }
    out ??= base.slice();
    out[i] = valued;
  }
  return out ? freeze(out) : base;
}

/** Valued trace entries by their values, per entry (bounded). */
const valuedMemo = new WeakMap<TraceEntry, Map<string, TraceEntry>>();

/** How to read one named value of a frame as trace text. */
interface ValueReader {
  readonly name: string;
  readonly read: (frame: readonly unknown[], fast: boolean) => string | undefined;
}
const readerCache = new WeakMap<Model, Map<TraceEntry, readonly ValueReader[]>>();

/** Per valued trace entry, the readers of the names it shows (built once per model). */
function readersOf(model: Model): Map<TraceEntry, readonly ValueReader[]> {
  let m = readerCache.get(model);
  if (m) return m;
  m = new Map();
  const byName = new Map<string, ValueReader>();
  const reader = (name: string): ValueReader | undefined => {
    let r = byName.get(name);
    if (r) return r;
    const f = model.factById.get(name);
    const sc = f ? undefined : model.scores.find((x) => x.id === name);
    const param = f || sc ? undefined : model.paramText.get(name);
    if (f) {
      const scale = f.fast?.scale;
      r = {
        name,
        read: (frame, fast) => {
          const v = frame[f.slot];
          if (v === undefined) return undefined;
          if (typeof v === "number") return fast && scale !== undefined ? formatScaled(v, scale) : String(v);
          return Array.isArray(v) ? v.join(",") : String(v);
        },
      };
    } else if (sc) r = { name, read: (frame, fast) => (fast ? fastText(sc, frame) : (frame[sc.slot] as Q).toString()) };
    else if (param !== undefined) r = { name, read: () => param };
    if (r) byName.set(name, r);
    return r;
  };
  for (const [entry, names] of model.traceReads) m.set(entry, names.map(reader).filter((r): r is ValueReader => r !== undefined));
  readerCache.set(model, m);
  return m;
}

/** Distinct outcomes remembered per scheme before the cache starts over. */
const INTERN_LIMIT = 8192;

/**
 * The remediation part of a result: the steps that apply now, and what it would take to do
 * better. The search behind `nextStar` and `nextLevel` costs a few evaluations, so it runs when
 * they are first read, once. They are accessors of this class (so `Object.keys` shows only
 * `steps`); `JSON.stringify` includes them (through `toJSON`) once read, or always when the
 * evaluation was asked for `advice`: storing a result never runs the search by accident.
 */
class Remediation {
  /** The escalation steps that apply now. */
  readonly steps: readonly StepResult[];
  // What the search needs to decide again (not the first decision itself: a stored result keeps
  // only the frame, so a city's results stay light). What the results of one run share (model,
  // path, date, flag) is one shared context; what a search remembers is made when first read.
  readonly #ctx: AdviceContext;
  readonly #id: string;
  readonly #frame: unknown[];
  readonly #stars: readonly StarResult[];
  readonly #value: number | string;
  readonly #rules: readonly string[];
  /** Whether a veto applied (else, with no event and no cohort rule, the rating is the decided one). */
  readonly #vetoed: boolean;
  #memo: AdviceMemo | undefined;

  constructor(ctx: AdviceContext, id: string, frame: unknown[], stars: readonly StarResult[], value: number | string, rules: readonly string[], steps: readonly StepResult[], vetoed: boolean) {
    this.steps = steps;
    this.#vetoed = vetoed;
    this.#ctx = ctx;
    this.#id = id;
    this.#frame = frame;
    this.#stars = stars;
    this.#value = value;
    this.#rules = rules;
    freeze(this);
  }
  #m(): AdviceMemo {
    return (this.#memo ??= new AdviceMemo(this.#ctx.model, this.#frame, this.#ctx.fast, this));
  }
  /** The decision again, made once when advice first needs it (remembered advice does not). */
  #decided(): Decided {
    const m = this.#m();
    const c = this.#ctx;
    return (m.d ??= decide(c.model, this.#id, this.#frame, c.fast, c.last, c.asOf, c.events));
  }
  /** The decision made again, or (not yet made) the memo, which makes it when asked. */
  #lazy(): Decided | Lazy {
    const m = this.#m();
    return m.d ?? m;
  }
  /** The decision again, for the memo (see {@link AdviceMemo.decide}). */
  static decided(r: Remediation): Decided {
    return r.#decided();
  }
  /** For each star not earned, the smallest change of facts that would earn it. */
  get nextStar(): readonly NextStar[] {
    const m = this.#m();
    if (m.nextStar === undefined) {
      const out: NextStar[] = [];
      for (let i = 0; i < this.#stars.length; i++) {
        const n = Remediation.starAt(this, i);
        if (n) out.push(n);
      }
      m.nextStar = freeze(out);
    }
    return m.nextStar;
  }
  /** The advice on one star alone (undefined when it is earned), remembered; for hints that need only some stars. */
  static starAt(r: Remediation, i: number): NextStar | undefined {
    // An earned star has no advice (and needs nothing made for it).
    if (r.#stars[i]!.earned) return undefined;
    const memo = (r.#m().perStar ??= new Array(r.#stars.length));
    let n = memo[i];
    if (n === undefined) memo[i] = n = nextStarAt(r.#lazy(), r.#stars, i, r.#rules) ?? null;
    return n ?? undefined;
  }
  /** The frame the result was decided on (for the values an explanation shows). */
  static frameOf(r: Remediation): { frame: readonly unknown[]; fast: boolean; model: Model } {
    return { frame: r.#frame, fast: r.#ctx.fast, model: r.#ctx.model };
  }
  /** The smallest change that lifts the rating to the next value; undefined at the top. */
  get nextLevel(): NextLevel | undefined {
    const m = this.#m();
    if (m.nextLevel === undefined) {
      // Without cohort rules the stars are the decided ones: the next level reads the stars' own
      // advice as this result remembers it (a table's hint reads both).
      const plain = this.#rules.length === 0;
      m.nextLevel = { v: nextLevel(plain && !m.d ? this.#asDecided() : this.#decided(), this.#value, this.#rules, plain ? (i) => Remediation.starAt(this, i) : undefined) };
    }
    return m.nextLevel.v;
  }
  /**
   * The decision as this result already holds it, when nothing but its stars made its rating (no
   * veto, no event, no cohort rule): its stars, its rating as the raw one, on its own frame (the
   * frame a decision made again would fill with the same scores). Else the decision made again.
   */
  #asDecided(): Decided {
    const c = this.#ctx;
    if (this.#vetoed || c.events !== undefined) return this.#decided();
    return decidedFrom(c.model, this.#id, this.#frame, c.fast, c.last, c.asOf, undefined, this.#stars as StarResult[], -1, this.#value);
  }
  toJSON(): { steps: readonly StepResult[]; nextStar?: readonly NextStar[]; nextLevel?: NextLevel } {
    const all = this.#ctx.advice;
    const star = all || this.#memo?.nextStar !== undefined ? this.nextStar : undefined;
    const level = all || this.#memo?.nextLevel !== undefined ? this.nextLevel : undefined;
    return { steps: this.steps, ...(star ? { nextStar: star } : {}), ...(level ? { nextLevel: level } : {}) };
  }
}

/**
 * What a result's advice is decided under besides its own frame: the model, the path, last year,
 * the date, events and whether the evaluation asked for advice. Results without history or
 * events share one per scheme, path, date and flag (`model.adviceContexts`).
 */
interface AdviceContext {
  readonly model: Model;
  readonly fast: boolean;
  readonly last: LastYear | undefined;
  readonly asOf: string | undefined;
  readonly events: readonly Downgrade[] | undefined;
  readonly advice: boolean;
}

/**
 * What a result's searches remember once run (undefined: not yet), made when advice is first
 * read. It is also the decision not yet made again (a {@link Lazy}): remembered advice reads its
 * model, frame and path and needs no decision.
 */
class AdviceMemo implements Lazy {
  declare readonly ok?: undefined;
  nextStar: readonly NextStar[] | undefined = undefined;
  /** Advice per star index, as computed one at a time (undefined: not yet; null: earned). */
  perStar: (NextStar | null | undefined)[] | undefined = undefined;
  nextLevel: { v: NextLevel | undefined } | undefined = undefined;
  /** The decision made again, when advice needed it. */
  d: Decided | undefined = undefined;
  constructor(
    readonly model: Model,
    readonly frame: readonly unknown[],
    readonly fast: boolean,
    private readonly r: Remediation,
  ) {}
  decide(): Decided {
    return Remediation.decided(this.r);
  }
}

/** The advice context of a decision: the last one of its path and flag when it fits, else a new one (remembered when shareable). */
function adviceContext(d: Decided, advice: boolean): AdviceContext {
  const { model, fast, last, asOf, events } = d;
  if (last !== undefined || events !== undefined) return freeze({ model, fast, last, asOf, events, advice });
  const slot = (fast ? 2 : 0) + (advice ? 1 : 0);
  const shared = model.adviceContexts[slot] as AdviceContext | undefined;
  if (shared !== undefined && shared.asOf === asOf) return shared;
  const ctx: AdviceContext = freeze({ model, fast, last, asOf, events, advice });
  model.adviceContexts[slot] = ctx;
  return ctx;
}

const NO_RULES: readonly string[] = freeze([]);

/**
 * A result's trace with the values its conditions compared: as it is when the evaluation was
 * asked to `explain`, else made again from the frame the result keeps (a result rebuilt from
 * JSON keeps none: its trace as it is).
 */
export function valuedTrace(model: Model, r: Evaluation): readonly TraceEntry[] {
  // Entries that already carry their values (evaluated with explain) are not the model's own:
  // withValues passes them through as they are.
  const rem = r.remediation;
  if (!(rem instanceof Remediation)) return r.trace;
  // The model that decided the result (an equal edition compiled twice has its own entries).
  const { frame, fast, model: decidedBy } = Remediation.frameOf(rem);
  return withValues(decidedBy.id === model.id ? decidedBy : model, r.trace, frame, fast);
}

/** The advice on star `i` of a result alone (undefined when earned): what a one-cell hint needs. */
export function starAdvice(r: Evaluation, i: number): NextStar | undefined {
  return Remediation.starAt(r.remediation as Remediation, i);
}

function remediationOf(d: Decided, stars: readonly StarResult[], value: number | string, cohort: CohortChange | undefined, steps: readonly StepResult[], advice: boolean): Evaluation["remediation"] {
  const rules = cohort?.trace?.rules ?? NO_RULES;
  return new Remediation(adviceContext(d, advice), d.id, d.frame, stars, value, rules, steps, d.applied !== undefined);
}
const NO_SCORES: Readonly<Record<string, string>> = freeze({});

function scoreText(model: Model, frame: readonly unknown[], fast: boolean): Readonly<Record<string, string>> {
  const scores = model.scores;
  if (scores.length === 0) return NO_SCORES;
  if (fast && scores.length === 1) {
    // One score (Rushan's satisfaction rate, Qianjin's total…): the frozen object is shared by
    // value, found by the value itself (its text is made once per value).
    const sc = scores[0]!;
    const key = fastKey(sc, frame);
    if (key === undefined) return freeze({ [sc.id]: fastText(sc, frame) });
    return sc.objects.get(key) ?? remember(sc.objects, key, freeze({ [sc.id]: fastText(sc, frame) }), INTERN_LIMIT);
  }
  const out: Record<string, string> = {};
  for (let i = 0; i < scores.length; i++) {
    const sc = scores[i]!;
    out[sc.id] = fast ? fastText(sc, frame) : (frame[sc.slot] as Q).toString();
  }
  return freeze(out);
}

/**
 * A fast-path score's value as one number: a scaled integer as it is, a fraction by numerator and
 * denominator (numerator × (largest denominator + 1) + denominator); undefined past 2^53.
 */
function fastKey(sc: CScore, frame: readonly unknown[]): number | undefined {
  return intScale(sc) !== undefined ? (frame[sc.slot] as number) : fracKey(sc, frame);
}

/** A fast-path fraction's numerator and denominator as one number, or undefined past 2^53. */
function fracKey(sc: CScore, frame: readonly unknown[]): number | undefined {
  const f = sc.fast! as Extract<NonNullable<CScore["fast"]>, { kind: "frac" }>;
  const key = (frame[sc.slot] as number) * (f.db.hi + 1) + (frame[sc.slot + 1] as number);
  return Number.isSafeInteger(key) ? key : undefined;
}

/** A fast-path score as its reported string, remembered per value (a fraction by numerator and denominator). */
function fastText(sc: CScore, frame: readonly unknown[]): string {
  const v = frame[sc.slot] as number;
  const scale = intScale(sc);
  if (scale !== undefined) return formatScaled(v, scale);
  const key = fracKey(sc, frame);
  const d = frame[sc.slot + 1] as number;
  if (key === undefined) return formatFrac(v, d);
  let text = sc.texts.get(key);
  if (text === undefined) {
    text = remember(sc.texts, key, formatFrac(v, d), INTERN_LIMIT);
  }
  return text;
}

/** The ordered decisions, as references to trace entries precomputed at compile time. */
function buildTrace(
  model: Model,
  applied: readonly CVeto[] | undefined,
  stars: readonly StarResult[],
  qualified: boolean | undefined,
  rawValue: number | string,
  ctier: CTier,
  mask: number,
  ruleIndex: number,
  eventTrace: readonly TraceEntry[] | undefined,
  cohortTrace: readonly TraceEntry[] | undefined,
): readonly TraceEntry[] {
  const out: TraceEntry[] = model.scoreTrace.length ? model.scoreTrace.slice() : [];
  if (applied) for (const v of applied) out.push(v.trace);
  const cstars = model.stars;
  for (let i = 0; i < stars.length; i++) {
    const st = stars[i]!, cs = cstars[i]!;
    if (st === cs.earned) out.push(cs.earnedTrace);
    else for (const c of cs.clauses) if (st === c.failed) out.push(c.failedTrace);
  }
  if (qualified !== undefined) out.push(qualified ? model.traceOf.qualified!.yes : model.traceOf.qualified!.no);
  out.push(model.traceOf.rating.get(rawValue)!);
  if (eventTrace) for (const t of eventTrace) out.push(t);
  if (cohortTrace) for (const t of cohortTrace) out.push(t);
  out.push(ctier.trace);
  if (!ctier.fixed) {
    // The conditional items that applied, as tierMask found them (the same bit order).
    let bit = 1;
    for (const a of ctier.actions) {
      if (!a.when) continue;
      if (mask & bit) out.push(a.trace);
      bit <<= 1;
    }
    for (const p of ctier.payments) {
      if (mask & bit) out.push(p.trace);
      bit <<= 1;
    }
  }
  if (ruleIndex >= 0) out.push(model.remedyRules[ruleIndex]!.trace);
  return freeze(out);
}

/** Which of a tier's conditional actions and payments apply, as bits (actions first, then payments). */
function tierMask(t: CTier, frame: unknown[], fast: boolean): number {
  let mask = 0, bit = 1;
  for (const a of t.actions) {
    if (a.when) {
      if ((fast ? a.whenFast! : a.when)(frame) as boolean) mask |= bit;
      bit <<= 1;
    }
  }
  for (const p of t.payments) {
    if (!p.when || ((fast ? p.whenFast! : p.when)(frame) as boolean)) mask |= bit;
    bit <<= 1;
  }
  return mask;
}

/** The frozen tier result for a mask of applying conditional items, built once per tier and mask. */
function buildTier(t: CTier, mask: number): TierResult {
  let bit = 1;
  const actions: { id: string; label: TierResult["label"] }[] = [];
  for (const a of t.actions) {
    if (!a.when) actions.push(a.item);
    else {
      if (mask & bit) actions.push(a.item);
      bit <<= 1;
    }
  }
  const payments: PaymentResult[] = [];
  for (const p of t.payments) {
    if (mask & bit) payments.push(freeze({ id: p.item.id, label: p.item.label, amount: p.item.amount.toString(), period: p.item.period, perYear: p.item.perYear.toString() }));
    bit <<= 1;
  }
  const result: TierResult = freeze({
    id: t.id,
    label: t.label,
    actions: freeze(actions),
    ...(t.bonusPoints !== undefined ? { bonusPoints: t.bonusPoints } : {}),
    ...(t.payments.length || t.schemePays ? { payments: freeze(payments) } : {}),
  });
  t.byMask.set(mask, result);
  return result;
}

/**
 * A rule's steps with their due dates from `asOf`: one frozen array per rule and date, kept for
 * the last date (a run has one), so the results of a run share it as undated steps are shared.
 */
function datedSteps(rule: CRemedyRule, asOf: string): readonly StepResult[] {
  const at = rule.datedAt;
  if (at.asOf !== asOf) {
    at.steps = freeze(rule.steps.map((st) => (st.due ? freeze({ id: st.id, label: st.label, due: addDuration(asOf, st.due) }) : st.plain)));
    at.asOf = asOf;
  }
  return at.steps;
}

