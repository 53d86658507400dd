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
  return freeze({
    ok: true as const,
    id: result.id,
    ...(result.name !== undefined ? { name: result.name } : {}),
    ruleset: result.ruleset,
    rating: result.rating,
    earned: freeze(result.stars.filter((s) => s.earned).map((s) => s.id)),
    ...(result.qualified !== undefined ? { qualified: result.qualified } : {}),
    scores: result.scores,
    vetoes: freeze(result.vetoes.map((v) => v.id)),
    tier: result.tier.id,
    steps: freeze(result.remediation.steps.map((s) => freeze(s.due !== undefined ? { id: s.id, due: s.due } : { id: s.id }))),
    ...(result.rank ? { rank: result.rank } : {}),
  });
}
