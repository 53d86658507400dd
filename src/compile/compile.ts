import { Q, toDecimal } from "../_lib/decimal.js";
import { didYouMean } from "../_lib/didYouMean.js";
import { cut } from "../_lib/text.js";
import { ExprSyntaxError, type Node } from "../expr/ast.js";
import { check, type CheckIssue } from "../expr/check.js";
import { compileExact, render, type ExactFn } from "../expr/exact.js";
import { compileFast, compileFastNum, scaledOf, POW10, type FastFn, type FastSlot } from "../expr/fast.js";
import { parse, caret } from "../expr/parse.js";
import { BOOLEAN, NUMBER, type Scope, type Sym, type Type, type Value } from "../expr/types.js";
import type { Bilingual, ParameterOverride, Provenance, StarResult, TraceEntry } from "../evaluate/types.js";
import type { Override } from "./extend.js";
import { plainDataIssues } from "../ruleset/plainData.js";
import { RulesetError, type IssueDraft, type IssuePath, type RulesetIssue } from "../ruleset/RulesetError.js";
import { attachTrace, fastFactInfo, internPlan, range, ratingResults } from "./plan.js";
import { buildCohort } from "./cohortRules.js";
import type { BuildContext } from "./context.js";
import { buildRating, buildTiers } from "./outcome.js";
import { schemas, type RulesetSource, type SourceRef } from "../ruleset/schema.js";
import { fromZodIssues } from "../ruleset/zodIssues.js";
import { namesRead, parameterText, valueAt } from "../ruleset/reads.js";
import { VOCABULARY } from "../ruleset/vocabulary.js";
import { KIND_BOOLEAN, KIND_ENUM, KIND_LIST, KIND_NUMBER, type ConditionShape, type Operand, type CClause, type CFact, type CRating, type CRemedyRule, type CScore, type CStar, type CVeto, type Model } from "./model.js";

type Path = (string | number)[];

const freeze = Object.freeze;

/**
 * Checks a ruleset and builds the {@link Model} the evaluator runs on. Collects every problem
 * and throws one {@link RulesetError}.
 */

export function buildModel(input: unknown, overrides?: ReadonlyMap<string, Override>): Model {
  const id = input && typeof input === "object" && typeof (input as { id?: unknown }).id === "string" ? (input as { id: string }).id : undefined;
  const hostile = plainDataIssues(input);
  if (hostile.length) throw new RulesetError(id, hostile);
  const parsed = schemas().Ruleset.safeParse(input);
  if (!parsed.success) {
    throw new RulesetError(id, fromZodIssues(parsed.error.issues as never, input, VOCABULARY));
  }
  return new Builder(parsed.data, overrides).build();
}

/** Checks a ruleset section by section and builds the model; some section builders live beside it. */
export class Builder implements BuildContext {
  readonly issues: IssueDraft[] = [];
  private readonly syms = new Map<string, Sym>();
  private slot = 0;
  /** How numeric slots are held on the fast path. */
  private readonly fastSlots = new Map<number, FastSlot>();
  /** Whether every expression so far has a provably exact fast form. */
  private allFast = true;
  /** Bilingual text parameters (names that are defaults). */
  private readonly texts = new Map<string, Bilingual>();
  /** Trace entries that show the values they compared, with the names they read (facts, scores, parameters). */
  private readonly traceReads = new Map<TraceEntry, readonly string[]>();
  /** The names each score reads, for a score entry's values. */
  private readonly scoreNames = new Map<string, readonly string[]>();

  /** The facts, scores and parameters an expression reads, in order of appearance. */
  private namesIn(node: Node, out: string[] = []): string[] {
    switch (node.kind) {
      case "name": {
        const kind = this.syms.get(node.name)?.kind;
        if ((kind === "fact" || kind === "score" || kind === "param") && !out.includes(node.name)) out.push(node.name);
        break;
      }
      case "call":
        for (const a of node.args) this.namesIn(a, out);
        break;
      case "list":
        for (const a of node.items) this.namesIn(a, out);
        break;
      case "index":
        this.namesIn(node.target, out);
        this.namesIn(node.key, out);
        break;
      case "unary":
        this.namesIn(node.arg, out);
        break;
      case "binary":
        this.namesIn(node.left, out);
        this.namesIn(node.right, out);
        break;
    }
    return out;
  }

  /** A condition's shape for words: a yes/no fact, a comparison of two operands, or text. */
  private shapeOf(node: Node, scope: Scope): ConditionShape {
    const named = (n: Node): Operand => (n.kind === "name" && this.syms.has(n.name) ? { name: n.name } : { text: render(n, scope) });
    if (node.kind === "name" && this.syms.get(node.name)?.kind === "fact") return { kind: "fact", name: node.name, negated: false };
    if (node.kind === "unary" && node.op === "not" && node.arg.kind === "name" && this.syms.get(node.arg.name)?.kind === "fact") return { kind: "fact", name: node.arg.name, negated: true };
    if (node.kind === "binary" && (node.op === "<" || node.op === "<=" || node.op === ">" || node.op === ">=" || node.op === "==" || node.op === "!=")) {
      return { kind: "compare", op: node.op, left: named(node.left), right: named(node.right) };
    }
    return { kind: "other", text: render(node, scope) };
  }

  /** Parameter values as trace text (numbers exact, strings and booleans as they are). */
  private paramTexts(): Map<string, string> {
    const out = new Map<string, string>();
    for (const sym of this.syms.values()) {
      if (sym.kind !== "param" || sym.value === undefined) continue;
      const v = sym.value;
      if (v instanceof Q) out.set(sym.name, v.toString());
      else if (typeof v === "string" || typeof v === "boolean") out.set(sym.name, String(v));
    }
    return out;
  }

