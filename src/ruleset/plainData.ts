/**
 * A ruleset must be plain JSON data. Anything else a caller can pass — a BigInt, a function, a
 * symbol, a cycle, nesting deeper than any ruleset needs — is reported as ruleset issues with
 * its path, before any other check runs into it.
 */
import type { IssueDraft } from "./RulesetError.js";

/** Deeper than any ruleset needs (a table inside a parameter inside `parameters` is 4 levels). */
export const MAX_RULESET_DEPTH = 32;
const MAX_ISSUES = 20;

/**
 * Issues for every value in `input` that JSON cannot hold, walked without recursion. An object
 * used in two places (one `source` shared by several rules, as code that builds a ruleset may
 * write) is data JSON can hold; only an object inside itself is a cycle. Each shared object is
 * walked again only where it sits deeper than where it was checked (the depth limit), so sharing
 * cannot make the walk exponential.
 */
export function plainDataIssues(input: unknown): IssueDraft[] {
  const issues: IssueDraft[] = [];
  /** The objects on the path from the root to the value being checked. */
  const ancestors = new Set<object>();
  /** Objects checked without an issue, with the deepest place they were checked at. */
  const checked = new Map<object, number>();
  type Step = { v: unknown; path: (string | number)[] } | { leave: object; depth: number; issuesBefore: number };
  const stack: Step[] = [{ v: input, path: [] }];
  while (stack.length && issues.length < MAX_ISSUES) {
    const step = stack.pop()!;
    if ("leave" in step) {
      ancestors.delete(step.leave);
      if (issues.length === step.issuesBefore) checked.set(step.leave, Math.max(checked.get(step.leave) ?? 0, step.depth));
      continue;
    }
    const { v, path } = step;
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
        if (ancestors.has(v)) {
          issues.push({ code: "invalid_schema", path, message: "the ruleset refers back to itself here (a cycle); it must be plain JSON data" });
          continue;
        }
        if ((checked.get(v) ?? -1) >= path.length) continue; // checked already, at least this deep
        if (path.length >= MAX_RULESET_DEPTH) {
          issues.push({ code: "invalid_schema", path, message: `nested deeper than ${MAX_RULESET_DEPTH} levels; no part of a ruleset is` });
          continue;
        }
        ancestors.add(v);
        stack.push({ leave: v, depth: path.length, issuesBefore: issues.length });
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
