import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rulesets } from "../src/index.js";
import { buildModel } from "../src/compile/compile.js";
import { evaluateSubject } from "../src/evaluate/evaluate.js";

/**
 * The fast path (scaled integers on JS numbers) must give exactly what the exact path (rationals
 * on decimal.js) gives, for every subject: stars, reasons, rating, scores, tier, steps and trace.
 */
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

function agree(id: string, facts: fc.Arbitrary<Record<string, unknown>>) {
  const model = buildModel(rulesets[id]);
  it(`${id}: fast and exact evaluation agree on random subjects`, () => {
    expect(model.fast).toBe(true);
    fc.assert(
      fc.property(facts, fc.option(fc.constantFrom("branchMentoring", "centerMentoring", "organizationalDisposal", "talkReminder"), { nil: undefined }), (f, prev) => {
        const history = prev && model.stepLabels.has(prev) ? [{ ok: true, ruleset: { id }, stars: [{ id: "ideals", earned: true }], rating: { stars: 3, max: 10 }, remediation: { steps: [{ id: prev }] } }] : undefined;
        const subject = { id: "s", facts: f };
        const a = evaluateSubject(model, subject, { asOf: "2024-12-31", history }, false);
        const b = evaluateSubject(model, subject, { asOf: "2024-12-31", history }, true);
        expect(plain(a)).toEqual(plain(b));
      }),
      { numRuns: 400 },
    );
  });
}

// Numbers as JS numbers or as decimal strings, with 0–3 decimals (3 decimals leave the fast path).
const score = (max: number) =>
  fc.tuple(fc.integer({ min: 0, max: max * 1000 }), fc.constantFrom(1, 10, 100, 1000), fc.boolean()).map(([n, div, asText]) => {
    const v = Math.min(max, Math.floor(n / div) / (1000 / div));
    return asText ? String(v) : v;
  });
const survey = fc.integer({ min: 1, max: 500 }).chain((valid) => fc.tuple(fc.integer({ min: 0, max: valid }), fc.constant(valid)));

describe("fast path ≡ exact path", () => {
  agree(
    "rushan/member",
    fc.record({
      ideals: fc.boolean(), orgAwareness: fc.boolean(), moralConduct: fc.boolean(), exemplar: fc.boolean(),
      duty: fc.boolean(), volunteer: fc.boolean(), stability: fc.boolean(), tackleHard: fc.boolean(),
      orgLifeScore: fc.oneof(score(10), fc.constantFrom(6, "6", "6.00", "6.01", 5.99)),
      survey,
      vetoes: fc.subarray(["ideals", "orgAwareness", "moralConduct", "exemplar", "massRecognition", "clutterNotCleared"]),
    }).map(({ survey: [s, v], ...rest }) => ({ ...rest, surveySatisfied: s, surveyValid: v })),
  );
  agree(
    "rushan/organization",
    fc.record({
      teamBuilding: fc.boolean(), ranksManagement: fc.boolean(), coBuilding: fc.boolean(), workMechanism: fc.boolean(),
      positionSupport: fc.boolean(), gridGovernance: fc.boolean(), servePeople: fc.boolean(), socialStability: fc.boolean(), tackleHard: fc.boolean(),
      partyServiceBrand: fc.oneof(score(100), fc.constant(60)), sanitation: fc.oneof(score(100), fc.constantFrom("59.99", 60)), illegalConstruction: score(100),
      survey,
      vetoes: fc.subarray(["teamBuilding", "servePeople", "massSatisfaction"]),
    }).map(({ survey: [s, v], ...rest }) => ({ ...rest, surveySatisfied: s, surveyValid: v })),
  );
});