  /** A bilingual label, or the name of a text parameter holding one. */
  text(label: Bilingual | string, path: Path): Bilingual {
    if (typeof label !== "string") return freeze({ ...label });
    const t = this.texts.get(label);
    if (!t) {
      this.issue("unknown_parameter", path, `unknown text parameter "${label}"${didYouMean(label, this.texts.keys())}`);
      return freeze({ zh: label, en: label });
    }
    return t;
  }

  constructor(
    readonly r: RulesetSource,
    /** The parameters this edition overrides (a simulation), with their official values. */
    readonly overrides: ReadonlyMap<string, Override> = new Map(),
  ) {}

  issue(code: RulesetIssue["code"], path: IssuePath, message: string): void {
    this.issues.push({ code, path, message });
  }

  // ── sources ──────────────────────────────────────────────────────────────

  provenance(src: SourceRef | undefined, path: Path): Provenance | undefined {
    if (!src) return undefined;
    if ("default" in src) return freeze(src.zh !== undefined ? { default: src.default, zh: src.zh } : { default: src.default });
    const doc = this.r.documents[src.document];
    if (!doc) {
      this.issue("unknown_reference", [...path, "document"], `unknown document "${src.document}"${didYouMean(src.document, Object.keys(this.r.documents))}`);
      return undefined;
    }
    return freeze({
      document: src.document,
      quote: src.quote,
      ...(src.note ? { note: src.note } : {}),
      ...(src.noteZh ? { noteZh: src.noteZh } : {}),
    });
  }

  trace(rule: string, path: Path, outcome: string, prov: Provenance | undefined, value?: string): TraceEntry {
    const overrides = this.overridesAt(path);
    return freeze({
      rule,
      path: freeze([...path]),
      outcome,
      ...(value !== undefined ? { value } : {}),
      isDefault: prov !== undefined && "default" in prov,
      ...(prov ? { source: overrides ? freeze({ ...prov, original: true as const }) : prov } : {}),
      ...(overrides ? { overridden: true as const, overrides } : {}),
    });
  }

  /** Marks a trace entry as one that shows the values of `names` when a result's trace is read. */
  reading(entry: TraceEntry, names: readonly string[]): TraceEntry {
    if (names.length) this.traceReads.set(entry, freeze([...names]));
    return entry;
  }

  /**
   * The overridden parameters the rule at `path` reads (by name in its JSON, and through the
   * scores it names), with their values and official values; undefined when none.
   */
  overridesAt(path: readonly (string | number)[]): readonly ParameterOverride[] | undefined {
    if (this.overrides.size === 0) return undefined;
    const found = namesRead(this.r, valueAt(this.r, path), (w) => this.overrides.has(w));
    if (found.length === 0) return undefined;
    return freeze(found.map((name) => freeze({ parameter: name, value: parameterText(this.overrides.get(name)!.value), official: parameterText(this.overrides.get(name)!.official) })));
  }


  // ── names and expressions ────────────────────────────────────────────────

  private declare(sym: Sym, path: Path): void {
    if (this.texts.has(sym.name)) {
      this.issue("duplicate_id", path, `"${sym.name}" is declared both as a text parameter and as a ${sym.kind}; names must be unique`);
      return;
    }
    const prev = this.syms.get(sym.name);
    if (prev) {
      this.issue("duplicate_id", path, `"${sym.name}" is declared both as a ${prev.kind} and as a ${sym.kind}; names must be unique across facts, parameters and scores`);
      return;
    }
    this.syms.set(sym.name, sym);
  }

  private scope(extra: Sym[] = [], hiddenNote?: (name: string) => string | undefined): Scope {
    const syms = this.syms;
    const extras = new Map(extra.map((s) => [s.name, s]));
    return {
      lookup: (n) => extras.get(n) ?? syms.get(n),
      names: () => [...syms.keys(), ...extras.keys()],
      hidden: hiddenNote,
    };
  }

  /** Parses, type-checks and compiles an expression; reports problems at `path`. */
  expr(src: string, path: Path, scope: Scope, want: "boolean" | "number"): { node: Node; fn: ExactFn; fast?: FastFn } | undefined {
    let node: Node;
    try {
      node = parse(src);
    } catch (e) {
      if (e instanceof ExprSyntaxError) {
        this.issue("syntax_error", path, `syntax error at character ${e.at + 1}: ${e.message}\n    ${caret(src, e.at).replace("\n", "\n    ")}`);
        return undefined;
      }
      throw e;
    }
    const found: CheckIssue[] = [];
    const t = check(node, scope, found);
    for (const f of found) {
      this.issue(f.code, path, `${f.message} (at character ${f.at + 1} of "${cut(src)}")`);
    }
    if (found.length) return undefined;
    if (t.k !== want) {
      this.issue("type_mismatch", path, `expected a ${want} expression, but "${src}" is a ${t.k}`);
      return undefined;
    }
    const fast = want === "boolean" ? this.fastOf(node, scope) : undefined;
    return { node, fn: compileExact(node, scope), fast };
  }

  private fastOf(node: Node, scope: Scope): FastFn | undefined {
    const fast = compileFast(node, scope, this.fastSlots);
    if (!fast) this.allFast = false;
    return fast;
  }

