import { describe, expect, it } from "vitest";
import { compile } from "../src/index.js";
import { rulesets } from "./untyped.js";
import { ALL_MEMBER_BOOLEANS, edited, ok } from "./helpers.js";
import { buildModel } from "../src/compile/compile.js";
import { cohortStats, evaluateCohort } from "../src/cohort/evaluateCohort.js";

/**
 * Cohort rules at their edges, each answer worked out by hand: rows past the decisions a cohort
 * keeps, ranking by grade, quotas without a ranking score, shares finer than a float, last place
 * in report mode. Every scheme and cohort is built inside its test (a mutation run then sees
 * which test exercised which line).
 */

const STD = ["grid", "regional", "professional", "smartService", "standardizedOperation"];
/** A Qianjin organization with `stars` standards at 16 (the first at 16 + extra) and the rest at 10. */
const org = (id: string, stars: number, extra = 0) => ({ id, facts: Object.fromEntries(STD.map((s, i) => [s, i < stars ? (i === 0 ? 16 + extra : 16) : 10])) });

describe("a cohort past the 4,096 rows whose decisions it keeps", () => {
  it("rows beyond them are decided again with their name and last year's history, as alone", () => {
    const member = compile(rulesets["rushan/member"]);
    const facts = { ...ALL_MEMBER_BOOLEANS, orgLifeScore: 8, surveySatisfied: 9, surveyValid: 10 };
    // Last year: 9 stars (exemplar not earned); this year: 10 — gained exemplar, from 9 to 10.
    const last = member.evaluate({ id: "m-4200", facts: { ...facts, exemplar: false } });
    const subjects = Array.from({ length: 4300 }, (_, i) => ({ id: `m-${i}`, facts }));
    subjects[4200] = { id: "m-4200", name: "李四", facts, history: [last] } as never;
    const c = member.evaluateCohort(subjects);
    expect(c.results).toHaveLength(4300);
    const r = ok(c.results[4200]!);
    expect(r.name).toBe("李四");
    expect(r.change).toEqual({ gained: ["exemplar"], lost: [], from: 9, to: 10 });
    expect(ok(c.results[4299]!).change).toBeUndefined();
    // Every member holds 10 stars: all share first place among 4,300.
    expect([r.rank, ok(c.results[4299]!).rank]).toEqual([{ by: "rating", position: 1, of: 4300 }, { by: "rating", position: 1, of: 4300 }]);
    expect(c.distribution).toEqual({ 10: 4300 });
  });

  it("rows beyond them, made again from their signature or decided again (a veto), are the results each gets alone", () => {
    const member = compile(rulesets["rushan/member"]);
    // 4,400 members cycling through 11 shapes: a star more or less, a listed veto every 7th row
    // and on row 4096 (the first beyond those kept), a name on row 4101.
    const subjects: { id: string; name?: string; facts: Record<string, unknown> }[] = Array.from({ length: 4400 }, (_, i) => ({
      id: `m-${i}`,
      facts: { ...ALL_MEMBER_BOOLEANS, duty: i % 11 !== 3, exemplar: i % 5 !== 0, orgLifeScore: (i % 10) + 0.5, surveySatisfied: i % 11, surveyValid: 10, vetoes: i % 7 === 0 || i === 4096 ? ["ideals"] : [] },
    }));
    subjects[4101]!.name = "张三";
    const before = cohortStats.decidedAgain;
    const c = member.evaluateCohort(subjects);
    // Decided again: only the vetoed rows beyond the 4,096 kept (a veto leaves no signature):
    // 4096, then 4102, 4109, …, 4396 (7 × 586 to 7 × 628, 43 rows): 44. The others are made from
    // their signature.
    expect(cohortStats.decidedAgain - before).toBe(44);
    expect(ok(c.results[4101]!).name).toBe("张三");
    for (const i of [4096, 4097, 4101, 4102, 4103, 4104, 4105, 4111, 4199, 4399]) {
      const { rank, ...inCohort } = ok(c.results[i]!);
      const { rank: none, ...alone } = ok(member.evaluate(subjects[i]!));
      expect(none).toBeUndefined();
      expect(rank).toMatchObject({ by: "rating", of: 4400 });
      expect(inCohort).toEqual(alone);
      expect(ok(c.results[i]!).remediation.nextLevel).toEqual(ok(member.evaluate(subjects[i]!)).remediation.nextLevel);
    }
  });

  it("graded rows beyond them (Liuzhou learning: no stars, every row one signature) keep their own grade and score", () => {
    const learning = compile(rulesets["liuzhou/learning"]);
    // learningEffect 20, 17.5, … 0 by row: totals 100 down to 80.
    const subjects = Array.from({ length: 4200 }, (_, i) => ({ id: `l-${i}`, facts: { projectProgress: 12, leadershipAttention: 28, studySystem: 20, taskCompletion: 15, learningEffect: 20 - (i % 9) * 2.5, funding: 5 } }));
    const c = learning.evaluateCohort(subjects);
    const grades = new Set<string>();
    for (let i = 4096; i < 4105; i++) {
      const { rank, ...inCohort } = ok(c.results[i]!);
      const { rank: none, ...alone } = ok(learning.evaluate(subjects[i]!));
      expect([rank?.of, none]).toEqual([4200, undefined]);
      expect(inCohort).toEqual(alone);
      grades.add(inCohort.rating.grade!);
    }
    expect(grades.size).toBeGreaterThan(1);
  });

  it("a mid-year downgrade on a row beyond them still applies (Feicheng f-10: total 0.6 × 60 + 0.4 × 60 = 60, level 2; 3 levels down floors at 1)", () => {
    const branch = compile(rulesets["feicheng/branch"]);
    const facts = { domain: "rural", team: 12, operation: 12, orgLife: 12, memberMgmt: 12, basicSupport: 12, roleScore: 60 };
    const subjects: unknown[] = Array.from({ length: 4200 }, (_, i) => ({ id: `f-${i}`, facts }));
    subjects[4100] = { id: "f-10", facts, events: [{ type: "downgrade", date: "2024-03-01", levels: 3, reason: "x" }] };
    const c = branch.evaluateCohort(subjects, { asOf: "2024-12-31" });
    expect(ok(c.results[4100]!).rating).toMatchObject({ kind: "level", stars: 1 });
    expect(ok(c.results[4100]!).trace.some((t) => t.rule === "events.downgrade")).toBe(true);
    // The same facts without the event: level 2 (60 ≥ level2Min 60).
    expect(ok(c.results[4101]!).rating).toMatchObject({ kind: "level", stars: 2 });
  });
});

