/**
 * A ruleset must be plain JSON data. Anything else a caller can pass — a BigInt, a function, a
 * symbol, a cycle, nesting deeper than any ruleset needs — is reported as ruleset issues with
 * its path, before any other check runs into it.
 */
import type { IssueDraft } from "./RulesetError.js";

/** Deeper than any ruleset needs (a table inside a parameter inside `parameters` is 4 levels). */
export const MAX_RULESET_DEPTH = 32;
const MAX_ISSUES = 20;

/** Issues for every value in `input` that JSON cannot hold, walked without recursion. */
export function plainDataIssues(input: unknown): IssueDraft[] {
  const issues: IssueDraft[] = [];
  const seen = new Set<object>();
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: input, path: [] }];
  while (stack.length && issues.length < MAX_ISSUES) {
    const { v, path } = stack.pop()!;
    switch (typeof v) {
      case "bigint":
        issues.push({ code: "invalid_schema", path, message: `a BigInt is not JSON data; write the number (or a decimal string)` });
        continue;
      case "function":
      case "symbol":
        issues.push({ code: "invalid_schema", path, message: `a ${typeof v} is not JSON data` });
        continue;
      case "number":
        if (!Number.isFinite(v)) issues.push({ code: "invalid_schema", path, message: `${String(v)} is not a JSON number` });
        continue;
      case "object": {
        if (v === null) continue;
        if (seen.has(v)) {
          issues.push({ code: "invalid_schema", path, message: "the ruleset refers back to itself here (a cycle); it must be plain JSON data" });
          continue;
        }
        if (path.length >= MAX_RULESET_DEPTH) {
          issues.push({ code: "invalid_schema", path, message: `nested deeper than ${MAX_RULESET_DEPTH} levels; no part of a ruleset is` });
          continue;
        }
        seen.add(v);
        if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, path: [...path, i] }));
        else for (const k of Object.keys(v)) stack.push({ v: (v as Record<string, unknown>)[k], path: [...path, k] });
        continue;
      }
      default:
        continue;
    }
  }
  return issues.reverse();
}
