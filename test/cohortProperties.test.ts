import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rulesets } from "../src/index.js";
import { buildModel } from "../src/compile/compile.js";
import { overrideParameters } from "../src/compile/extend.js";
import { evaluateCohort } from "../src/cohort/evaluateCohort.js";
import { factsOf, seeded } from "./arbitraries.js";
import { referenceCohort } from "./reference/cohort.js";

/**
 * The cohort rules sort once (O(n log n)) and compare scaled integers; the reference (the
 * earlier implementation, kept in test/reference) scans and compares in decimal.js. Both must
 * give the same results, adjustments, distribution and payments on random cohorts drawn from a
 * few values, so that ties fall at every cut, with bad rows mixed in.
 */
function agrees(id: string, parameters: fc.Arbitrary<Record<string, unknown>>, runs: number) {
  it(`${id}: sorted cohort rules ≡ the reference`, () => {
    const base = rulesets[id as keyof typeof rulesets]!;
    const models = new Map<string, ReturnType<typeof buildModel>>();
    const subject = fc.oneof(
      { weight: 12, arbitrary: factsOf(id, true).map((facts) => ({ facts })) },
      { weight: 1, arbitrary: fc.constantFrom(null, { facts: { nonsense: 1 } }, { facts: [] }) },
    );
    fc.assert(
      fc.property(parameters, fc.array(subject, { maxLength: 60 }), (params, drawn) => {
        const key = JSON.stringify(params);
        let model = models.get(key);
        if (!model) models.set(key, (model = buildModel(overrideParameters(base, params))));
        // Ids out of order, so the byId tie policy has work to do.
        const subjects = drawn.map((s, i) => (s === null ? null : { id: `s${(i * 7919) % 1000}`, ...s }));
        const got = evaluateCohort(model, subjects, { asOf: "2024-12-31" });
        const want = referenceCohort(model, subjects, { asOf: "2024-12-31" });
        expect(got.adjustments).toEqual(want.adjustments);
        expect(got.distribution).toEqual(want.distribution);
        expect(got.payments).toEqual(want.payments);
        expect(got.results).toEqual(want.results);
      }),
      seeded(runs),
    );
  });
}

describe("cohort rules in O(n log n) agree with the reference", () => {
  agrees(
    "qianjin/organization",
    fc.record({
      fiveStarShare: fc.constantFrom("0.15", "0.2", "0.1", "0", "0.5"),
      fourStarShare: fc.constantFrom("0.3", "0.25"),
      tiePolicy: fc.constantFrom("demoteTied", "keepTied", "byId"),
      quotaMode: fc.constantFrom("enforce", "report"),
      minCap: fc.constantFrom(0, 1, 2),
    }),
    300,
  );
  agrees("rushan/organization", fc.record({ lastPlaceCount: fc.constantFrom(1, 2, 3) }), 200);
  // Ranking alone: by a score (exact fractions and rounded means), by the rating.
  for (const id of ["rushan/member", "yantian/organization", "feicheng/branch", "liuzhou/village", "liuzhou/learning"]) agrees(id, fc.constant({}), 100);
});
