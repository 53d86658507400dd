import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile, coverage, rulesets, runFixtures, type BundledRulesetId } from "../src/index.js";

const fixturesOf = (id: string) => JSON.parse(readFileSync(new URL(`../rulesets/${id}.fixtures.json`, import.meta.url), "utf8")) as unknown;

describe("every bundled ruleset's fixtures pass (rulesets/<scheme>/<subject>.fixtures.json)", () => {
  for (const id of Object.keys(rulesets) as BundledRulesetId[]) {
    it(id, () => {
      const report = runFixtures(compile(rulesets[id]), fixturesOf(id));
      expect(report.failures).toEqual([]);
      expect(report.passed).toBe(report.cases);
      expect(report.cases).toBeGreaterThanOrEqual(5);
    });
  }
});

describe("runFixtures reports what failed, where, expected and got", () => {
  const member = compile(rulesets["rushan/member"]);
  const facts = { ideals: true, orgAwareness: true, moralConduct: true, exemplar: true, duty: true, volunteer: true, stability: true, tackleHard: true, orgLifeScore: 6, surveySatisfied: 9, surveyValid: 10 };
  it("a wrong rating and a missing star: two failures with their paths", () => {
    const report = runFixtures(member, { ruleset: "rushan/member", cases: [{ name: "wrong on purpose", subject: { id: "m", facts }, expect: { rating: 9, earned: ["orgAwareness"], tier: "consolidate" } }] });
    expect(report.failures).toEqual([
      { case: "wrong on purpose", path: ["cases", 0, "expect", "rating"], expected: 9, got: 8 },
      { case: "wrong on purpose", path: ["cases", 0, "expect", "earned"], expected: "orgAwareness", got: ["ideals", "moralConduct", "massRecognition", "duty", "volunteer", "stability", "tackleHard", "massSatisfaction"] },
    ]);
    expect([report.cases, report.passed]).toEqual([1, 0]);
  });
  it("a rejected subject where a result was expected says why", () => {
    const report = runFixtures(member, { ruleset: "rushan/member", cases: [{ name: "bad", subject: { id: "m", facts: { ...facts, orgLifeScore: 11 } }, expect: { rating: 8 } }] });
    expect(report.failures).toEqual([{ case: "bad", path: ["cases", 0, "expect", "ok"], expected: true, got: ["above_max at facts.orgLifeScore"] }]);
  });
  it("a file not in the format, or for another ruleset, is a TypeError naming the problem", () => {
    expect(() => runFixtures(member, { ruleset: "rushan/member", cases: [{ nam: "x" }] })).toThrow(/not a fixtures file:\n {2}cases\.0/);
    expect(() => runFixtures(member, { ruleset: "qianjin/organization", cases: [] })).toThrow("these fixtures are for qianjin/organization, not for rushan/member");
  });
});

describe("coverage: what the results exercised", () => {
  it("the bundled fixtures reach every rule results can reach, and leave no parameter unused", () => {
    for (const id of Object.keys(rulesets) as BundledRulesetId[]) {
      const f = fixturesOf(id) as { uncovered?: Record<string, string> };
      const scheme = compile(rulesets[id]);
      const c = coverage(scheme, runFixtures(scheme, f).results, { uncovered: f.uncovered });
      expect([id, c.missing.map((i) => i.id), c.unusedParameters, c.covered === c.total]).toEqual([id, [], [], true]);
      // Procedure steps are not exercised by results: listed with the reason.
      expect(c.explained.every((i) => i.kind === "procedure" && i.reason!.includes("scheme.deadline"))).toBe(true);
    }
  });
  it("one Rushan member: which conditions were seen true and false, which vetoes, tiers and rules are missing", () => {
    const member = compile(rulesets["rushan/member"]);
    // All eight assessments true, org life 6 (not above 6), 9/10: 8 stars, consolidate, no step.
    const r = member.evaluate({ id: "m", facts: { ideals: true, orgAwareness: true, moralConduct: true, exemplar: true, duty: true, volunteer: true, stability: true, tackleHard: true, orgLifeScore: 6, surveySatisfied: 9, surveyValid: 10 } });
    const c = coverage(member, [r]);
    const item = (id: string) => c.items.find((i) => i.id === id)!;
    // orgAwareness: clause 0 (the assessment) held, clause 1 (org life > 6) failed.
    expect([item("stars.orgAwareness.when[0]").seenTrue, item("stars.orgAwareness.when[0]").seenFalse, item("stars.orgAwareness.when[1]").seenFalse]).toEqual([true, false, true]);
    expect([item("stars.orgAwareness.when[1]").covered, item("tiers.consolidate").covered, item("tiers.improve").covered, item("vetoes.ideals").covered]).toEqual([false, true, false, false]);
    // 12 conditions (10 stars; orgAwareness and exemplar have two clauses), 6 vetoes, 3 tiers, 1 conditional
    // action (commendation at 10 stars), 7 remediation rules: 29; only the tier consolidate is covered.
    expect(c.covered).toBe(1);
    expect(c.total).toBe(29);
    expect(c.unusedParameters).toEqual(expect.arrayContaining(["branchMentoringStars", "mentoringYears"]));
  });
});
