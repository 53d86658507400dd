/** Messages between the page and its worker (all structured-cloneable data). */
import type { Locale } from "../../src/index.js";

/** A scheme: a bundled id, or a ruleset's JSON text (a file the clerk opened). */
export type SchemeRef = { readonly id: string } | { readonly json: string; readonly name: string };

export type Request =
  | { readonly type: "evaluate"; readonly req: number; readonly scheme: SchemeRef; readonly table: unknown[][]; readonly asOf?: string; readonly locale: Locale }
  | { readonly type: "explain"; readonly req: number; readonly row: number; readonly locale: Locale }
  | { readonly type: "notice"; readonly req: number; readonly from: string; readonly year: number; readonly locale: Locale }
  | { readonly type: "compare"; readonly req: number; readonly parameters: Record<string, unknown>; readonly locale: Locale }
  | { readonly type: "scheme"; readonly req: number; readonly scheme: SchemeRef };

/** A parameter as the what-if panel shows it. */
export interface ParameterInfo {
  readonly name: string;
  readonly type: string;
  readonly value: unknown;
  readonly label: { readonly zh: string; readonly en: string } | undefined;
  readonly source: string;
  readonly isDefault: boolean;
  readonly values?: readonly string[];
}

/** A ruleset issue as the page shows it. */
export interface IssueInfo {
  readonly path: string;
  readonly code: string;
  readonly message: string;
  readonly zh: string;
}

export type Response =
  | { readonly type: "progress"; readonly req: number; readonly phase: "reading" | "evaluating" | "writing"; readonly rows: number }
  | { readonly type: "scheme"; readonly req: number; readonly id: string; readonly version: string; readonly title: { zh: string; en: string }; readonly headers: readonly string[]; readonly parameters: readonly ParameterInfo[] }
  | { readonly type: "evaluated"; readonly req: number; readonly rows: (string | number | boolean)[][]; readonly distribution: Record<string, number>; readonly ms: number; readonly bad: number }
  | { readonly type: "explanation"; readonly req: number; readonly text: string }
  | { readonly type: "notice"; readonly req: number; readonly title: string; readonly text: string }
  | { readonly type: "compared"; readonly req: number; readonly moved: readonly [row: number, title: string][] }
  | { readonly type: "rulesetError"; readonly req: number; readonly issues: readonly IssueInfo[] }
  | { readonly type: "error"; readonly req: number; readonly message: string };
