import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rulesets, type BundledRulesetId } from "../src/index.js";
import { buildModel } from "../src/compile/compile.js";
import { evaluateSubject } from "../src/evaluate/evaluate.js";
import { downgrades, factsOf, seeded } from "./arbitraries.js";

/**
 * The fast path (scaled integers on JS numbers) must give exactly what the exact path (rationals
 * on decimal.js) gives, for every subject: stars, reasons, rating, scores, tier, steps and trace.
 */
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

function agree(id: string, facts: fc.Arbitrary<Record<string, unknown>>, events?: fc.Arbitrary<unknown[] | undefined>) {
  const model = buildModel(rulesets[id as BundledRulesetId]);
  it(`${id}: fast and exact evaluation agree on random subjects`, () => {
    expect(model.fast).toBe(true);
    fc.assert(
      fc.property(facts, fc.option(fc.constantFrom("branchMentoring", "centerMentoring", "organizationalDisposal", "talkReminder"), { nil: undefined }), events ?? fc.constant(undefined), (f, prev, ev) => {
        const history = prev && model.stepLabels.has(prev) ? [{ ok: true, id: "s", ruleset: { id }, stars: [{ id: "ideals", earned: true }], rating: { stars: 3, max: 10 }, remediation: { steps: [{ id: prev }] } }] : undefined;
        const subject = { id: "s", facts: f, ...(ev ? { events: ev } : {}) };
        const a = evaluateSubject(model, subject, { asOf: "2024-12-31", history }, false);
        const b = evaluateSubject(model, subject, { asOf: "2024-12-31", history }, true);
        expect(plain(a)).toEqual(plain(b));
      }),
      seeded(400),
    );
  });
}

describe("fast path ≡ exact path", () => {
  for (const id of Object.keys(rulesets)) agree(id, factsOf(id), id === "feicheng/branch" ? downgrades : undefined);
});