  /** A number, a decimal string, or a constant expression over parameters, folded at compile time. */
  num(ref: number | string | undefined, path: Path, what: string): Q | undefined {
    if (ref === undefined) return undefined;
    const lit = toDecimal(ref);
    if (lit) return Q.of(lit);
    const src = String(ref);
    const sym = this.syms.get(src);
    if (sym && sym.kind !== "param") {
      this.issue("type_mismatch", path, `${what} must be a number or a parameter, but "${src}" is a ${sym.kind}`);
      return undefined;
    }
    const params = [...this.syms.values()].filter((s) => s.kind === "param");
    const scope: Scope = {
      lookup: (n) => (this.syms.get(n)?.kind === "param" ? this.syms.get(n) : undefined),
      names: () => params.map((p) => p.name),
    };
    const before = this.issues.length;
    const compiled = this.expr(src, path, scope, "number");
    if (!compiled) {
      for (let i = before; i < this.issues.length; i++) {
        const iss = this.issues[i]!;
        if (iss.code === "unknown_name") this.issues[i] = { ...iss, code: "unknown_parameter", message: iss.message.replace(/^unknown name (".*?"(?:… \(\d+ characters\))?) \(not a fact, parameter or score\)/, `${what}: unknown parameter $1`) };
      }
      return undefined;
    }
    try {
      return compiled.fn([]) as Q;
    } catch {
      this.issue("invalid_value", path, `${what} divides by zero`);
      return undefined;
    }
  }

  int(ref: number | string | undefined, path: Path, what: string): number | undefined {
    const q = this.num(ref, path, what);
    if (q === undefined) return undefined;
    if (!q.isInteger()) {
      this.issue("invalid_value", path, `${what} must be a whole number, got ${q.toString()}`);
      return undefined;
    }
    return q.n.div(q.d).toNumber();
  }

  // ── build ────────────────────────────────────────────────────────────────

  build(): Model {
    const r = this.r;
    this.buildParameters();
    const facts = this.buildFacts();
    const factById = new Map(facts.map((f) => [f.id, f]));
    const scores = this.buildScores();
    const baseScope = this.scope([], (n) => (OUTCOME_NAMES.includes(n) ? "is only available in tier and remediation rules, not in facts, scores, stars or vetoes" : undefined));
    const groups = r.groups ?? {};
    const stars = this.buildStars(baseScope);
    const vetoes = this.buildVetoes(stars, baseScope);
    const vetoFact = facts.find((f) => f.type === "list");

    // Qualification.
    let qualifiedStars: number[] | undefined;
    let qualifiedTrace: TraceEntry | undefined;
    if (r.qualified) {
      const g = r.qualified.group;
      if (!(g in groups)) this.issue("unknown_reference", ["qualified", "group"], `unknown group "${g}"${didYouMean(g, Object.keys(groups))}`);
      qualifiedStars = stars.filter((s) => s.group === g).map((s) => s.index);
      qualifiedTrace = this.trace("qualified", ["qualified"], `qualified when every "${g}" star is earned`, this.provenance(r.qualified.source, ["qualified", "source"]));
    }

    // Rating.
    const rating = buildRating(this, scores, stars.length);
    // A cap outside the rating's range would leave a subject with no tier.
    // (buildVetoes compiles vetoes[i] of the ruleset into vetoes[i].)
    vetoes.forEach(({ id, cap }, i) => {
      if (cap === undefined) return;
      const ref = this.r.vetoes![i]!.cap;
      if (rating.kind === "grades") this.issue("invalid_value", ["vetoes", i, "effect"], `veto "${id}" caps the level, but the rating is graded (${rating.grades.join(", ")}): use "disqualify" or "cancelStar"`);
      else if (cap < rating.min || cap > rating.max) {
        this.issue("invalid_value", ["vetoes", i, "cap"], `cap of veto "${id}" is ${cap}${typeof ref === "string" && ref !== String(cap) ? ` (parameter "${ref}")` : ""}, outside the rating's ${rating.min}–${rating.max}`);
      }
    });

    // Tiers.
    const ratingSym: Sym[] = [];
    const slots = {
      rating: this.slot++,
      qualified: this.slot++,
      grade: this.slot++,
      previousStep: this.slot++,
      hasHistory: this.slot++,
      size: 0,
    };
    if (rating.kind !== "grades") this.fastSlots.set(slots.rating, { kind: "int", num: { scale: 0, lo: rating.min, hi: rating.max } });
    if (rating.kind === "grades") ratingSym.push({ name: "grade", kind: "context", type: { k: "string", values: rating.grades }, slot: slots.grade });
    else ratingSym.push({ name: "rating", kind: "context", type: NUMBER, slot: slots.rating });
    if (r.qualified) ratingSym.push({ name: "qualified", kind: "context", type: BOOLEAN, slot: slots.qualified });
    const outcomeScope = this.scope(ratingSym);
    const tierByRating = buildTiers(this, rating, outcomeScope);
    const { remedyRules, stepLabels } = this.buildRemediation(ratingSym, slots);
    const procedure = this.buildProcedure();

    // Cohort rules and events.
    const cohort = buildCohort(this, scores, facts, stars, rating);
    const events = r.events?.downgrade
      ? { trace: this.trace("events.downgrade", ["events", "downgrade"], "downgrade", this.provenance(r.events.downgrade.source, ["events", "downgrade", "source"])) }
      : undefined;
    if (events && rating.kind === "grades") this.issue("invalid_value", ["events"], "downgrade events need a numeric rating (stars or levels), not grades");

    if (this.issues.length) throw new RulesetError(r.id, this.issues);
    for (const st of stars) {
      attachTrace(st.earned, st.earnedTrace);
      for (const c of st.clauses) attachTrace(c.failed, c.failedTrace);
    }

    slots.size = this.slot;
    const ratingOf = ratingResults(rating);
    const traceOf = this.traceTables(rating, qualifiedTrace);
    if (rating.kind !== "starCount") for (const e of traceOf.rating.values()) this.reading(e, [rating.score.id]);
    return freeze({
      source: r,
      overrides: this.overrides,
      id: r.id,
      version: r.version,
      rulesetRef: freeze({ id: r.id, version: r.version }),
      facts: freeze(facts),
      factById,
      factByKey: Object.assign(Object.create(null) as Record<string, CFact>, Object.fromEntries(factById)),
      scores: freeze(scores),
      stars: freeze(stars),
      vetoes: freeze(vetoes),
      vetoById: new Map(vetoes.map((v) => [v.id, v])),
      conditionalVetoes: freeze(vetoes.filter((v) => v.when)),
      vetoFact,
      qualifiedStars,
      qualifiedTrace,
      rating,
      tierByRating,
      pays: [...tierByRating.values()].some((t) => t.payments.length > 0),
      remedyRules: freeze(remedyRules),
      stepLabels,
      slots: freeze(slots),
      procedure,
      fast: this.allFast,
      lastAsOf: { value: undefined },
      adviceContexts: [],
      ratingDeps: rating.kind === "starCount" ? [...new Set(stars.flatMap((st) => st.deps))].sort((a, b) => a - b) : (this.scoreDeps.get(rating.score.id) ?? []),
      cohort,
      events,
      intern: internPlan(stars, rating, remedyRules.length, [...tierByRating.values()]),
      cohortTraces: new Map(),
      cohortTraceRoots: new Map(),
      quotaWords: new Map(),
      cohortRanks: new Map(),
      boundedFacts: freeze(facts.filter((f) => f.maxFact || f.minFact)),
      conditionalFacts: facts.some((f) => f.requiredWhen),
      scoreTrace: freeze(scores.map((sc) => this.reading(this.trace(`scores.${sc.id}`, [...sc.path], "computed (the value is in scores)", sc.provenance), [sc.id, ...(this.scoreNames.get(sc.id) ?? [])]))),
      ratingOf,
      ratingMin: rating.kind === "grades" ? 0 : rating.min,
      tierAt: rating.kind === "grades" ? [] : range(rating.min, rating.max).map((v) => tierByRating.get(v)!),
      ratingAt: rating.kind === "grades" ? [] : range(rating.min, rating.max).map((v) => ratingOf.get(v)!),
      traceOf,
      traceReads: this.traceReads,
      paramText: this.paramTexts(),
    });
  }

