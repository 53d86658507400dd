/**
 * The ruleset format: one zod schema, the single source of truth. The JSON Schema shipped in
 * `rulesets/ruleset.schema.json` is generated from it (`npm run schema`), and the TypeScript
 * types below are inferred from it.
 */
import * as z from "zod/mini";

/** A string with a description (an editor shows it on hover through the JSON Schema). */
export const text = (description: string) => z.string().check(z.describe(description));

/** A schema with a description (an editor shows it on hover through the JSON Schema). */
export const about = <T extends z.ZodMiniType>(schema: T, description: string): T => schema.check(z.describe(description)) as T;

/**
 * The schemas, built on first use rather than at load: an app that never compiles a ruleset (one
 * that only counts working days) carries no zod, and loading the library builds nothing.
 */
function define() {
  /** A bilingual label: `zh` is the official wording. */
  const Bilingual = z.strictObject({
    zh: text("Official Chinese wording"),
    en: text("English rendering"),
  });

  /** Where a rule comes from: a document and its Chinese quote, or the reason for a default we chose. */
  const Source = z.union([
    z.strictObject({
      document: text("Key into the ruleset's `documents`"),
      quote: text("The Chinese source text, verbatim (simplified characters)"),
      note: z.optional(text("How the quote is read, when that is not obvious")),
      noteZh: z.optional(text("The note in Chinese, for the Chinese guides and explanations")),
    }),
    z.strictObject({
      default: text("Why this default was chosen where the sources are silent"),
      zh: z.optional(text("The reason in Chinese, for the Chinese guides and explanations")),
    }),
  ]);

  /** A source document: publisher, title and date, as the domain notes cite it. */
  const Document = z.strictObject({
    publisher: z.string(),
    title: z.string(),
    date: z.string(),
    via: z.optional(z.string()),
  });

  /** A number, a decimal string, or a constant expression over parameters (`"consolidateMinStars - 1"`). */
  const NumRef = z.union([z.number(), z.string()]);

  const factBase = {
    label: Bilingual,
    description: z.optional(z.string()),
    source: z.optional(Source),
    /** An expression; when it is false the fact is not required (and is ignored). */
    requiredWhen: z.optional(z.string()),
    /**
     * Which way effort moves this fact, for "what would it take": `up` (the default for booleans
     * and numbers: false → true, higher), `down`, or `none` (a given, such as valid ballots or a
     * finding; the default for enums and lists).
     */
    improve: z.optional(z.enum(["up", "down", "none"])),
  };

  /** A declared fact: what the clerk supplies for each subject. */
  const Fact = z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("boolean"), ...factBase, default: z.optional(z.boolean()) }),
    z.strictObject({
      type: z.literal("decimal"),
      ...factBase,
      min: z.optional(NumRef),
      max: z.optional(NumRef),
      step: z.optional(NumRef),
      default: z.optional(z.union([z.number(), z.string()])),
    }),
    z.strictObject({
      type: z.literal("integer"),
      ...factBase,
      min: z.optional(NumRef),
      max: z.optional(NumRef),
      default: z.optional(z.union([z.number(), z.string()])),
    }),
    z.strictObject({
      type: z.literal("enum"),
      ...factBase,
      values: z.record(z.string(), Bilingual),
      default: z.optional(z.string()),
    }),
    z.strictObject({
      type: z.literal("list"),
      ...factBase,
      /** `"vetoes"`: the ids of the ruleset's veto catalogue. */
      of: z.literal("vetoes"),
      default: z.optional(z.array(z.string())),
    }),
  ]);

  /**
   * The least or greatest value a numeric parameter may take (a number, a decimal string, or the
   * name of another numeric parameter), checked when the ruleset compiles and when a simulation
   * overrides the parameter.
   */
  const Bound = z.union([z.number(), z.string()]);

  /** A named parameter: every threshold, band, weight, quota, point value and amount. */
  const Parameter = z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("decimal"), value: z.union([z.number(), z.string()]), min: z.optional(Bound), max: z.optional(Bound), label: z.optional(Bilingual), source: Source }),
    z.strictObject({ type: z.literal("integer"), value: z.union([z.number(), z.string()]), min: z.optional(Bound), max: z.optional(Bound), label: z.optional(Bilingual), source: Source }),
    z.strictObject({ type: z.literal("boolean"), value: z.boolean(), label: z.optional(Bilingual), source: Source }),
    z.strictObject({
      type: z.literal("string"),
      value: z.string(),
      /** The allowed values, checked when the parameter is overridden. */
      values: z.optional(z.array(z.string())),
      label: z.optional(Bilingual),
      source: Source,
    }),
    /** A bilingual name, e.g. a star name that is a default and may be renamed. */
    z.strictObject({ type: z.literal("text"), value: Bilingual, label: z.optional(Bilingual), source: Source }),
    z.strictObject({
      type: z.literal("table"),
      value: z.record(z.string(), z.union([z.number(), z.string()])),
      label: z.optional(Bilingual),
      source: Source,
    }),
  ]);

  /** A named exact score, e.g. `total`. */
  const Score = z.strictObject({
    label: Bilingual,
    expr: text("Expression over facts, parameters and earlier scores"),
    /** Round half-up to this many decimals, and decide on the rounded value. */
    round: z.optional(z.int()),
    source: Source,
  });

  /** One condition of a star: an expression, optionally with its own source and failure reason. */
  const Clause = z.union([
    z.string(),
    z.strictObject({ if: z.string(), source: z.optional(Source), reason: z.optional(Bilingual) }),
  ]);

  /** A star a subject can earn. */
  const Star = z.strictObject({
    id: z.string(),
    /** The star's name, or the name of a `text` parameter holding it (for names that are defaults). */
    label: z.union([Bilingual, z.string()]),
    group: z.string(),
    /** Every clause must hold for the star to be earned. */
    when: z.array(Clause),
    source: Source,
  });

  /** A star group, e.g. basic (基础星) and pioneer (先锋星). */
  const Group = z.strictObject({ label: Bilingual, source: z.optional(Source) });

  /** A veto item (一票否决): listed in the subject's `vetoes` fact, or triggered by `when`. */
  const Veto = z.strictObject({
    id: z.string(),
    label: Bilingual,
    effect: z.enum(["cancelStar", "capLevel", "disqualify"]),
    star: z.optional(z.string()),
    cap: z.optional(NumRef),
    when: z.optional(z.string()),
    source: Source,
  });

  /** How the rating is derived. */
  const Rating = z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("starCount"), source: z.optional(Source) }),
    z.strictObject({
      kind: z.literal("levels"),
      score: z.string(),
      /** Highest band first; a band without `min` catches the rest. */
      bands: z.array(z.strictObject({ level: z.int(), min: z.optional(NumRef) })),
      source: Source,
    }),
    z.strictObject({
      kind: z.literal("grades"),
      score: z.string(),
      bands: z.array(z.strictObject({ grade: z.string(), label: Bilingual, min: z.optional(NumRef) })),
      source: Source,
    }),
  ]);

  /** An action a tier triggers. */
  const Action = z.strictObject({ id: z.string(), label: Bilingual, when: z.optional(z.string()), source: z.optional(Source) });

  /** A payment a tier triggers. */
  const Payment = z.strictObject({
    id: z.string(),
    label: Bilingual,
    amount: NumRef,
    period: z.enum(["month", "year"]),
    when: z.optional(z.string()),
    source: z.optional(Source),
  });

  /** An outcome band over the rating. */
  const Tier = z.strictObject({
    id: z.string(),
    label: Bilingual,
    /** Rating range (inclusive) for star and level ratings. */
    min: z.optional(NumRef),
    max: z.optional(NumRef),
    /** The grade, for graded ratings. */
    grade: z.optional(z.string()),
    actions: z.optional(z.array(Action)),
    bonusPoints: z.optional(NumRef),
    payments: z.optional(z.array(Payment)),
    source: Source,
  });

  /** A remediation step's due date, relative to `asOf`. */
  const Due = z.strictObject({ years: z.optional(NumRef), months: z.optional(NumRef), days: z.optional(NumRef) });

  /** Remediation: named steps and first-match rules that pick them, reading history. */
  const Remediation = z.strictObject({
    steps: z.record(z.string(), z.strictObject({ label: Bilingual, due: z.optional(Due), source: z.optional(Source) })),
    rules: z.array(
      z.strictObject({ id: z.string(), when: z.string(), steps: z.array(z.string()), source: Source }),
    ),
  });

  /** A procedure step (初评, 公示, 申诉…), with its duration where one applies. */
  const ProcedureStep = z.strictObject({
    id: z.string(),
    label: Bilingual,
    calendarDays: z.optional(NumRef),
    workingDays: z.optional(NumRef),
    source: Source,
  });

  /** A cap on how many subjects may hold a rating (Qianjin: five-star at most 15 %). */
  const Quota = z.strictObject({
    /** Names the cohort rule in adjustments: `quota.<id>`. */
    id: z.string(),
    /** The rating value that is capped. */
    rating: NumRef,
    /** The largest share of the cohort's valid subjects that may hold it; cap = floor(N × share). */
    share: NumRef,
    /** Where the excess goes. */
    demoteTo: NumRef,
    source: Source,
  });

  /** Last-place elimination (末位淘汰): the subject(s) ranked last on a fact lose a star. */
  const LastPlace = z.strictObject({
    fact: z.string(),
    star: z.string(),
    /** How many places from the bottom lose the star (ties at the cut lose it too); 1 by default. */
    bottom: z.optional(NumRef),
    source: Source,
  });

  /** Rules that need the whole cohort, applied after each subject is evaluated alone. */
  const Cohort = z.strictObject({
    /** The score that ranks subjects (quota cuts, `rank`); without it, the rating ranks them. */
    rankBy: z.optional(z.string()),
    quotas: z.optional(z.array(Quota)),
    /** `"enforce"` or `"report"`, or a string parameter holding one. */
    quotaMode: z.optional(z.string()),
    /** `"demoteTied"`, `"keepTied"` or `"byId"`, or a string parameter holding one. */
    tiePolicy: z.optional(z.string()),
    /** The smallest cap, whatever the cohort's size (a number or a parameter). */
    minCap: z.optional(NumRef),
    lastPlace: z.optional(z.array(LastPlace)),
    source: z.optional(Source),
  });

  /** A whole ruleset file. */
  const Ruleset = z.strictObject({
    $schema: z.optional(text("The JSON Schema this file follows: ../ruleset.schema.json, for editor checks")),
    id: text("Scheme id: <place>/<subject>"),
    version: text("Edition of the ruleset, semver"),
    title: about(Bilingual, "The scheme's name, in Chinese (official) and English"),
    subject: about(z.enum(["member", "organization"]), "Whom the scheme rates: party members or party organizations"),
    documents: about(z.record(z.string(), Document), "The source documents, by the key rules cite in source.document"),
    facts: about(z.record(z.string(), Fact), "What a clerk enters for each subject, by id: boolean, decimal, integer, enum or list (veto items)"),
    parameters: z.optional(about(z.record(z.string(), Parameter), "Every threshold, band, weight, share, point value and amount, named, with its source; a simulation overrides them")),
    scores: z.optional(about(z.record(z.string(), Score), "Named exact scores computed from facts and parameters")),
    groups: z.optional(about(z.record(z.string(), Group), "Star groups, e.g. basic and pioneer stars")),
    stars: z.optional(about(z.array(Star), "The stars, each earned when every clause of its `when` holds")),
    vetoes: z.optional(about(z.array(Veto), "The veto catalogue (一票否决): cancel a star, cap the level, or disqualify")),
    qualified: z.optional(about(z.strictObject({ group: z.string(), label: Bilingual, source: Source }), "Qualified (合格) when every star of this group is earned")),
    rating: about(Rating, "How the rating is reached: starCount, levels from score bands, or grades from score bands"),
    tiers: about(z.array(Tier), "Outcome bands over the rating, covering every rating once: actions, bonus points, payments"),
    remediation: z.optional(about(Remediation, "Remediation steps and the first-match rules that choose them (帮教、整改)")),
    procedure: z.optional(about(z.array(ProcedureStep), "The procedure's steps in order, with durations for deadlines (公示, 申诉…)")),
    cohort: z.optional(about(Cohort, "Rules over a whole cohort: quotas, last-place elimination, ranking")),
    /** Events a subject may carry; `downgrade` is a mid-year 摘星降级 applied after vetoes and caps. */
    events: z.optional(about(z.strictObject({ downgrade: z.strictObject({ label: Bilingual, source: Source }) }), "Events a subject may carry: downgrade, a mid-year 摘星降级 applied after vetoes and caps")),
  });
  return { Bilingual, Source, Document, NumRef, Fact, Parameter, Score, Clause, Star, Group, Veto, Rating, Action, Payment, Tier, Due, Remediation, ProcedureStep, Quota, LastPlace, Cohort, Ruleset };
}

type Schemas = ReturnType<typeof define>;
let built: Schemas | undefined;

/** The ruleset format's zod schemas (built once, on first use). */
export function schemas(): Schemas {
  return (built ??= define());
}

/** A ruleset as written in JSON (`rulesets/<scheme>/<subject>.json`). */
export type RulesetSource = z.infer<Schemas["Ruleset"]>;
export type SourceRef = z.infer<Schemas["Source"]>;
export type BilingualText = z.infer<Schemas["Bilingual"]>;
export type FactDecl = z.infer<Schemas["Fact"]>;
export type ParameterDecl = z.infer<Schemas["Parameter"]>;
