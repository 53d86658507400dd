/**
 * What a rule reads, by name: the words of its JSON (its condition, bounds, shares), and through
 * every score it names, the words of that score's expression. Used to say which parameters
 * decided an entry (overrides in traces, `compare`'s reasons, `coverage`'s unused parameters).
 */
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