  /** Parameters: constants, visible to every expression. */
  /** Each numeric parameter's `min` and `max` (numbers or other parameters), checked against its value. */
  private checkParameterBounds(): void {
    for (const [name, p] of Object.entries(this.r.parameters ?? {})) {
      if (p.type !== "decimal" && p.type !== "integer") continue;
      const value = this.syms.get(name)?.value;
      if (!(value instanceof Q)) continue;
      for (const side of ["min", "max"] as const) {
        const bound = p[side];
        if (bound === undefined) continue;
        const path = ["parameters", name, side];
        let limit: Q | undefined;
        let shown: string;
        const d = toDecimal(bound);
        if (d) {
          limit = Q.of(d);
          shown = limit.toString();
        } else {
          const other = typeof bound === "string" ? this.syms.get(bound) : undefined;
          if (other?.kind !== "param" || !(other.value instanceof Q)) {
            this.issue("unknown_reference", path, `${side} of parameter "${name}" must be a number or a numeric parameter, got ${JSON.stringify(bound)}${typeof bound === "string" ? didYouMean(bound, Object.keys(this.r.parameters ?? {})) : ""}`);
            continue;
          }
          limit = other.value;
          shown = `${bound} (${limit.toString()})`;
        }
        const c = value.cmp(limit);
        if (side === "min" ? c < 0 : c > 0) this.issue("invalid_value", ["parameters", name, "value"], `parameter "${name}" must be at ${side === "min" ? "least" : "most"} ${shown}, got ${value.toString()}`);
      }
    }
  }

  private buildParameters(): void {
    const r = this.r;
    for (const [name, p] of Object.entries(r.parameters ?? {})) {
      const path = ["parameters", name];
      this.provenance(p.source, [...path, "source"]);
      let value: Value | undefined;
      let type: Type;
      switch (p.type) {
        case "decimal":
        case "integer": {
          const d = toDecimal(p.value);
          type = NUMBER;
          if (!d) this.issue("invalid_value", [...path, "value"], `parameter "${name}" must be a number, got ${JSON.stringify(p.value)}`);
          else if (p.type === "integer" && !d.isInteger()) this.issue("invalid_value", [...path, "value"], `parameter "${name}" must be a whole number, got ${d.toFixed()}`);
          else value = Q.of(d);
          break;
        }
        case "boolean":
          type = BOOLEAN;
          value = p.value;
          break;
        case "string":
          type = { k: "string", values: [p.value] };
          value = p.value;
          break;
        case "text":
          type = { k: "string" };
          value = freeze({ ...p.value }) as unknown as Value;
          this.texts.set(name, freeze({ ...p.value }));
          continue; // a name, not a value: expressions cannot read it
        case "table": {
          const entries: Record<string, Q> = {};
          for (const [k, v] of Object.entries(p.value)) {
            const d = toDecimal(v);
            if (!d) this.issue("invalid_value", [...path, "value", k], `table entry must be a number, got ${JSON.stringify(v)}`);
            else entries[k] = Q.of(d);
          }
          type = { k: "map", keys: Object.keys(p.value) };
          value = freeze(entries);
          break;
        }
      }
      this.declare({ name, kind: "param", type, slot: -1, value: value ?? Q.ZERO }, path);
    }
    this.checkParameterBounds();

  }

