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

function agree(id: string, facts: fc.Arbitrary<Record<string, unknown>>, events?: fc.Arbitrary<unknown[] | undefined>) {
  const model = buildModel(rulesets[id]);
  it(`${id}: fast and exact evaluation agree on random subjects`, () => {
    expect(model.fast).toBe(true);
    fc.assert(
      fc.property(facts, fc.option(fc.constantFrom("branchMentoring", "centerMentoring", "organizationalDisposal", "talkReminder"), { nil: undefined }), events ?? fc.constant(undefined), (f, prev, ev) => {
        const history = prev && model.stepLabels.has(prev) ? [{ ok: true, ruleset: { id }, stars: [{ id: "ideals", earned: true }], rating: { stars: 3, max: 10 }, remediation: { steps: [{ id: prev }] } }] : undefined;
        const subject = { id: "s", facts: f, ...(ev ? { events: ev } : {}) };
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
  const std = score(20);
  agree("qianjin/organization", fc.record({ grid: std, regional: std, professional: std, smartService: std, standardizedOperation: std, weakLax: fc.boolean() }));
  const hundred = score(100);
  agree(
    "yantian/organization",
    fc.record({
      level: fc.constantFrom("committee", "subordinate"), type: fc.constantFrom("community", "organInstitution", "soe", "privateEnterprise", "socialOrg"),
      leader: hundred, workSystem: hundred, venue: hundred, supportMechanism: hundred, performance: hundred, massContact: hundred, evaluation: hundred,
    }),
  );
  agree(
    "feicheng/branch",
    fc.record({
      domain: fc.constantFrom("rural", "community", "organ", "school", "privateEnterprise", "socialOrg", "soe", "publicInstitution"),
      team: std, operation: std, orgLife: std, memberMgmt: std, basicSupport: std, roleScore: hundred,
      vetoes: fc.subarray(["committeeSeriousViolation", "majorIncident", "cityReviewRejected"]), cityReviewRejected: fc.boolean(), weakLax: fc.boolean(),
    }),
    fc.option(fc.array(fc.record({ type: fc.constant("downgrade"), date: fc.constant("2024-06-30"), levels: fc.integer({ min: 1, max: 4 }), reason: fc.constant("r") }), { maxLength: 2 }), { nil: undefined }),
  );
  agree("liuzhou/village", fc.record({ organization: hundred, team: hundred, economy: hundred, civility: hundred, massReview: hundred, specialWork: hundred }));
  agree("liuzhou/learning", fc.record({ projectProgress: score(12), leadershipAttention: score(28), studySystem: score(20), taskCompletion: score(15), learningEffect: score(20), funding: score(5) }));
});
