import { describe, expect, it } from "vitest";
import { compile } from "../src/index.js";
import { searchStats } from "../src/remediation/search.js";
import { rulesets } from "./untyped.js";
import { ALL_MEMBER_BOOLEANS, ok } from "./helpers.js";

const member = compile(rulesets["rushan/member"]);
const organization = compile(rulesets["rushan/organization"]);
const qianjin = compile(rulesets["qianjin/organization"]);
const yantian = compile(rulesets["yantian/organization"]);
const feicheng = compile(rulesets["feicheng/branch"]);
const learning = compile(rulesets["liuzhou/learning"]);
const village = compile(rulesets["liuzhou/village"]);

const next = (r: ReturnType<typeof member.evaluate>, star: string) => ok(r).remediation.nextStar.find((n) => n.star === star);

describe("nextStar / nextLevel — rushan/member", () => {
  it("a strict > 6 needs 6.01 (no step declared: 0.01); 群众认可星 needs 4 of 5; 群众满意星 5 of 5", () => {
    const r = member.evaluate({ id: "m", facts: { ...ALL_MEMBER_BOOLEANS, orgLifeScore: 6, surveySatisfied: 3, surveyValid: 5 } });
    expect(next(r, "orgAwareness")).toEqual({ star: "orgAwareness", changes: [{ fact: "orgLifeScore", from: 6, to: 6.01 }] });
    expect(next(r, "massRecognition")).toEqual({ star: "massRecognition", changes: [{ fact: "surveySatisfied", from: 3, to: 4 }] });
    expect(next(r, "massSatisfaction")).toEqual({ star: "massSatisfaction", changes: [{ fact: "surveySatisfied", from: 3, to: 5 }] });
    // Earned stars have no entry; surveyValid is a given (improve: none) and never moves.
    expect(ok(r).remediation.nextStar.map((n) => n.star)).toEqual(["orgAwareness", "exemplar", "massRecognition", "massSatisfaction"]);
  });

  it("advice remembered by the facts a star reads: the same advice for the same facts, different advice when one of them differs", () => {
    const base = { ...ALL_MEMBER_BOOLEANS, orgLifeScore: 7, surveySatisfied: 10, surveyValid: 30 };
    // > 60 % of 30 valid ballots is 19 (18 is exactly 60 %); of 40 it is 25 (24 is exactly 60 %).
    const a = next(member.evaluate({ id: "a", facts: base }), "massRecognition");
    const b = next(member.evaluate({ id: "b", facts: { ...base, duty: false, orgLifeScore: 3 } }), "massRecognition");
    const c = next(member.evaluate({ id: "c", facts: { ...base, surveyValid: 40 } }), "massRecognition");
    expect(a).toEqual({ star: "massRecognition", changes: [{ fact: "surveySatisfied", from: 10, to: 19 }] });
    expect(b).toBe(a); // duty and the org-life score are not read by this star: the remembered advice
    expect(c).toEqual({ star: "massRecognition", changes: [{ fact: "surveySatisfied", from: 10, to: 25 }] });
    // 1 of 3: 2 of 3 is 66.7 %; 群众满意星 (> 80 %) needs all 3, the bound satisfied ≤ valid.
    const d = member.evaluate({ id: "d", facts: { ...base, surveySatisfied: 1, surveyValid: 3 } });
    expect(next(d, "massRecognition")).toEqual({ star: "massRecognition", changes: [{ fact: "surveySatisfied", from: 1, to: 2 }] });
    expect(next(d, "massSatisfaction")).toEqual({ star: "massSatisfaction", changes: [{ fact: "surveySatisfied", from: 1, to: 3 }] });
  });

  it("nextLevel between equal costs takes the fact declared first: duty before volunteer (each a whole range)", () => {
    const r = ok(member.evaluate({ id: "m", facts: { ...ALL_MEMBER_BOOLEANS, volunteer: false, duty: false, orgLifeScore: 8, surveySatisfied: 9, surveyValid: 10 } }));
    expect(r.rating.stars).toBe(8);
    expect(r.remediation.nextLevel).toEqual({ to: 9, changes: [{ fact: "duty", from: false, to: true }] });
  });

  it("two facts that must move together: the assessment and the org-life score", () => {
    const r = member.evaluate({ id: "m", facts: { ...ALL_MEMBER_BOOLEANS, orgAwareness: false, orgLifeScore: 5, surveySatisfied: 9, surveyValid: 10 } });
    expect(next(r, "orgAwareness")).toEqual({ star: "orgAwareness", changes: [{ fact: "orgAwareness", from: false, to: true }, { fact: "orgLifeScore", from: 5, to: 6.01 }] });
  });

  it("a vetoed star is blocked: no effort helps", () => {
    const r = member.evaluate({ id: "m", facts: { ...ALL_MEMBER_BOOLEANS, orgLifeScore: 8, surveySatisfied: 9, surveyValid: 10, vetoes: ["ideals", "clutterNotCleared"] } });
    expect(next(r, "ideals")).toEqual({ star: "ideals", changes: [], blockedBy: ["ideals"] });
    expect(next(r, "exemplar")).toEqual({ star: "exemplar", changes: [], blockedBy: ["clutterNotCleared"] });
  });

  it("nextLevel takes the cheapest single change: 6 → 6.01 (a thousandth of the range) beats any assessment (the whole range)", () => {
    const r = ok(member.evaluate({ id: "m", facts: { ...ALL_MEMBER_BOOLEANS, duty: false, orgLifeScore: 6, surveySatisfied: 9, surveyValid: 10 } }));
    expect(r.rating.stars).toBe(7);
    expect(r.remediation.nextLevel).toEqual({ to: 8, changes: [{ fact: "orgLifeScore", from: 6, to: 6.01 }] });
  });

  it("at ten stars there is no next level", () => {
    expect(ok(member.evaluate({ id: "m", facts: { ...ALL_MEMBER_BOOLEANS, orgLifeScore: 8, surveySatisfied: 9, surveyValid: 10 } })).remediation.nextLevel).toBeUndefined();
  });

  it("is serialized once read, or when advice was asked for; storing a result never runs the search", () => {
    const m = { id: "m", facts: { ...ALL_MEMBER_BOOLEANS, orgLifeScore: 6, surveySatisfied: 9, surveyValid: 10 } };
    const unread = JSON.parse(JSON.stringify(member.evaluate(m)));
    expect(unread.remediation).toEqual({ steps: [] });
    const read = ok(member.evaluate(m));
    expect(read.remediation.nextStar.map((n) => n.star)).toEqual(["orgAwareness", "exemplar"]);
    expect(Object.keys(JSON.parse(JSON.stringify(read)).remediation)).toEqual(["steps", "nextStar"]);
    const json = JSON.parse(JSON.stringify(member.evaluate(m, { advice: true })));
    expect(json.remediation.nextStar.map((n: { star: string }) => n.star)).toEqual(["orgAwareness", "exemplar"]);
    expect(json.remediation.nextLevel).toEqual({ to: 9, changes: [{ fact: "orgLifeScore", from: 6, to: 6.01 }] });
  });

  it("results of interleaved evaluations keep their own options (results of one run share them)", () => {
    const m = { id: "m", facts: { ...ALL_MEMBER_BOOLEANS, orgLifeScore: 6, surveySatisfied: 9, surveyValid: 10 } };
    const a = member.evaluate(m, { advice: true, asOf: "2024-12-31" });
    const b = member.evaluate(m, { asOf: "2025-12-31" });
    const c = member.evaluate(m, { advice: true });
    const d = member.evaluate(m, { advice: true, asOf: "2024-12-31" });
    const keys = (r: unknown) => Object.keys(JSON.parse(JSON.stringify(r)).remediation);
    expect([a, b, c, d].map(keys)).toEqual([["steps", "nextStar", "nextLevel"], ["steps"], ["steps", "nextStar", "nextLevel"], ["steps", "nextStar", "nextLevel"]]);
    expect(ok(b).remediation.nextLevel).toEqual({ to: 9, changes: [{ fact: "orgLifeScore", from: 6, to: 6.01 }] });
    expect(keys(b)).toEqual(["steps", "nextLevel"]);
  });
});

