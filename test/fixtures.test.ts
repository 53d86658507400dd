import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile, rulesets, runFixtures, type BundledRulesetId } from "../src/index.js";

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
