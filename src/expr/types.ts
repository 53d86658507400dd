import type { Q } from "../_lib/decimal.js";

/** The static type of an expression value. Strings and lists may carry their allowed values. */
export type Type =
  | { readonly k: "number" }
  | { readonly k: "boolean" }
  | { readonly k: "string"; readonly values?: readonly string[] }
  | { readonly k: "list"; readonly values?: readonly string[] }
  | { readonly k: "map"; readonly keys: readonly string[] }
  | { readonly k: "error" };

export const NUMBER: Type = { k: "number" };
export const BOOLEAN: Type = { k: "boolean" };
export const ERROR: Type = { k: "error" };

/** A runtime value of the exact evaluator. */
export type Value = Q | boolean | string | readonly string[] | Readonly<Record<string, Q>>;

/** Static facts the fast compiler may rely on for a numeric symbol: value = int / 10^scale, lo ≤ int ≤ hi. */
export interface FastNum {
  readonly scale: number;
  readonly lo: number;
  readonly hi: number;
}

/** A name an expression can refer to. */
export interface Sym {
  readonly name: string;
  readonly kind: "fact" | "param" | "score" | "context";
  readonly type: Type;
  /** Frame slot for facts, scores and context values. */
  readonly slot: number;
  /** The constant value of a parameter. */
  readonly value?: Value;
  /** For numeric facts, scores and context values: what the fast path knows. */
  readonly fast?: FastNum;
}

/** The names visible to an expression. */
export interface Scope {
  lookup(name: string): Sym | undefined;
  /** Every visible name, for "did you mean". */
  names(): Iterable<string>;
  /** What a name would be outside this scope, to explain why it is not visible here. */
  hidden?(name: string): string | undefined;
}

export function typeName(t: Type): string {
  switch (t.k) {
    case "string":
      return t.values ? `one of ${t.values.map((v) => JSON.stringify(v)).join(", ")}` : "string";
    case "list":
      return "list";
    case "map":
      return "table";
    default:
      return t.k;
  }
}
