import { describe, expect, it } from "vitest";
import { compile } from "../../src/index.js";
import { rulesets } from "../untyped.js";
import { ALL_MEMBER_BOOLEANS, NO_STAR_MEMBER, earned, ok } from "../helpers.js";

const scheme = compile(rulesets["rushan/member"]);
const member = (facts: Record<string, unknown>, id = "m-1") => ({ id, facts });

describe("rushan/member — worked examples (schemes.md)", () => {
  it("example 1: orgLifeScore 6 is 低于6分(含), so 组织观念星 and 模范表率星 are lost; 9 of 10 earns both survey stars → 8 stars, consolidate", () => {
    const r = ok(scheme.evaluate(member({ ...ALL_MEMBER_BOOLEANS, orgLifeScore: 6, surveySatisfied: 9, surveyValid: 10 })));
    // Hand count: 10 stars minus orgAwareness and exemplar (6 is not > 6) = 8.
    expect(earned(r)).toEqual(["ideals", "moralConduct", "massRecognition", "duty", "volunteer", "stability", "tackleHard", "massSatisfaction"]);
    expect(r.rating).toEqual({ kind: "stars", stars: 8, max: 10 });
    expect(r.tier.id).toBe("consolidate");
    expect(r.tier.actions).toEqual([]); // commendation needs exactly 10
    expect(r.qualified).toBe(false);
    expect(r.scores.satisfaction).toBe("0.9");
    const lost = r.stars.find((s) => s.id === "orgAwareness")!;
    expect(lost.vetoedBy).toEqual([]);
    expect(lost.reason.zh).toContain("低于6分(含)");
  });

  it("example 2: a veto on ideals cancels that star only; 70% misses 群众满意星 (> 80%) but earns 群众认可星 (> 60%) → 8 stars, not qualified", () => {
    const r = ok(scheme.evaluate(member({ ...ALL_MEMBER_BOOLEANS, orgLifeScore: 8, surveySatisfied: 7, surveyValid: 10, vetoes: ["ideals"] })));
    expect(r.rating).toEqual({ kind: "stars", stars: 8, max: 10 });
    const ideals = r.stars.find((s) => s.id === "ideals")!;
    expect(ideals).toMatchObject({ earned: false, vetoedBy: ["ideals"] });
    expect(ideals.reason.zh).toContain("一票否决");
    expect(r.stars.find((s) => s.id === "massSatisfaction")!.earned).toBe(false);
    expect(r.stars.find((s) => s.id === "massRecognition")!.earned).toBe(true);
    expect(r.qualified).toBe(false);
    expect(r.vetoes).toEqual([{ id: "ideals", label: { zh: "理想信念星一票否决项", en: "veto item of the ideals star" }, effect: "cancelStar", star: "ideals" }]);
    expect(r.tier.id).toBe("consolidate");
  });
});

describe("rushan/member — thresholds at their boundaries", () => {
  const base = { ...ALL_MEMBER_BOOLEANS, orgLifeScore: 8 };
  it.each([
    // satisfied, valid, massRecognition (> 0.6), massSatisfaction (> 0.8)
    [3, 5, false, false], // exactly 60%: 超过 excludes it
    [4, 5, true, false], // 80% exactly: no 群众满意星
    [61, 100, true, false],
    [81, 100, true, true],
    [2, 3, true, false], // 0.666…, compared exactly
    [5, 6, true, true], // 0.8333…
    [0, 1, false, false],
  ])("%i of %i satisfied → recognition %s, satisfaction %s", (s, v, rec, sat) => {
    const r = ok(scheme.evaluate(member({ ...base, surveySatisfied: s, surveyValid: v })));
    expect(r.stars.find((x) => x.id === "massRecognition")!.earned).toBe(rec);
    expect(r.stars.find((x) => x.id === "massSatisfaction")!.earned).toBe(sat);
  });

  it("orgLifeScore 6.01 (a decimal string) is above 6 and earns both org-life stars", () => {
    const r = ok(scheme.evaluate(member({ ...ALL_MEMBER_BOOLEANS, orgLifeScore: "6.01", surveySatisfied: 9, surveyValid: 10 })));
    expect(r.rating).toEqual({ kind: "stars", stars: 10, max: 10 });
    expect(r.qualified).toBe(true);
  });

  it("reports a non-terminating rate rounded half-up to 2 places (2 of 3 → 0.67)", () => {
    const r = ok(scheme.evaluate(member({ ...base, surveySatisfied: 2, surveyValid: 3 })));
    expect(r.scores.satisfaction).toBe("0.67");
  });
});