describe("nextStar — rushan/organization", () => {
  it("a quantitative item below 60 moves to exactly 60 (>=); a star lost to last place in a cohort is blocked by that rule", () => {
    const ALL = { teamBuilding: true, ranksManagement: true, coBuilding: true, workMechanism: true, positionSupport: true, gridGovernance: true, servePeople: true, socialStability: true, tackleHard: true, partyServiceBrand: 80, sanitation: "59.5", illegalConstruction: 75, surveySatisfied: 8, surveyValid: 10 };
    const alone = organization.evaluate({ id: "o", facts: ALL });
    expect(next(alone, "gridGovernance")).toEqual({ star: "gridGovernance", changes: [{ fact: "sanitation", from: 59.5, to: 60 }] });
    const c = organization.evaluateCohort([{ id: "a", facts: ALL }, { id: "b", facts: { ...ALL, illegalConstruction: 65 } }]);
    // In star order: 网格管理星 (gridGovernance) comes before 社会稳定星 (socialStability).
    expect(ok(c.results[1]!).remediation.nextStar).toEqual([
      { star: "gridGovernance", changes: [{ fact: "sanitation", from: 59.5, to: 60 }] },
      { star: "socialStability", changes: [], blockedBy: ["lastPlace.illegalConstruction"] },
    ]);
  });
});