describe("ranking by grade when the cohort has no ranking score", () => {
  it("grades rank best first, equal grades share a place (good, fairlyGood, good → 1, 3, 1)", () => {
    const learning = compile(edited("liuzhou/learning", (r) => delete r.cohort));
    const good = { projectProgress: 12, leadershipAttention: 28, studySystem: 20, taskCompletion: 15, learningEffect: 20, funding: 5 }; // total 100
    const fairly = { projectProgress: 10, leadershipAttention: 25, studySystem: 18, taskCompletion: 14, learningEffect: 17.5, funding: 5 }; // 89.5
    const c = learning.evaluateCohort([{ id: "a", facts: good }, { id: "b", facts: fairly }, { id: "c", facts: good }]);
    expect(c.results.map((r) => ok(r).rating.grade)).toEqual(["good", "fairlyGood", "good"]);
    expect(c.results.map((r) => ok(r).rank)).toEqual([
      { by: "rating", position: 1, of: 3 },
      { by: "rating", position: 3, of: 3 },
      { by: "rating", position: 1, of: 3 },
    ]);
    expect(c.distribution).toEqual({ good: 2, fairlyGood: 1 });
  });
});

describe("a quota with no ranking score: every holder of the rating ties at the cut", () => {
  const noRank = (tiePolicy: string) =>
    compile(
      edited("qianjin/organization", (r) => {
        delete r.cohort.rankBy;
        r.cohort.quotas = [{ id: "fiveStar", rating: 5, share: "0.15", demoteTo: 4, source: { default: "a test quota" } }];
        r.cohort.tiePolicy = tiePolicy;
      }),
    );
  // 20 organizations, 4 with five stars (ids out of order): cap floor(20 × 15 %) = 3.
  const cohort = () => [org("q9", 5), org("q2", 5), ...Array.from({ length: 16 }, (_, i) => org(`z${i}`, 2)), org("q5", 5), org("q1", 5)];

  it("byId keeps the lowest ids (q1, q2, q5) and demotes q9, the reason ranking by rating", () => {
    const c = noRank("byId").evaluateCohort(cohort());
    expect(c.adjustments.map((a) => [a.id, a.from, a.to, a.tie, a.applied])).toEqual([["q9", 5, 4, true, true]]);
    expect(c.adjustments[0]!.reason.en).toBe("quota fiveStar: at most 15% of 20 may hold 5 (cap 3); ranked 4 of 4 by rating, tied: demoted to 4");
    expect(c.distribution).toEqual({ 5: 3, 4: 1, 2: 16 });
    const entry = ok(c.results[0]!).trace.find((t) => t.rule === "quota.fiveStar")!;
    // A quota whose source is a default says so in the trace.
    expect([entry.isDefault, entry.source]).toEqual([true, { default: "a test quota" }]);
  });

  it("demoteTied demotes all four; keepTied keeps all four (one over the cap, not applied)", () => {
    const demote = noRank("demoteTied").evaluateCohort(cohort());
    expect(demote.adjustments.map((a) => [a.id, a.to, a.tie, a.applied])).toEqual([
      ["q1", 4, true, true],
      ["q2", 4, true, true],
      ["q5", 4, true, true],
      ["q9", 4, true, true],
    ]);
    const keep = noRank("keepTied").evaluateCohort(cohort());
    expect(keep.adjustments.map((a) => [a.id, a.from, a.to, a.tie, a.applied])).toEqual([["q9", 5, 5, true, false]]);
    expect(keep.adjustments[0]!.reason.zh).toBe("5星级占比不超过15%：名额3个（20×15%取整），排名第4（并列），并列保留，超出名额");
    expect(keep.distribution).toEqual({ 5: 4, 2: 16 });
  });
});