describe("rushan/member — tiers", () => {
  // Start from ten stars and switch pioneer assessments off one at a time.
  const ten = { ...ALL_MEMBER_BOOLEANS, orgLifeScore: 9, surveySatisfied: 10, surveyValid: 10 };
  it("10 stars: consolidate plus 市、街道两级集中表彰", () => {
    const r = ok(scheme.evaluate(member(ten)));
    expect(r.rating).toEqual({ kind: "stars", stars: 10, max: 10 });
    expect(r.tier.id).toBe("consolidate");
    expect(r.tier.actions.map((a) => a.id)).toEqual(["commendation"]);
  });
  it("8 stars is consolidate (8星以上 includes 8); 7 is improve; 5 is improve; 4 is rectify", () => {
    const eight = ok(scheme.evaluate(member({ ...ten, duty: false, volunteer: false })));
    expect([eight.rating, eight.tier.id]).toEqual([{ kind: "stars", stars: 8, max: 10 }, "consolidate"]);
    const seven = ok(scheme.evaluate(member({ ...ten, duty: false, volunteer: false, stability: false })));
    expect([seven.rating, seven.tier.id]).toEqual([{ kind: "stars", stars: 7, max: 10 }, "improve"]);
    const five = ok(scheme.evaluate(member({ ...ten, duty: false, volunteer: false, stability: false, tackleHard: false, surveySatisfied: 8 })));
    expect([five.rating, five.tier.id]).toEqual([{ kind: "stars", stars: 5, max: 10 }, "improve"]);
    expect(five.qualified).toBe(true);
    const four = ok(scheme.evaluate(member({ ...ten, duty: false, volunteer: false, stability: false, tackleHard: false, surveySatisfied: 8, ideals: false })));
    expect([four.rating, four.tier.id]).toEqual([{ kind: "stars", stars: 4, max: 10 }, "rectify"]);
  });
});

describe("rushan/member — the mentoring table (帮教), one row per test", () => {
  const asOf = "2024-12-31";
  // Three stars: ideals, duty, volunteer.
  const three = { ...NO_STAR_MEMBER, ideals: true, duty: true, volunteer: true };
  const two = { ...NO_STAR_MEMBER, ideals: true, duty: true };
  const four = { ...three, stability: true };
  const qualifiedFive = { ...NO_STAR_MEMBER, ideals: true, orgAwareness: true, moralConduct: true, exemplar: true, orgLifeScore: 7, surveySatisfied: 7 };
  const sixNotQualified = { ...ALL_MEMBER_BOOLEANS, orgLifeScore: 5, surveySatisfied: 7, surveyValid: 10 }; // loses orgAwareness, exemplar, massSatisfaction → 7? see below
  const steps = (facts: Record<string, unknown>, history?: unknown[]) =>
    ok(scheme.evaluate(member(facts), { asOf, history })).remediation.steps.map((s) => [s.id, s.due ?? null]);
  const lastYear = (facts: Record<string, unknown>, history?: unknown[]) => ok(scheme.evaluate(member(facts), { asOf: "2023-12-31", history }));

  it("3 stars, no mentoring before → branchMentoring for one year", () => {
    expect(ok(scheme.evaluate(member(three))).rating).toEqual({ kind: "stars", stars: 3, max: 10 });
    expect(steps(three)).toEqual([["branchMentoring", "2025-12-31"]]);
  });
  it("2 stars or fewer, no mentoring before → centerMentoring for one year", () => {
    expect(steps(two)).toEqual([["centerMentoring", "2025-12-31"]]);
    expect(steps(NO_STAR_MEMBER)).toEqual([["centerMentoring", "2025-12-31"]]);
  });
  it("4 stars, no mentoring before → talkReminder (a default), no due date", () => {
    expect(steps(four)).toEqual([["talkReminder", null]]);
  });
  it("not qualified after a year of branch mentoring → centerMentoring", () => {
    // 7 stars this year but 组织观念星 is missing: still not a qualified member.
    const r = ok(scheme.evaluate(member(sixNotQualified), { asOf }));
    expect(r.qualified).toBe(false);
    expect(steps(sixNotQualified, [lastYear(three)])).toEqual([["centerMentoring", "2025-12-31"]]);
  });
  it("not qualified after a year at the mentoring centre → organizationalDisposal", () => {
    expect(steps(three, [lastYear(two)])).toEqual([["organizationalDisposal", null]]);
  });
  it("qualified after branch or centre mentoring → mentoring ends, no step", () => {
    expect(steps(qualifiedFive, [lastYear(three)])).toEqual([]);
    expect(steps(qualifiedFive, [lastYear(two)])).toEqual([]);
  });
  it("after organizationalDisposal nothing follows, whatever the stars", () => {
    const disposed = lastYear(three, [ok(scheme.evaluate(member(two), { asOf: "2022-12-31" }))]);
    expect(disposed.remediation.steps.map((s) => s.id)).toEqual(["organizationalDisposal"]);
    expect(steps(NO_STAR_MEMBER, [disposed])).toEqual([]);
    expect(steps(three, [disposed])).toEqual([]);
  });
  it("last year's talkReminder counts as no mentoring", () => {
    expect(steps(three, [lastYear(four)])).toEqual([["branchMentoring", "2025-12-31"]]);
  });
  it("5–7 stars and not qualified, no mentoring behind → no step", () => {
    expect(ok(scheme.evaluate(member(sixNotQualified))).rating.stars).toBe(7);
    expect(steps(sixNotQualified)).toEqual([]);
  });
  it("without asOf no due date is computed", () => {
    expect(ok(scheme.evaluate(member(three))).remediation.steps).toEqual([
      { id: "branchMentoring", label: { zh: "所在支部帮教一年", en: "one year of mentoring by the member's branch" } },
    ]);
  });
  it("reads history that went through JSON, and uses the last ok entry", () => {
    const h = JSON.parse(JSON.stringify([lastYear(three), { ok: false, id: "m-1", errors: [] }]));
    expect(steps(sixNotQualified, h)).toEqual([["centerMentoring", "2025-12-31"]]);
  });
  it("a member walks the path over three years: 3 stars → branch → centre → disposal", () => {
    const y1 = ok(scheme.evaluate(member(three), { asOf: "2022-12-31" }));
    const y2 = ok(scheme.evaluate(member(four), { asOf: "2023-12-31", history: [y1] }));
    const y3 = ok(scheme.evaluate(member(three), { asOf: "2024-12-31", history: [y1, y2] }));
    const y4 = ok(scheme.evaluate(member(three), { asOf: "2025-12-31", history: [y1, y2, y3] }));
    expect([y1, y2, y3, y4].map((r) => r.remediation.steps[0]?.id ?? null)).toEqual(["branchMentoring", "centerMentoring", "organizationalDisposal", null]);
    expect(y2.remediation.steps[0]!.due).toBe("2024-12-31");
  });
});