describe("nextStar / nextLevel — qianjin/organization", () => {
  it("worked example 3: smartService is fine, professional 15.5 → 16 earns the star and the fifth level", () => {
    const r = ok(qianjin.evaluate({ id: "q", facts: { grid: 18, regional: 16, professional: 15.5, smartService: 20, standardizedOperation: 17 } }));
    expect(r.remediation.nextStar).toEqual([{ star: "professional", changes: [{ fact: "professional", from: 15.5, to: 16 }] }]);
    expect(r.remediation.nextLevel).toEqual({ to: 5, changes: [{ fact: "professional", from: 15.5, to: 16 }] });
  });
  it("a star that reads one standard remembers its advice by that standard's value alone", () => {
    const at = (professional: number | string, grid = 18) => ok(qianjin.evaluate({ id: "q", facts: { grid, regional: 16, professional, smartService: 20, standardizedOperation: 17 } }));
    const a = at(15.5), b = at("15.9"), c = at(15.5, 17);
    expect(a.remediation.nextStar[0]).toEqual({ star: "professional", changes: [{ fact: "professional", from: 15.5, to: 16 }] });
    expect(b.remediation.nextStar[0]).toEqual({ star: "professional", changes: [{ fact: "professional", from: 15.9, to: 16 }] });
    // The same value of the one fact it reads (another standard differs): the same advice object.
    expect(c.remediation.nextStar[0]).toBe(a.remediation.nextStar[0]);
    // The next level reads the stars' advice as the result remembers it.
    expect(c.remediation.nextLevel).toEqual({ to: 5, changes: [{ fact: "professional", from: 15.5, to: 16 }] });
    // The same change lifts a three-star organization (regional 10) to four: 0.5 of 20 beats 6 of 20.
    const d = ok(qianjin.evaluate({ id: "q", facts: { grid: 18, regional: 10, professional: 15.5, smartService: 20, standardizedOperation: 17 } }));
    expect(d.remediation.nextLevel).toEqual({ to: 4, changes: [{ fact: "professional", from: 15.5, to: 16 }] });
    expect(d.remediation.nextLevel!.changes[0]).toBe(c.remediation.nextLevel!.changes[0]);
  });
  it("the next level takes the standard closest to 16", () => {
    const r = ok(qianjin.evaluate({ id: "q", facts: { grid: 16, regional: 16, professional: 12, smartService: "15.9", standardizedOperation: 10 } }));
    expect(r.remediation.nextLevel).toEqual({ to: 3, changes: [{ fact: "smartService", from: 15.9, to: 16 }] });
  });
  it("says plainly when a star cannot be reached: a 21-point threshold on a 20-point standard", () => {
    const r = ok(qianjin.with({ starMinScore: 21 }).evaluate({ id: "q", facts: { grid: 18, regional: 16, professional: 15.5, smartService: 20, standardizedOperation: 17 } }));
    expect(r.remediation.nextStar[0]).toEqual({ star: "grid", changes: [], unreachable: true });
    expect(r.remediation.nextLevel).toEqual({ to: 1, changes: [], unreachable: true });
  });
  it("a quota demotion in a cohort is a blocker of the next level, not a change of facts", () => {
    const five = (extra: number) => ({ grid: 16 + extra, regional: 16, professional: 16, smartService: 16, standardizedOperation: 16 });
    const c = qianjin.evaluateCohort([{ id: "a", facts: five(2) }, { id: "b", facts: five(1) }]);
    // N = 2: floor(0.3) = 0 five-star and 0 four-star: both end at three stars.
    expect(ok(c.results[1]!).remediation.nextLevel).toEqual({ to: 4, changes: [], blockedBy: ["quota.fiveStar", "quota.fourStar"] });
  });
});