  /** Facts: how each is read and checked, and how the fast path holds it. */
  private buildFacts(): CFact[] {
    const r = this.r;
    const vetoIds = (r.vetoes ?? []).map((v) => v.id);
    const facts: CFact[] = [];
    const factDrafts: { decl: (typeof r.facts)[string]; id: string; slot: number }[] = [];
    for (const [id, decl] of Object.entries(r.facts)) {
      const slot = this.slot++;
      const type: Type =
        decl.type === "boolean"
          ? BOOLEAN
          : decl.type === "enum"
            ? { k: "string", values: Object.keys(decl.values) }
            : decl.type === "list"
              ? { k: "list", values: vetoIds }
              : NUMBER;
      this.declare({ name: id, kind: "fact", type, slot }, ["facts", id]);
      factDrafts.push({ decl, id, slot });
    }
    const factScope = this.scope();
    const factBounds: [string | undefined, string | undefined][] = [];
    for (const { decl, id, slot } of factDrafts) {
      const path = ["facts", id];
      this.provenance(decl.source, [...path, "source"]);
      let min: Q | undefined, max: Q | undefined, step: Q | undefined;
      let minFactId: string | undefined, maxFactId: string | undefined;
      if (decl.type === "decimal" || decl.type === "integer") {
        const bound = (ref: number | string | undefined, key: "min" | "max") => {
          if (typeof ref === "string" && !toDecimal(ref) && this.syms.get(ref)?.kind === "fact") {
            const s = this.syms.get(ref)!;
            if (s.type.k !== "number") this.issue("type_mismatch", [...path, key], `${key} of "${id}" refers to fact "${ref}", which is not a number`);
            return { fact: ref };
          }
          return { q: this.num(ref, [...path, key], `${key} of "${id}"`) };
        };
        const lo = bound(decl.min, "min");
        const hi = bound(decl.max, "max");
        min = lo.q;
        max = hi.q;
        minFactId = lo.fact;
        maxFactId = hi.fact;
        if (decl.type === "decimal") step = this.num(decl.step, [...path, "step"], `step of "${id}"`);
        if (min && max && min.cmp(max) > 0) this.issue("invalid_value", [...path, "max"], `max of "${id}" (${max.toString()}) is below its min (${min.toString()})`);
        if (step && step.cmp(Q.ZERO) <= 0) this.issue("invalid_value", [...path, "step"], `step of "${id}" must be positive`);
      }
      let defaultValue: unknown;
      const hasDefault = decl.default !== undefined;
      if (hasDefault) defaultValue = decl.default;
      const rw = decl.requiredWhen ? this.expr(decl.requiredWhen, [...path, "requiredWhen"], factScope, "boolean") : undefined;
      const requiredWhen = rw?.fn;
      // The grid advice moves a number on: whole numbers, the declared step, else hundredths.
      const searchStep = decl.type === "integer" ? Q.of(1) : decl.type === "decimal" ? (step ?? Q.of("0.01")) : undefined;
      const fast = decl.type === "decimal" || decl.type === "integer" ? fastFactInfo(decl.type, min, max, step, searchStep!) : undefined;
      if (fast) this.fastSlots.set(slot, { kind: "int", num: { scale: fast.scale, lo: fast.lo, hi: fast.hi } });
      else if (decl.type === "decimal" || decl.type === "integer") this.allFast = false;
      facts.push({
        id,
        slot,
        type: decl.type,
        kind: decl.type === "boolean" ? KIND_BOOLEAN : decl.type === "enum" ? KIND_ENUM : decl.type === "list" ? KIND_LIST : KIND_NUMBER,
        label: freeze({ ...decl.label }),
        min,
        max,
        step,
        values: decl.type === "enum" ? Object.keys(decl.values) : decl.type === "list" ? vetoIds : undefined,
        enumLabels:
          decl.type === "enum"
            ? new Map(Object.entries(decl.values).map(([k, l]) => [l.zh, k]))
            : decl.type === "list"
              ? new Map((r.vetoes ?? []).map((v) => [v.label.zh, v.id]))
              : undefined,
        hasDefault,
        defaultValue,
        requiredWhen,
        requiredWhenFast: rw?.fast,
        improve: decl.improve ?? (decl.type === "enum" || decl.type === "list" ? "none" : "up"),
        searchStep,
        fast,
        fastDefault: undefined,
        // Every descriptor has the same keys in the same order (one hidden class for the loader).
        minFact: undefined,
        maxFact: undefined,
      });
      factBounds.push([minFactId, maxFactId]);
    }
    const factById = new Map(facts.map((f) => [f.id, f]));
    facts.forEach((f, i) => this.factIndex.set(f.id, i));
    facts.forEach((f, i) => {
      const [lo, hi] = factBounds[i]!;
      if (lo) (f as { minFact?: CFact }).minFact = factById.get(lo);
      if (hi) (f as { maxFact?: CFact }).maxFact = factById.get(hi);
    });
    for (const f of facts) if (f.defaultValue !== undefined) this.checkDefault(f);
    for (const f of facts) {
      if (!f.fast) continue;
      // A bound that is another fact narrows the static range when both share a scale.
      const other = f.maxFact?.fast;
      if (other && other.scale === f.fast.scale && other.hi < f.fast.hi) {
        (f as { fast: NonNullable<CFact["fast"]> }).fast = { ...f.fast, hi: other.hi };
        this.fastSlots.set(f.slot, { kind: "int", num: { scale: f.fast.scale, lo: f.fast.lo, hi: other.hi } });
      }
      if (f.hasDefault) {
        const d = toDecimal(f.defaultValue);
        const int = d ? d.times(f.fast.pow).toNumber() : NaN;
        if (Number.isSafeInteger(int) && int >= f.fast.lo && int <= f.fast.hi) (f as { fastDefault?: unknown }).fastDefault = int;
        else this.allFast = false;
      }
    }
    for (const f of facts) if (!f.fast && f.hasDefault) (f as { fastDefault?: unknown }).fastDefault = f.type === "list" ? freeze([...(f.defaultValue as string[])]) : f.defaultValue;
    const vetoFacts = facts.filter((f) => f.type === "list");
    if (vetoFacts.length > 1) this.issue("duplicate_id", ["facts", vetoFacts[1]!.id], `only one fact may list veto items; "${vetoFacts[0]!.id}" already does`);

    return facts;
  }

