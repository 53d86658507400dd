/**
 * What a rule reads, by name: the words of its JSON (its condition, bounds, shares), and through
 * every score it names, the words of that score's expression. Used to say which parameters
 * decided an entry (overrides in traces, `compare`'s reasons, `coverage`'s unused parameters).
 */
import { Q, toDecimal } from "../_lib/decimal.js";
import type { RulesetSource } from "./schema.js";

/** The JSON of the ruleset at `path` (undefined where there is none). */
export function valueAt(source: RulesetSource, path: readonly (string | number)[]): unknown {
  let v: unknown = source;
  for (const k of path) v = v !== null && typeof v === "object" ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

/**
 * The names in `value` (a piece of the ruleset) that `wanted` accepts, through the scores they
 * name. A rule's own source, label and reason are not what it reads.
 */
export function namesRead(source: RulesetSource, value: unknown, wanted: (name: string) => boolean): string[] {
  const found = new Set<string>(), seen = new Set<string>();
  const scores = source.scores ?? {};
  const scan = (text: string) => {
    for (const w of text.match(/[A-Za-z_$][A-Za-z0-9_$]*/g) ?? []) {
      if (seen.has(w)) continue;
      seen.add(w);
      if (wanted(w)) found.add(w);
      if (Object.prototype.hasOwnProperty.call(scores, w)) scan(scores[w]!.expr);
    }
  };
  scan(JSON.stringify(value, (k, x: unknown) => (k === "source" || k === "label" || k === "reason" ? undefined : x)) ?? "");
  return [...found];
}

/** A parameter's value as text: numbers and strings as they are, anything else (a table, a name) as JSON. */
export function parameterText(v: unknown): string {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : JSON.stringify(v);
}

/** Whether two values of a parameter are the same: numbers by value (0.2, "0.2" and "0.20"), anything else by its text. */
export function sameParameterValue(a: unknown, b: unknown): boolean {
  const x = parameterText(a), y = parameterText(b);
  if (x === y) return true;
  const dx = typeof a === "object" ? undefined : toDecimal(a), dy = typeof b === "object" ? undefined : toDecimal(b);
  return dx !== undefined && dy !== undefined && Q.of(dx).cmp(Q.of(dy)) === 0;
}