describe("nextLevel — yantian/organization (decided on the rounded total)", () => {
  it("worked example 5 (87.4): only the evaluation can lift it to 好 alone, 86 → 92.49 (total 89.996 → 90.00)", () => {
    // An indicator alone would need +25.95 points; none has that much room. 92.48 gives 89.992 → 89.99.
    const facts = { level: "subordinate", type: "community", leader: 90, workSystem: 85, venue: 80, supportMechanism: 95, performance: 88, massContact: 92, evaluation: 86 };
    expect(ok(yantian.evaluate({ id: "y", facts })).remediation.nextLevel).toEqual({ to: "good", changes: [{ fact: "evaluation", from: 86, to: 92.49 }] });
  });
  it("a graded scheme has no stars, so no nextStar; the best grade has no next level", () => {
    const r = ok(yantian.evaluate({ id: "y", facts: { level: "committee", leader: 95, workSystem: 95, venue: 95, supportMechanism: 95, performance: 95, massContact: 95, evaluation: 95 } }));
    expect([r.remediation.nextStar, r.remediation.nextLevel]).toEqual([[], undefined]);
  });
});

describe("nextLevel — feicheng/branch", () => {
  it("roleScore 71 → 74 reaches 80 (0.6 × 84 + 0.4 × 74 = 80), cheaper than +2 on a category", () => {
    const r = ok(feicheng.evaluate({ id: "f", facts: { domain: "rural", team: 17, operation: 17, orgLife: 17, memberMgmt: 17, basicSupport: 16, roleScore: 71 } }));
    expect([r.scores.total, r.rating.stars]).toEqual(["78.8", 3]);
    expect(r.remediation.nextLevel).toEqual({ to: 4, changes: [{ fact: "roleScore", from: 71, to: 74 }] });
  });
  it("a veto caps the level at 4: five stars are blocked by it", () => {
    const r = ok(feicheng.evaluate({ id: "f", facts: { domain: "rural", team: 19, operation: 18, orgLife: 19, memberMgmt: 18, basicSupport: 19, roleScore: 95, vetoes: ["religiousInfiltration"] } }));
    expect(r.remediation.nextLevel).toEqual({ to: 5, changes: [], blockedBy: ["religiousInfiltration"] });
  });
  it("two facts must move together when neither alone has room: role 100 is not enough without a category", () => {
    // Sum 70 (14 each), role 95: 42 + 38 = 80 → level 4. Level 5 needs 90: role alone gives at most 42 + 40 = 82;
    // one category alone at most +6 → 0.6 × 76 + 38 = 83.6. So at least two facts must move.
    const r = ok(feicheng.evaluate({ id: "f", facts: { domain: "rural", team: 14, operation: 14, orgLife: 14, memberMgmt: 14, basicSupport: 14, roleScore: 95 } }));
    const nl = r.remediation.nextLevel!;
    expect(nl.to).toBe(5);
    expect(nl.changes.length).toBeGreaterThanOrEqual(2);
    // Whatever was chosen must reach level 5 when applied.
    const facts: Record<string, unknown> = { domain: "rural", team: 14, operation: 14, orgLife: 14, memberMgmt: 14, basicSupport: 14, roleScore: 95 };
    for (const c of nl.changes) facts[c.fact] = c.to;
    expect(ok(feicheng.evaluate({ id: "f", facts })).rating.stars).toBe(5);
    // …and lowering any one change by a step would not.
    for (const c of nl.changes) {
      const less = { ...facts, [c.fact]: Number(c.to) - 0.01 };
      expect(ok(feicheng.evaluate({ id: "f", facts: less })).rating.stars).toBe(4);
    }
  });
});

