import { rulesetIssueZh } from "../words/rulesetIssues.js";

/** A JSON path inside a ruleset, e.g. `["stars", 3, "when", 0]`. */
export type IssuePath = readonly (string | number)[];

/**
 * Machine-readable kinds of ruleset problems. `invalid_schema` is the shape check (a missing or
 * misspelt key, a wrong JSON type); the others come from checking the rules themselves.
 */
export type RulesetIssueCode =
  | "invalid_schema"
  | "syntax_error"
  | "unknown_name"
  | "unknown_function"
  | "unknown_value"
  | "type_mismatch"
  | "arity"
  | "duplicate_id"
  | "unknown_reference"
  | "tier_gap"
  | "tier_overlap"
  | "invalid_value"
  | "unknown_parameter"
  | "unknown_ruleset";

/** One problem found in a ruleset. Plain data: safe to log, serialize or put in a cell. */
export interface RulesetIssue {
  readonly code: RulesetIssueCode;
  readonly path: IssuePath;
  /** English. */
  readonly message: string;
  /** Chinese (中文); ids, expressions and paths stay as they are. */
  readonly zh: string;
}

/** An issue as the checks find it; the Chinese is added when the error is made. */
export type IssueDraft = Omit<RulesetIssue, "zh"> & { readonly zh?: string };

/** `stars[3].when[0]` */
export function formatPath(path: IssuePath): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? (s ? `.${p}` : p) : `[${JSON.stringify(p)}]`;
  return s || "(root)";
}

/** A symbol registered once per JavaScript realm, so every copy of the class finds the same one. */
const BRAND: unique symbol = Symbol.for("xingji.RulesetError") as never;

/**
 * Thrown by `compile` when a ruleset is invalid. Holds every issue found, not only the first,
 * each with its JSON path inside the ruleset.
 */
export class RulesetError extends Error {
  override readonly name = "RulesetError";
  /** The brand shared by every copy of this class (the ESM and CJS builds, the global build). */
  readonly [BRAND] = true;

  /**
   * Whether `e` is a RulesetError from any copy of xingji (the ESM or CJS build, another bundle,
   * another realm): a registered symbol brand, not the prototype chain.
   */
  static is(e: unknown): e is RulesetError {
    return e !== null && typeof e === "object" && (e as Record<symbol, unknown>)[BRAND] === true;
  }

  /** `instanceof RulesetError` holds for an error of either build (it checks the brand). */
  static override [Symbol.hasInstance](e: unknown): boolean {
    return RulesetError.is(e);
  }
  /** Every problem found, in document order. */
  readonly issues: readonly RulesetIssue[];
  /** The ruleset's id, when it could be read. */
  readonly ruleset: string | undefined;

  /** @param issues - the issues found; each gets its Chinese `zh` here when it has none. */
  constructor(ruleset: string | undefined, issues: readonly (Omit<RulesetIssue, "zh"> & { readonly zh?: string })[]) {
    super(
      `${ruleset ?? "ruleset"}: ${issues.length} issue${issues.length === 1 ? "" : "s"}\n` +
        issues.map((i) => `✖ ${i.message}\n  → at ${formatPath(i.path)}`).join("\n"),
    );
    this.ruleset = ruleset;
    this.issues = Object.freeze(issues.map((i) => Object.freeze({ ...i, path: Object.freeze([...i.path]), zh: i.zh ?? rulesetIssueZh(i.code, i.message) })));
  }
}