  /** Scores, in declaration order; a score may use the scores declared before it. */
  private buildScores(): CScore[] {
    const r = this.r;
    const scores: CScore[] = [];
    for (const [id, s] of Object.entries(r.scores ?? {})) {
      const path = ["scores", id];
      const prov = this.provenance(s.source, [...path, "source"]) ?? freeze({ default: "" });
      const compiled = this.expr(s.expr, [...path, "expr"], this.scope([], (n) => (r.scores && n in r.scores ? `is a score declared after "${id}"; a score may only use scores declared before it` : undefined)), "number");
      const slot = this.slot;
      this.slot += 2; // a fraction on the fast path takes two slots
      if (s.round !== undefined && (s.round < 0 || s.round > 10)) this.issue("invalid_value", [...path, "round"], `round must be between 0 and 10`);
      const fast = compiled ? this.fastScore(compiled.node, slot, s.round) : undefined;
      if (compiled) {
        this.scoreDeps.set(id, this.depsOf(compiled.node));
        this.scoreNames.set(id, this.namesIn(compiled.node));
      }
      scores.push({ id, slot, fn: compiled?.fn ?? (() => Q.ZERO), fast, round: s.round, path, provenance: prov, texts: new Map(), objects: new Map() });
      // A score may report a fact under the fact's own id (e.g. Yantian's `evaluation`); the name stays the fact's.
      const echo = this.syms.get(id)?.kind === "fact" && s.expr.trim() === id;
      if (!echo) this.declare({ name: id, kind: "score", type: NUMBER, slot }, path);
    }

    return scores;
  }

  /** Stars and their clauses, with the frozen results and trace entries each outcome uses. */
  private buildStars(baseScope: Scope): CStar[] {
    const r = this.r;
    const groups = r.groups ?? {};
    const starsSrc = r.stars ?? [];
    const seenStar = new Map<string, number>();
    const stars: CStar[] = [];
    starsSrc.forEach((s, index) => {
      const path: Path = ["stars", index];
      if (seenStar.has(s.id)) this.issue("duplicate_id", [...path, "id"], `duplicate star id "${s.id}" (also stars[${seenStar.get(s.id)}])`);
      seenStar.set(s.id, index);
      if (!(s.group in groups)) this.issue("unknown_reference", [...path, "group"], `unknown group "${s.group}"${didYouMean(s.group, Object.keys(groups))}`);
      const prov = this.provenance(s.source, [...path, "source"]);
      const label = this.text(s.label, [...path, "label"]);
      const earned: StarResult = ({
        id: s.id,
        label,
        group: s.group,
        earned: true,
        vetoedBy: freeze([]) as readonly string[],
        reason: freeze({ zh: `已得星：${label.zh}的全部条件均满足`, en: `earned: every condition of ${s.id} holds` }),
      });
      const clauses: CClause[] = [];
      const starDeps = new Set<number>();
      const starNames: string[] = [];
      if (s.when.length === 0) this.issue("invalid_value", [...path, "when"], `star "${s.id}" has no conditions; give at least one`);
      s.when.forEach((c, ci) => {
        const cpath: Path = [...path, "when", ci];
        const text = typeof c === "string" ? c : c.if;
        const compiled = this.expr(text, typeof c === "string" ? cpath : [...cpath, "if"], baseScope, "boolean");
        const cprov = (typeof c !== "string" && this.provenance(c.source, [...cpath, "source"])) || prov;
        if (!compiled) return;
        const names = this.namesIn(compiled.node);
        for (const i of this.depsOf(compiled.node)) starDeps.add(i);
        const shown = render(compiled.node, baseScope);
        const bare = compiled.node.kind === "name" ? this.r.facts[compiled.node.name] : undefined;
        const reason =
          typeof c !== "string" && c.reason
            ? freeze({ ...c.reason })
            : bare
              ? freeze({ zh: `未得星：${bare.label.zh}未通过`, en: `not earned: ${bare.label.en} is not met` })
              : freeze({ zh: `未得星：不满足 ${shown}`, en: `not earned: ${shown} does not hold` });
        const boolFact = compiled.node.kind === "name" && this.syms.get(compiled.node.name)?.kind === "fact" && this.syms.get(compiled.node.name)?.type.k === "boolean";
        clauses.push({
          shape: this.shapeOf(compiled.node, baseScope),
          boolSlot: boolFact ? this.syms.get((compiled.node as { name: string }).name)!.slot : -1,
          margin: this.margin(compiled.node, baseScope),
          fn: compiled.fn,
          fast: compiled.fast,
          failed: { id: s.id, label, group: s.group, earned: false, vetoedBy: freeze([]) as readonly string[], reason },
          failedTrace: this.reading(this.trace(`stars.${s.id}`, cpath, `not earned: ${shown} is false`, cprov), names),
        });
        for (const n of names) if (!starNames.includes(n)) starNames.push(n);
      });
      stars.push({ id: s.id, index, label, group: s.group, clauses, earned, earnedTrace: this.reading(this.trace(`stars.${s.id}`, path, "earned", prov), starNames), path, deps: [...starDeps].sort((a, b) => a - b) });
    });

    return stars;
  }

