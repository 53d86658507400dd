/**
 * Results to store: the compact form a register keeps and next year's evaluation reads as
 * `history`. A full Rushan member result serializes to several KB (labels, reasons, the trace);
 * the compact form keeps what decides and what a register shows, a few hundred bytes.
 */
import type { Result, StoredResult } from "../evaluate/types.js";

const freeze = Object.freeze;

/**
 * The compact stored form of a result: rating, earned star ids, scores, veto ids, tier id and
 * remediation steps (with due dates); a rejection as it is. Accepted as `history` by `evaluate`
 * and `evaluateCohort`. Never runs the remediation search.
 *
 * @example
 * ```ts
 * const stored = JSON.stringify(compact(scheme.evaluate(member, { asOf: "2024-12-31" })));
 * // next year:
 * scheme.evaluate(member, { asOf: "2025-12-31", history: [JSON.parse(stored)] });
 * ```
 */
export function compact(result: Result): StoredResult {
  if (!result.ok) return result;
  // Built field by field (the order JSON shows), with no intermediate objects: a register stores a city.
  const out: Record<string, unknown> = { ok: true, id: result.id };
  if (result.name !== undefined) out.name = result.name;
  out.ruleset = result.ruleset;
  out.rating = result.rating;
  const earned: string[] = [];
  for (const s of result.stars) if (s.earned) earned.push(s.id);
  out.earned = freeze(earned);
  if (result.qualified !== undefined) out.qualified = result.qualified;
  out.scores = result.scores;
  out.vetoes = result.vetoes.length ? freeze(result.vetoes.map((v) => v.id)) : NONE;
  out.tier = result.tier.id;
  const steps = result.remediation.steps;
  out.steps = steps.length ? freeze(steps.map((s) => freeze(s.due !== undefined ? { id: s.id, due: s.due } : { id: s.id }))) : NONE;
  if (result.rank) out.rank = result.rank;
  return freeze(out) as unknown as StoredResult;
}

const NONE: readonly never[] = freeze([]);
