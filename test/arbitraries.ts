/**
 * Random subjects for every bundled ruleset, shared by the property tests, and the seeding every
 * property test uses: `FC_SEED` from the environment, else a fixed seed, printed on failure.
 */
import fc from "fast-check";

/** Options for `fc.assert`: a fixed (or `FC_SEED`) seed, so a failure reproduces; fast-check prints seed and counterexample. */
export function seeded(numRuns: number): fc.Parameters<unknown> {
  const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : 20261125;
  return { seed, numRuns, endOnFailure: true };
}

/** Numbers as JS numbers or as decimal strings, with 0–3 decimals (3 decimals leave the fast path). */
export const score = (max: number) =>
  fc.tuple(fc.integer({ min: 0, max: max * 1000 }), fc.constantFrom(1, 10, 100, 1000), fc.boolean()).map(([n, div, asText]) => {
    const v = Math.min(max, Math.floor(n / div) / (1000 / div));
    return asText ? String(v) : v;
  });
/** A few values only, so that cohorts tie often; one has 3 decimals (the exact path) and text forms mix in. */
export const coarse = (values: readonly (number | string)[]) => fc.constantFrom(...values);

const survey: fc.Arbitrary<[number, number]> = fc.integer({ min: 1, max: 500 }).chain((valid) => fc.tuple(fc.integer({ min: 0, max: valid }), fc.constant(valid)));
const coarseSurvey: fc.Arbitrary<[number, number]> = fc.constantFrom<[number, number]>([3, 5], [6, 10], [7, 10], [9, 10], [4, 5], [0, 1], [1, 1]);

/** Random valid facts per bundled ruleset; `tie` draws numbers from a few values so cohorts tie at every cut. */
export function factsOf(id: string, tie = false): fc.Arbitrary<Record<string, unknown>> {
  const num = (max: number, few: readonly (number | string)[]) => (tie ? coarse(few) : score(max));
  const std = num(20, [10, 16, "16", "16.0", 18, 20, "17.125", 15.5]);
  const hundred = num(100, [60, 70, "70.0", 85, 90, "90.125", 100]);
  switch (id) {
    case "rushan/member":
      return fc.record({
        ideals: fc.boolean(), orgAwareness: fc.boolean(), moralConduct: fc.boolean(), exemplar: fc.boolean(),
        duty: fc.boolean(), volunteer: fc.boolean(), stability: fc.boolean(), tackleHard: fc.boolean(),
        orgLifeScore: tie ? coarse([5, 6, "6.01", 7, "7.125", 10]) : fc.oneof(score(10), fc.constantFrom(6, "6", "6.00", "6.01", 5.99)),
        survey: tie ? coarseSurvey : survey,
        vetoes: fc.subarray(["ideals", "orgAwareness", "moralConduct", "exemplar", "massRecognition", "clutterNotCleared"]),
      }).map(({ survey: [s, v], ...rest }) => ({ ...rest, surveySatisfied: s, surveyValid: v }));
    case "rushan/organization":
      return fc.record({
        teamBuilding: fc.boolean(), ranksManagement: fc.boolean(), coBuilding: fc.boolean(), workMechanism: fc.boolean(),
        positionSupport: fc.boolean(), gridGovernance: fc.boolean(), servePeople: fc.boolean(), socialStability: fc.boolean(), tackleHard: fc.boolean(),
        partyServiceBrand: tie ? coarse([55, 60, "60", 61, "75.125", 80]) : fc.oneof(score(100), fc.constant(60)),
        sanitation: tie ? coarse([59.99, 60, 70, "80.125"]) : fc.oneof(score(100), fc.constantFrom("59.99", 60)),
        illegalConstruction: hundred,
        survey: tie ? coarseSurvey : survey,
        vetoes: fc.subarray(["teamBuilding", "servePeople", "massSatisfaction"]),
      }).map(({ survey: [s, v], ...rest }) => ({ ...rest, surveySatisfied: s, surveyValid: v }));
    case "qianjin/organization":
      return fc.record({ grid: std, regional: std, professional: std, smartService: std, standardizedOperation: std, weakLax: fc.boolean() });
    case "yantian/organization":
      return fc.record({
        level: fc.constantFrom("committee", "subordinate"), type: fc.constantFrom("community", "organInstitution", "soe", "privateEnterprise", "socialOrg"),
        leader: hundred, workSystem: hundred, venue: hundred, supportMechanism: hundred, performance: hundred, massContact: hundred, evaluation: hundred,
      });
    case "feicheng/branch":
      return fc.record({
        domain: fc.constantFrom("rural", "community", "organ", "school", "privateEnterprise", "socialOrg", "soe", "publicInstitution"),
        team: std, operation: std, orgLife: std, memberMgmt: std, basicSupport: std, roleScore: hundred,
        vetoes: fc.subarray(["committeeSeriousViolation", "majorIncident", "cityReviewRejected"]), cityReviewRejected: fc.boolean(), weakLax: fc.boolean(),
      });
    case "liuzhou/village":
      return fc.record({ organization: hundred, team: hundred, economy: hundred, civility: hundred, massReview: hundred, specialWork: hundred });
    case "liuzhou/learning":
      return fc.record({
        projectProgress: num(12, [6, 12, "12.0"]), leadershipAttention: num(28, [14, 28]), studySystem: num(20, [10, "15.125", 20]),
        taskCompletion: num(15, [7.5, 15]), learningEffect: num(20, [10, 20]), funding: num(5, [0, 5]),
      });
  }
  throw new Error(`no arbitrary for ${id}`);
}

/** Feicheng's mid-year downgrades, or none. */
export const downgrades = fc.option(
  fc.array(fc.record({ type: fc.constant("downgrade"), date: fc.constant("2024-06-30"), levels: fc.integer({ min: 1, max: 4 }), reason: fc.constant("r") }), { maxLength: 2 }),
  { nil: undefined },
);