describe("rushan/member — change against last year (增星 / 摘星)", () => {
  it("lists stars gained and lost by id, and the rating before and after", () => {
    const before = ok(scheme.evaluate(member({ ...ALL_MEMBER_BOOLEANS, orgLifeScore: 6, surveySatisfied: 9, surveyValid: 10 })));
    const after = ok(scheme.evaluate(member({ ...ALL_MEMBER_BOOLEANS, orgLifeScore: 8, surveySatisfied: 7, surveyValid: 10, duty: false }), { history: [before] }));
    // before: all but orgAwareness, exemplar (8). after: all but duty, massSatisfaction (8).
    expect(after.change).toEqual({ gained: ["orgAwareness", "exemplar"], lost: ["duty", "massSatisfaction"], from: 8, to: 8 });
  });
  it("has no change without history", () => {
    expect(ok(scheme.evaluate(member(NO_STAR_MEMBER))).change).toBeUndefined();
  });
});

describe("rushan/member — vetoes", () => {
  const nine = { ...ALL_MEMBER_BOOLEANS, orgLifeScore: 9, surveySatisfied: 10, surveyValid: 10 };
  it("clutterNotCleared cancels 模范表率星 only", () => {
    const r = ok(scheme.evaluate(member({ ...nine, vetoes: ["clutterNotCleared"] })));
    expect(r.rating.stars).toBe(9);
    expect(r.stars.find((s) => s.id === "exemplar")).toMatchObject({ earned: false, vetoedBy: ["clutterNotCleared"] });
  });
  it("two veto items on one star are both listed", () => {
    const r = ok(scheme.evaluate(member({ ...nine, vetoes: ["exemplar", "clutterNotCleared"] })));
    expect(r.stars.find((s) => s.id === "exemplar")!.vetoedBy).toEqual(["exemplar", "clutterNotCleared"]);
    expect(r.rating.stars).toBe(9);
  });
  it("a vetoed star counts as lost for qualification", () => {
    expect(ok(scheme.evaluate(member({ ...nine, vetoes: ["massRecognition"] }))).qualified).toBe(false);
  });
});

describe("rushan/member — trace", () => {
  it("names the deciding rule's JSON path and its source, and marks defaults", () => {
    const r = ok(scheme.evaluate(member({ ...ALL_MEMBER_BOOLEANS, orgLifeScore: 6, surveySatisfied: 9, surveyValid: 10 })));
    const orgAwareness = r.trace.find((t) => t.rule === "stars.orgAwareness")!;
    expect(orgAwareness.path).toEqual(["stars", 1, "when", 1]);
    // The trace cites the document by key; the scheme lists the documents once.
    expect(orgAwareness.source).toMatchObject({ quote: expect.stringContaining("组织生活量化考核低于6分(含)不得星"), document: "rushan2018" });
    expect(scheme.documents.rushan2018).toMatchObject({ publisher: "中共乳山市委组织部", date: "2018-10-18" });
    expect(orgAwareness.isDefault).toBe(false);
    const moral = r.trace.find((t) => t.rule === "stars.moralConduct")!;
    expect(moral.isDefault).toBe(true);
    expect(r.trace.find((t) => t.rule === "rating")!.value).toBe("8");
    expect(r.trace.find((t) => t.rule === "tiers.consolidate")!.path).toEqual(["tiers", 0]);
  });
  it("is frozen, like every part of the result", () => {
    const r = ok(scheme.evaluate(member(NO_STAR_MEMBER)));
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.stars)).toBe(true);
    expect(Object.isFrozen(r.stars[0])).toBe(true);
    expect(Object.isFrozen(r.trace)).toBe(true);
    expect(Object.isFrozen(r.tier)).toBe(true);
  });
});