describe("a share finer than a float holds exactly", () => {
  it("0.1500000000000000001 of 20 is 3.000…002: cap 3, seven of ten demoted", () => {
    const q = compile(rulesets["qianjin/organization"]).with({ fiveStarShare: "0.1500000000000000001", fourStarShare: "1" });
    // Ten five-star organizations with totals 80.0–84.5 (the first standard 16.0–20.5 in halves… kept in range: 16 + 0.4k).
    const subjects = [...Array.from({ length: 10 }, (_, k) => org(`f${k}`, 5, k * 0.4)), ...Array.from({ length: 10 }, (_, k) => org(`t${k}`, 2))];
    const c = q.evaluateCohort(subjects);
    // Kept: the three highest totals (f9, f8, f7); demoted lowest-first in rank order f6 … f0.
    expect(c.adjustments.map((a) => a.id)).toEqual(["f6", "f5", "f4", "f3", "f2", "f1", "f0"]);
    expect(c.adjustments[0]!.reason.zh).toContain("名额3个（20×15.00000000000000001%取整）");
    expect(c.distribution).toEqual({ 5: 3, 4: 7, 2: 10 });
  });
});

describe("last place in report mode, and the advice of a star lost to it", () => {
  const ALL = {
    teamBuilding: true, ranksManagement: true, coBuilding: true, workMechanism: true, positionSupport: true,
    gridGovernance: true, servePeople: true, socialStability: true, tackleHard: true,
    partyServiceBrand: 80, sanitation: 75, illegalConstruction: 75, surveySatisfied: 8, surveyValid: 10,
  };
  const o = (id: string, brand: number) => ({ id, facts: { ...ALL, partyServiceBrand: brand } });

  it("report mode lists the loser and changes no result", () => {
    const report = compile(edited("rushan/organization", (r) => (r.cohort.quotaMode = "report")));
    const c = report.evaluateCohort([o("a", 90), o("b", 70), o("c", 85)]);
    expect(c.adjustments.map((a) => [a.id, a.rule, a.from, a.to, a.applied])).toEqual([["b", "lastPlace.partyServiceBrand", 10, 9, false]]);
    const b = ok(c.results[1]!);
    expect([b.rating.stars, b.stars.find((s) => s.id === "servePeople")!.earned]).toEqual([10, true]);
    expect(b.trace.some((t) => t.rule.startsWith("lastPlace."))).toBe(false);
    expect(c.distribution).toEqual({ 10: 3 });
  });

  it("enforced, the loser's advice for the star is blocked by the cohort rule (no effort on its own facts brings it back)", () => {
    const scheme = compile(rulesets["rushan/organization"]);
    const c = scheme.evaluateCohort([o("a", 90), o("b", 70), o("c", 85)]);
    const b = ok(c.results[1]!);
    expect(b.rating.stars).toBe(9);
    expect(b.remediation.nextStar).toEqual([{ star: "servePeople", changes: [], blockedBy: ["lastPlace.partyServiceBrand"] }]);
    // The other two keep every star: nothing to advise.
    expect(ok(c.results[0]!).remediation.nextStar).toEqual([]);
  });
});