describe("nextLevel — liuzhou", () => {
  it("learning 89.5: +0.5 is cheapest on the 28-point item (0.5 / 28 of its range)", () => {
    const r = ok(learning.evaluate({ id: "l", facts: { projectProgress: 10, leadershipAttention: 25, studySystem: 18, taskCompletion: 14, learningEffect: 17.5, funding: 5 } }));
    expect(r.remediation.nextLevel).toEqual({ to: "good", changes: [{ fact: "leadershipAttention", from: 25, to: 25.5 }] });
  });
  it("village 89.83: the rounded mean must reach 90, so one area moves by 0.97 (539.97 / 6 = 89.995 → 90.00); ties go to the first area", () => {
    const r = ok(village.evaluate({ id: "v", facts: { organization: 90, team: 90, economy: 90, civility: 90, massReview: 90, specialWork: 89 } }));
    expect(r.remediation.nextLevel).toEqual({ to: 5, changes: [{ fact: "organization", from: 90, to: 90.97 }] });
  });
});

describe("multi-year escalation (帮教) — a member who leaves mentoring when qualified", () => {
  it("3 stars → branch mentoring → qualified the next year → nothing the year after", () => {
    const three = { ideals: true, orgAwareness: false, moralConduct: false, exemplar: false, duty: true, volunteer: true, stability: false, tackleHard: false, orgLifeScore: 5, surveySatisfied: 1, surveyValid: 10 };
    const qualified = { ...ALL_MEMBER_BOOLEANS, duty: false, volunteer: false, stability: false, tackleHard: false, orgLifeScore: 7, surveySatisfied: 7, surveyValid: 10 };
    const y1 = ok(member.evaluate({ id: "m", facts: three }, { asOf: "2023-12-31" }));
    const y2 = ok(member.evaluate({ id: "m", facts: qualified }, { asOf: "2024-12-31", history: [y1] }));
    const y3 = ok(member.evaluate({ id: "m", facts: three }, { asOf: "2025-12-31", history: [y1, y2] }));
    expect([y1, y2, y3].map((r) => r.remediation.steps.map((s) => s.id))).toEqual([["branchMentoring"], [], ["branchMentoring"]]);
    expect(y2.qualified).toBe(true);
    expect(y2.change).toEqual({ gained: ["orgAwareness", "moralConduct", "exemplar", "massRecognition"], lost: ["duty", "volunteer"], from: 3, to: 5 });
  });
});

describe("blocked and unreachable, scheme by scheme", () => {
  it("rushan/organization: a vetoed pioneer star is blocked", () => {
    const ALL = { teamBuilding: true, ranksManagement: true, coBuilding: true, workMechanism: true, positionSupport: true, gridGovernance: true, servePeople: true, socialStability: true, tackleHard: false, partyServiceBrand: 80, sanitation: 70, illegalConstruction: 75, surveySatisfied: 8, surveyValid: 10, vetoes: ["massSatisfaction"] };
    const r = ok(organization.evaluate({ id: "o", facts: ALL }));
    expect(r.remediation.nextStar).toEqual([
      { star: "tackleHard", changes: [{ fact: "tackleHard", from: false, to: true }] },
      { star: "massSatisfaction", changes: [], blockedBy: ["massSatisfaction"] },
    ]);
  });
  it("yantian, feicheng and liuzhou say when the next grade or level cannot be reached", () => {
    const y = ok(yantian.with({ goodMin: 101 }).evaluate({ id: "y", facts: { level: "committee", leader: 90, workSystem: 85, venue: 80, supportMechanism: 95, performance: 88, massContact: 92, evaluation: 86 } }));
    expect(y.remediation.nextLevel).toEqual({ to: "good", changes: [], unreachable: true });
    const f = ok(feicheng.with({ level5Min: 101 }).evaluate({ id: "f", facts: { domain: "rural", team: 19, operation: 18, orgLife: 19, memberMgmt: 18, basicSupport: 19, roleScore: 85 } }));
    expect([f.rating.stars, f.remediation.nextLevel]).toEqual([4, { to: 5, changes: [], unreachable: true }]);
    const l = ok(learning.with({ goodMin: 100.5 }).evaluate({ id: "l", facts: { projectProgress: 10, leadershipAttention: 25, studySystem: 18, taskCompletion: 14, learningEffect: 17.5, funding: 5 } }));
    expect(l.remediation.nextLevel).toEqual({ to: "good", changes: [], unreachable: true });
  });
  it("feicheng: a downgrade event is applied after the search's changes too", () => {
    // 78.8 → level 3, downgraded to 2. Level 3 again needs the score for level 4 (80): roleScore 71 → 74.
    const r = ok(feicheng.evaluate({ id: "f", facts: { domain: "rural", team: 17, operation: 17, orgLife: 17, memberMgmt: 17, basicSupport: 16, roleScore: 71 }, events: [{ type: "downgrade", date: "2024-05-01", levels: 1, reason: "摘星" }] }));
    expect([r.rating.stars, r.remediation.nextLevel]).toEqual([2, { to: 3, changes: [{ fact: "roleScore", from: 71, to: 74 }] }]);
  });
});

