import { didYouMean } from "../_lib/didYouMean.js";
import type { IssuePath, IssueDraft } from "./RulesetError.js";

interface ZIssue {
  code: string;
  path: PropertyKey[];
  expected?: string;
  keys?: string[];
  values?: unknown[];
  options?: unknown[];
  errors?: ZIssue[][];
  note?: string;
  minimum?: unknown;
  maximum?: unknown;
}

function at(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const p of path) v = v != null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

function kindOf(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "object") return "an object";
  return `${typeof v} ${JSON.stringify(v)}`;
}

/**
 * Turns zod issues into ruleset issues with readable messages: unknown keys get a "did you
 * mean" from the keys the format knows, unions report the branch that came closest.
 */
export function fromZodIssues(issues: readonly ZIssue[], input: unknown, vocabulary: readonly string[], prefix: IssuePath = []): IssueDraft[] {
  const out: IssueDraft[] = [];
  for (const iss of issues) {
    const path = [...prefix, ...(iss.path as (string | number)[])];
    switch (iss.code) {
      case "unrecognized_keys":
        for (const k of iss.keys ?? []) {
          out.push({ code: "invalid_schema", path: [...path, k], message: `unknown key "${k}"${didYouMean(k, vocabulary)}` });
        }
        break;
      case "invalid_type": {
        const got = at(input, path);
        const expected = iss.expected === "int" ? "an integer" : `${iss.expected}`;
        out.push({
          code: "invalid_schema",
          path,
          message: got === undefined ? `missing required key "${String(path[path.length - 1])}" (${expected})` : `expected ${expected}, got ${kindOf(got)}`,
        });
        break;
      }
      case "invalid_value": {
        const got = at(input, path);
        const vals = (iss.values ?? []).map(String);
        out.push({ code: "invalid_schema", path, message: `expected one of ${vals.map((v) => JSON.stringify(v)).join(", ")}, got ${kindOf(got)}${typeof got === "string" ? didYouMean(got, vals) : ""}` });
        break;
      }
      case "invalid_union": {
        if (iss.note === "No matching discriminator") {
          const got = at(input, path);
          const opts = (iss.options ?? []).map(String);
          out.push({ code: "invalid_schema", path, message: `expected one of ${opts.map((v) => JSON.stringify(v)).join(", ")}, got ${kindOf(got)}${typeof got === "string" ? didYouMean(got, opts) : ""}` });
          break;
        }
        const branches = iss.errors ?? [];
        if (branches.length === 0) {
          out.push({ code: "invalid_schema", path, message: `value does not match any allowed shape` });
          break;
        }
        // Report the branch that came closest (fewest issues, deepest paths first).
        const best = [...branches].sort((a, b) => a.length - b.length)[0]!;
        out.push(...fromZodIssues(best, input, vocabulary, path));
        break;
      }
      case "too_small":
        out.push({ code: "invalid_schema", path, message: `must be at least ${String(iss.minimum)}` });
        break;
      case "too_big":
        out.push({ code: "invalid_schema", path, message: `must be at most ${String(iss.maximum)}` });
        break;
      default:
        out.push({ code: "invalid_schema", path, message: `invalid value (${iss.code})` });
    }
  }
  return out;
}

/** Every property name the JSON Schema knows, for "did you mean" on unknown keys. */
export function schemaVocabulary(schema: unknown): string[] {
  const keys = new Set<string>();
  const walk = (s: unknown): void => {
    if (Array.isArray(s)) return s.forEach(walk);
    if (s && typeof s === "object") {
      const o = s as Record<string, unknown>;
      if (o.properties && typeof o.properties === "object") for (const k of Object.keys(o.properties)) keys.add(k);
      for (const v of Object.values(o)) walk(v);
    }
  };
  walk(schema);
  return [...keys];
}