  /** The veto catalogue. */
  private buildVetoes(stars: readonly CStar[], baseScope: Scope): CVeto[] {
    const r = this.r;
    const starIds = stars.map((s) => s.id);
    const vetoes: CVeto[] = [];
    const seenVeto = new Map<string, number>();
    (r.vetoes ?? []).forEach((v, index) => {
      const path: Path = ["vetoes", index];
      if (seenVeto.has(v.id)) this.issue("duplicate_id", [...path, "id"], `duplicate veto id "${v.id}" (also vetoes[${seenVeto.get(v.id)}])`);
      seenVeto.set(v.id, index);
      const prov = this.provenance(v.source, [...path, "source"]);
      let starIndex = -1;
      let cap: number | undefined;
      if (v.effect === "cancelStar") {
        if (v.star === undefined) this.issue("unknown_reference", [...path, "star"], `veto "${v.id}" cancels a star but names none; add "star"`);
        else {
          starIndex = starIds.indexOf(v.star);
          if (starIndex < 0) this.issue("unknown_reference", [...path, "star"], `veto "${v.id}" names unknown star "${v.star}"${didYouMean(v.star, starIds)}`);
        }
      } else if (v.effect === "capLevel") {
        if (v.cap === undefined) this.issue("invalid_value", [...path, "cap"], `veto "${v.id}" caps the level but gives no "cap"`);
        else cap = this.int(v.cap, [...path, "cap"], `cap of veto "${v.id}"`);
      }
      const whenC = v.when ? this.expr(v.when, [...path, "when"], baseScope, "boolean") : undefined;
      const when = whenC?.fn;
      const label = freeze({ ...v.label });
      const result = freeze({ id: v.id, label, effect: v.effect, ...(v.effect === "cancelStar" && v.star ? { star: v.star } : {}), ...(cap !== undefined ? { cap } : {}) });
      const star = stars[starIndex];
      vetoes.push({
        id: v.id,
        effect: v.effect,
        starIndex,
        cap,
        when,
        whenFast: whenC?.fast,
        result,
        label,
        trace: this.trace(`vetoes.${v.id}`, path, v.effect === "cancelStar" ? `applied: cancels star ${v.star}` : v.effect === "capLevel" ? `applied: caps the rating at ${cap}` : "applied: disqualifies", prov),
        vetoedStar: star
          ? freeze({
              id: star.id,
              label: star.label,
              group: star.group,
              earned: false,
              vetoedBy: freeze([v.id]),
              reason: freeze({ zh: `一票否决：${v.label.zh}，取消该星评定资格`, en: `vetoed by ${v.id} (${v.label.en}): not eligible for this star` }),
            })
          : undefined,
      });
    });

    return vetoes;
  }

  /** Remediation steps and the first-match rules that pick them, reading history. */
  private buildRemediation(ratingSym: Sym[], slots: { previousStep: number; hasHistory: number }): { remedyRules: CRemedyRule[]; stepLabels: Map<string, Bilingual> } {
    const r = this.r;
    const stepIds = Object.keys(r.remediation?.steps ?? {});
    const remedyScope = this.scope([
      ...ratingSym,
      { name: "previousStep", kind: "context", type: { k: "string", values: [...stepIds, "none"] }, slot: slots.previousStep },
      { name: "hasHistory", kind: "context", type: BOOLEAN, slot: slots.hasHistory },
    ]);
    const remedyRules: CRemedyRule[] = [];
    const stepLabels = new Map<string, Bilingual>();
    for (const [id, st] of Object.entries(r.remediation?.steps ?? {})) {
      stepLabels.set(id, freeze({ ...st.label }));
      this.provenance(st.source, ["remediation", "steps", id, "source"]);
    }
    const stepDue = new Map<string, { years: number; months: number; days: number }>();
    for (const [id, st] of Object.entries(r.remediation?.steps ?? {})) {
      if (!st.due) continue;
      const p: Path = ["remediation", "steps", id, "due"];
      stepDue.set(id, {
        years: this.int(st.due.years, [...p, "years"], "due.years") ?? 0,
        months: this.int(st.due.months, [...p, "months"], "due.months") ?? 0,
        days: this.int(st.due.days, [...p, "days"], "due.days") ?? 0,
      });
    }
    (r.remediation?.rules ?? []).forEach((rule, index) => {
      const path: Path = ["remediation", "rules", index];
      const when = this.expr(rule.when, [...path, "when"], remedyScope, "boolean");
      const steps = rule.steps.map((sid, si) => {
        if (!stepLabels.has(sid)) this.issue("unknown_reference", [...path, "steps", si], `unknown remediation step "${sid}"${didYouMean(sid, stepIds)}`);
        const due = stepDue.get(sid);
        const label = stepLabels.get(sid) ?? freeze({ zh: sid, en: sid });
        return freeze({ id: sid, label, ...(due ? { due } : {}), plain: freeze({ id: sid, label }) });
      });
      const prov = this.provenance(rule.source, [...path, "source"]);
      if (when) {
        remedyRules.push({
          id: rule.id,
          when: when.fn,
          whenFast: when.fast,
          steps: freeze(steps),
          dated: steps.some((st) => st.due),
          undated: freeze({ steps: freeze(steps.map((st) => st.plain)), nextStar: freeze([]) as readonly never[], nextLevel: undefined }),
          datedAt: { asOf: undefined, steps: [] },
          trace: this.trace(`remediation.${rule.id}`, path, steps.length ? `steps: ${rule.steps.join(", ")}` : "no step", prov),
        });
      }
    });

    return { remedyRules, stepLabels };
  }