describe("what a scheme keeps between cohorts: shared, and bounded", () => {
  /** n Qianjin organizations, all five-star: both quotas bind (cap5 = floor(0.15 n) < n; the n − cap5 demoted to 4 exceed floor(0.3 n)). */
  const allFive = (n: number) => Array.from({ length: n }, (_, i) => org(`o${String(i).padStart(3, "0")}`, 5, (i % 40) * 0.1));

  it("a quota's words (trace entries, reasons), one set per quota and cohort size: 300 sizes leave 44 per quota (each table starts over at 64: 300 = 4 × 64 + 44); reasons of the last 4 pools per size", () => {
    const model = buildModel(rulesets["qianjin/organization"]);
    for (let n = 20; n < 320; n++) evaluateCohort(model, allFive(n), undefined);
    expect([...model.quotaWords.values()].map((bySize) => bySize.size)).toEqual([44, 44]);
    // One size (20 rows), five pools of five-star rows (20, 19, 18, 17, 16): the fifth starts the reasons over.
    const one = buildModel(rulesets["qianjin/organization"]);
    for (let k = 0; k < 5; k++) evaluateCohort(one, [...allFive(20 - k), ...Array.from({ length: k }, (_, j) => org(`t${j}`, 3))], undefined);
    expect([...one.quotaWords.values()][0]!.get(20)!.said.size).toBe(1);
  });

  it("cohorts of one size share their rank objects and quota reasons; a pool of another size words its own", () => {
    // 20 five-star organizations, o019 the best (16 + 1.9): 3 keep five stars (15 % of 20), o016 ranks 4th.
    const model = buildModel(rulesets["qianjin/organization"]);
    const [a, b] = [evaluateCohort(model, allFive(20), undefined), evaluateCohort(model, allFive(20), undefined)];
    const rankOf = (c: typeof a, i: number) => ok(c.results[i]!).rank;
    expect(rankOf(a, 19)).toEqual({ by: "total", position: 1, of: 20 });
    expect(rankOf(b, 19)).toBe(rankOf(a, 19));
    expect(a.adjustments[0]).toEqual({
      id: "o016", from: 5, to: 4, rule: "quota.fiveStar", tie: false, applied: true,
      reason: { zh: "5星级占比不超过15%：名额3个（20×15%取整），排名第4，降为4星级", en: "quota fiveStar: at most 15% of 20 may hold 5 (cap 3); ranked 4 of 20 by total: demoted to 4" },
    });
    expect(b.adjustments[0]!.reason).toBe(a.adjustments[0]!.reason);
    // 19 five-star and one three-star: the same size and cap, a pool of 19; o015 ranks 4th of them.
    const c = evaluateCohort(model, [...allFive(19), org("o999", 3)], undefined);
    expect([c.adjustments[0]!.id, c.adjustments[0]!.reason.en]).toEqual(["o015", "quota fiveStar: at most 15% of 20 may hold 5 (cap 3); ranked 4 of 19 by total: demoted to 4"]);
  });

  it("shared up to 1,024 rows; a cohort of 1,025 makes its own rank objects and reasons (a city's would fill the table)", () => {
    const model = buildModel(rulesets["qianjin/organization"]);
    const twice = (n: number) => [evaluateCohort(model, allFive(n), undefined), evaluateCohort(model, allFive(n), undefined)] as const;
    const same = ([a, b]: ReturnType<typeof twice>) => [ok(a.results[0]!).rank === ok(b.results[0]!).rank, a.adjustments[0]!.reason === b.adjustments[0]!.reason];
    expect(same(twice(1024))).toEqual([true, true]);
    expect(same(twice(1025))).toEqual([false, false]);
  });

  it("trace arrays shared by content stay at most 256 (and are shared: more than one kept)", () => {
    const model = buildModel(rulesets["qianjin/organization"]);
    for (let n = 20; n < 320; n++) evaluateCohort(model, allFive(n), undefined);
    expect(model.cohortTraces.size).toBeGreaterThan(1);
    expect(model.cohortTraces.size).toBeLessThanOrEqual(256);
    expect(model.cohortTraceRoots.size).toBeGreaterThan(1);
    expect(model.cohortTraceRoots.size).toBeLessThanOrEqual(256);
  });
});