describe("the search's cost: a guess from the margins, checked by two probes", () => {
  it("a threshold linear in one fact: the whole range checked once, then the guess and the step below it (3 checks per star, not a bisection of 500 steps)", () => {
    // A fresh scheme: advice is remembered per scheme.
    const fresh = compile(rulesets["rushan/member"]);
    const before = searchStats.probes;
    const r = fresh.evaluate({ id: "m", facts: { ...ALL_MEMBER_BOOLEANS, orgLifeScore: 5, surveySatisfied: 9, surveyValid: 10 } });
    expect(next(r, "orgAwareness")).toEqual({ star: "orgAwareness", changes: [{ fact: "orgLifeScore", from: 5, to: 6.01 }] });
    // Two stars advised (组织观念星 and 模范表率星 both need org life > 6), 3 checks each.
    expect(ok(r).remediation.nextStar.map((n) => n.star)).toEqual(["orgAwareness", "exemplar"]);
    expect(searchStats.probes - before).toBe(6);
  });
  it("a ratio (satisfied / valid > 0.6, > 0.8) is linear in satisfied: 3 checks per star too", () => {
    const fresh = compile(rulesets["rushan/member"]);
    const before = searchStats.probes;
    // 41 of 100 valid: > 60 % needs 61, > 80 % needs 81 (60 and 80 are exactly the rate).
    const r = fresh.evaluate({ id: "m", facts: { ...ALL_MEMBER_BOOLEANS, orgLifeScore: 8, surveySatisfied: 41, surveyValid: 100 } });
    const before2 = searchStats.probes;
    expect(next(r, "massSatisfaction")).toEqual({ star: "massSatisfaction", changes: [{ fact: "surveySatisfied", from: 41, to: 81 }] });
    expect(next(r, "massRecognition")).toEqual({ star: "massRecognition", changes: [{ fact: "surveySatisfied", from: 41, to: 61 }] });
    expect(searchStats.probes - before2).toBe(6);
    expect(before2).toBe(before);
  });
});

describe("a rounded score's plateau: the guess is a few steps off, and a gallop finds the least value", () => {
  it("Liuzhou village, five areas at 80 and one at 74 (mean 79, level 3): 85.97 in one area makes 479.97 / 6 = 79.995, rounded 80.00, level 4", () => {
    const village = compile(rulesets["liuzhou/village"]);
    const r = ok(village.evaluate({ id: "v", facts: { organization: 80, team: 80, economy: 80, civility: 80, massReview: 80, specialWork: 74 } }));
    expect([r.rating.stars, r.scores.total]).toEqual([3, "79"]);
    const before = searchStats.probes;
    expect(r.remediation.nextLevel).toEqual({ to: 4, changes: [{ fact: "organization", from: 80, to: 85.97 }] });
    // The whole set once; per area (6): alone at its best, the guess (86.00 meets), a gallop down
    // (85.99 and 85.97 meet, 85.93 does not), then 85.95 and 85.96 fail between: 1 + 6 × 7 = 43.
    // (A bisection of each area's 2,000 steps took 73.)
    expect(searchStats.probes - before).toBe(43);
  });
});

describe("nextLevel on a star count when every star needs two facts: the search, counting stars per check", () => {
  it("组织观念星 and 模范表率星 each need their assessment and org life above 6: the first pair declared, orgAwareness and 5 → 6.01", () => {
    const fresh = compile(rulesets["rushan/member"]);
    const r = ok(fresh.evaluate({ id: "m", facts: { ...ALL_MEMBER_BOOLEANS, orgAwareness: false, exemplar: false, orgLifeScore: 5, surveySatisfied: 9, surveyValid: 10 } }));
    expect(r.rating.stars).toBe(8);
    // Both pairs cost 1 (an assessment, its whole range) + 1.01 / 10 (org life's step from 5 to 6.01): a tie, the first declared wins.
    expect(r.remediation.nextLevel).toEqual({ to: 9, changes: [{ fact: "orgAwareness", from: false, to: true }, { fact: "orgLifeScore", from: 5, to: 6.01 }] });
  });
});