  /** Procedure steps, with their durations. */
  private buildProcedure(): Model["procedure"] {
    const r = this.r;
    const procedure = (r.procedure ?? []).map((p, i) => {
      const path: Path = ["procedure", i];
      const prov = this.provenance(p.source, [...path, "source"]) ?? freeze({ default: "" });
      return freeze({
        id: p.id,
        label: freeze({ ...p.label }),
        ...(p.calendarDays !== undefined ? { calendarDays: this.int(p.calendarDays, [...path, "calendarDays"], "calendarDays") } : {}),
        ...(p.workingDays !== undefined ? { workingDays: this.int(p.workingDays, [...path, "workingDays"], "workingDays") } : {}),
        provenance: prov,
      });
    });
    const seenProc = new Set<string>();
    procedure.forEach((p, i) => {
      if (seenProc.has(p.id)) this.issue("duplicate_id", ["procedure", i, "id"], `duplicate procedure step "${p.id}"`);
      seenProc.add(p.id);
    });

    return freeze(procedure) as Model["procedure"];
  }



  /** Fact indexes an expression reads, directly or through scores. */
  private depsOf(node: Node): number[] {
    // The facts it reads, directly or through the scores it names (one walk of the tree: namesIn).
    const out = new Set<number>();
    for (const name of this.namesIn(node)) {
      const sym = this.syms.get(name);
      if (sym?.kind === "fact") out.add(this.factIndex.get(name)!);
      else if (sym?.kind === "score") for (const i of this.scoreDeps.get(name) ?? []) out.add(i);
    }
    return [...out];
  }

  private readonly factIndex = new Map<string, number>();
  private readonly scoreDeps = new Map<string, number[]>();

  /** A score's fast form (after rounding, when the score rounds), recorded for later expressions. */
  /**
   * For a comparison `a < b` (or <=, >, >=) whose sides have fast forms: `a − b` as a float on a
   * fast frame. The remediation search uses it to guess where a condition turns true (then checks
   * the guess by evaluating); it never decides anything itself.
   */
  private margin(node: Node, scope: Scope): CClause["margin"] {
    if (node.kind !== "binary" || !(node.op === "<" || node.op === "<=" || node.op === ">" || node.op === ">=")) return undefined;
    const a = compileFastNum(node.left, scope, this.fastSlots), b = compileFastNum(node.right, scope, this.fastSlots);
    if (!a || !b) return undefined;
    const float = (r: NonNullable<typeof a>): ((f: readonly unknown[]) => number) => {
      if (r.kind === "frac") return (f) => r.n(f) / r.d(f);
      const pow = POW10[r.num.scale]!;
      return (f) => r.fn(f) / pow;
    };
    const fa = float(a), fb = float(b);
    return (f) => fa(f) - fb(f);
  }

  private fastScore(node: Node, slot: number, round: number | undefined): CScore["fast"] {
    const r = compileFastNum(node, this.scope(), this.fastSlots);
    if (!r) {
      this.allFast = false;
      return undefined;
    }
    if (round === undefined) {
      this.fastSlots.set(slot, r.kind === "int" ? { kind: "int", num: r.num } : { kind: "frac", n: r.nb, d: r.db });
      return r;
    }
    // Rounded: an integer at scale `round`. Check that rounding itself stays exact.
    const nHi = r.kind === "int" ? Math.max(Math.abs(r.num.lo), Math.abs(r.num.hi)) : Math.max(Math.abs(r.nb.lo), Math.abs(r.nb.hi));
    const dHi = r.kind === "int" ? POW10[r.num.scale] ?? Infinity : r.db.hi;
    const dLo = r.kind === "int" ? dHi : r.db.lo;
    const m = POW10[round] ?? Infinity;
    if (!(2 * nHi * m + dHi <= Number.MAX_SAFE_INTEGER && 2 * dHi <= Number.MAX_SAFE_INTEGER)) {
      this.allFast = false;
      return undefined;
    }
    const bound = Math.ceil((nHi / dLo) * m) + 1;
    this.fastSlots.set(slot, { kind: "int", num: { scale: round, lo: -bound, hi: bound } });
    return r;
  }

  /** `score >= min` on the fast path. */
  bandFast(score: string, min: Q | undefined): FastFn | undefined {
    if (!min) return undefined;
    if (!scaledOf(min)) {
      this.allFast = false;
      return undefined;
    }
    const node: Node = { kind: "binary", op: ">=", left: { kind: "name", name: score, start: 0, end: 0 }, right: { kind: "num", text: min.toString(), start: 0, end: 0 }, start: 0, end: 0 };
    if (!this.syms.has(score)) return undefined;
    return this.fastOf(node, this.scope());
  }

  private traceTables(rating: CRating, qualified: TraceEntry | undefined): Model["traceOf"] {
    const values: (number | string)[] = rating.kind === "grades" ? [...rating.grades] : [];
    if (rating.kind !== "grades") for (let v = rating.min; v <= rating.max; v++) values.push(v);
    return {
      qualified: qualified ? { yes: freeze({ ...qualified, value: "true" }), no: freeze({ ...qualified, value: "false" }) } : undefined,
      rating: new Map(values.map((v) => [v, freeze({ ...rating.trace, value: String(v) })])),
    };
  }

  private checkDefault(f: CFact): void {
    const path = ["facts", f.id, "default"];
    const v = f.defaultValue;
    if (f.type === "enum" && !f.values!.includes(v as string)) this.issue("invalid_value", path, `default of "${f.id}" must be one of ${f.values!.map((x) => JSON.stringify(x)).join(", ")}${didYouMean(String(v), f.values!)}`);
    if (f.type === "list") {
      (v as string[]).forEach((x, i) => {
        if (!f.values!.includes(x)) this.issue("unknown_reference", [...path, i], `unknown veto item "${x}"${didYouMean(x, f.values!)}`);
      });
    }
    if ((f.type === "decimal" || f.type === "integer") && !toDecimal(v)) this.issue("invalid_value", path, `default of "${f.id}" must be a number`);
  }


}

const OUTCOME_NAMES = ["rating", "grade", "qualified", "previousStep", "hasHistory"];

