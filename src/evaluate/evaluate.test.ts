import { describe, expect, it } from "vitest";
import { compact, compile } from "../index.js";
import { rulesets } from "../../test/untyped.js";
import type { Rejection, Result } from "../index.js";

const scheme = compile(rulesets["rushan/member"]);
const good = {
  ideals: true, orgAwareness: true, moralConduct: true, exemplar: true,
  duty: true, volunteer: true, stability: true, tackleHard: true,
  orgLifeScore: 8, surveySatisfied: 9, surveyValid: 10,
};

function rejected(r: Result): Rejection {
  if (r.ok) throw new Error("expected ok: false");
  return r;
}

describe("evaluate() returns ok: false for bad subject data, naming the fact", () => {
  it("a missing required fact", () => {
    const { orgLifeScore: _, ...facts } = good;
    const r = rejected(scheme.evaluate({ id: "m-1", facts }));
    expect(r.errors).toMatchObject([{ path: ["facts", "orgLifeScore"], message: 'missing required fact "orgLifeScore" (组织生活量化考核得分)' }]);
    expect(r.id).toBe("m-1");
    expect(r.ruleset).toEqual({ id: "rushan/member", version: "1.0.0" });
  });
  it('"yes" for a boolean', () => {
    const r = rejected(scheme.evaluate({ id: "m-1", facts: { ...good, ideals: "yes" } }));
    expect(r.errors).toMatchObject([{ path: ["facts", "ideals"], message: '"ideals" must be true or false, got "yes"' }]);
  });
  it("11 satisfied of 10 valid", () => {
    const r = rejected(scheme.evaluate({ id: "m-1", facts: { ...good, surveySatisfied: 11 } }));
    expect(r.errors).toMatchObject([{ path: ["facts", "surveySatisfied"], message: '"surveySatisfied" must be at most "surveyValid" (10), got 11' }]);
  });
  it("a veto id that is not in the catalogue (a pioneer star has no veto item)", () => {
    const r = rejected(scheme.evaluate({ id: "m-1", facts: { ...good, vetoes: ["duty"] } }));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.path).toEqual(["facts", "vetoes", 0]);
    expect(r.errors[0]!.message).toContain('unknown veto item "duty" in "vetoes"');
  });
  it("a fact the ruleset does not declare, with did-you-mean", () => {
    const r = rejected(scheme.evaluate({ id: "m-1", facts: { ...good, orgLifeScor: 3 } }));
    expect(r.errors).toMatchObject([{ path: ["facts", "orgLifeScor"], message: 'unknown fact "orgLifeScor" (did you mean "orgLifeScore"?)' }]);
  });
  it("out of range, not a whole number, not a number", () => {
    const r = rejected(scheme.evaluate({ id: "m-1", facts: { ...good, orgLifeScore: "10.5", surveyValid: 9.5, surveySatisfied: "many" } }));
    expect(r.errors).toMatchObject([
      { path: ["facts", "orgLifeScore"], message: '"orgLifeScore" must be at most 10, got 10.5' },
      { path: ["facts", "surveySatisfied"], message: '"surveySatisfied" must be a number or a decimal string, got "many"' },
      { path: ["facts", "surveyValid"], message: '"surveyValid" must be a whole number, got 9.5' },
    ]);
  });
  it("zero valid ballots is out of range (the rate would divide by zero)", () => {
    const r = rejected(scheme.evaluate({ id: "m-1", facts: { ...good, surveySatisfied: 0, surveyValid: 0 } }));
    expect(r.errors).toMatchObject([{ path: ["facts", "surveyValid"], message: '"surveyValid" must be at least 1, got 0' }]);
  });
  it("a missing id and missing facts", () => {
    expect(rejected(scheme.evaluate({ facts: good })).errors).toMatchObject([{ path: ["id"], message: 'the subject needs an "id" (a string), got none' }]);
    expect(rejected(scheme.evaluate({ id: "x" })).errors[0]!.path).toEqual(["facts"]);
  });
  it("history from another scheme", () => {
    const r = rejected(scheme.evaluate({ id: "m-1", facts: good }, { history: [{ ok: true, ruleset: { id: "qianjin/organization" }, stars: [], rating: { stars: 1 } }] }));
    expect(r.errors[0]!.path).toEqual(["history", 0, "ruleset"]);
  });
  it("the result of a rejection is frozen", () => {
    const r = rejected(scheme.evaluate({ id: "m-1", facts: {} }));
    expect(Object.isFrozen(r) && Object.isFrozen(r.errors) && Object.isFrozen(r.errors[0])).toBe(true);
  });
});

describe("evaluate() throws only for programmer errors", () => {
  it("not a subject object", () => {
    expect(() => scheme.evaluate(null)).toThrow(TypeError);
    expect(() => scheme.evaluate("m-1")).toThrow("expects a subject object");
  });
  it("a malformed asOf", () => {
    expect(() => scheme.evaluate({ id: "m", facts: good }, { asOf: "2024-13-01" })).toThrow(RangeError);
    expect(() => scheme.evaluate({ id: "m", facts: good }, { asOf: "31/12/2024" })).toThrow("yyyy-MM-dd");
  });
});

describe("evaluate() is pure", () => {
  it("does not mutate the subject and gives equal results for equal input", () => {
    const subject = { id: "m-1", facts: { ...good, vetoes: ["ideals"] } };
    const before = JSON.stringify(subject);
    const a = scheme.evaluate(subject, { asOf: "2024-12-31" });
    const b = scheme.evaluate(subject, { asOf: "2024-12-31" });
    expect(JSON.stringify(subject)).toBe(before);
    expect(a).toEqual(b);
  });
});

describe("veto effects", () => {
  it("disqualify: every star is lost to it, the rating falls to its lowest value, the trace says why", () => {
    const r = structuredClone(rulesets["rushan/member"]) as any;
    r.vetoes.push({ id: "expelled", label: { zh: "受到开除党籍处分", en: "expelled" }, effect: "disqualify", source: { default: "test" } });
    const scheme = compile(r);
    const res = scheme.evaluate({ id: "m", facts: { ...good, vetoes: ["expelled"] } });
    if (!res.ok) throw new Error("expected ok");
    expect(res.rating).toMatchObject({ stars: 0, max: 10 });
    expect(res.stars.every((s) => !s.earned && s.vetoedBy.includes("expelled"))).toBe(true);
    expect([res.tier.id, res.qualified, res.vetoes.map((v) => v.effect)]).toEqual(["rectify", false, ["disqualify"]]);
    expect(res.remediation.nextLevel).toEqual({ to: 1, changes: [], blockedBy: ["expelled"] });
    expect(res.trace.find((t) => t.rule === "vetoes.expelled")!.outcome).toBe("applied: disqualifies");
  });
  it("capLevel on a star count: a cap below the count lowers the rating, not the stars", () => {
    const r = structuredClone(rulesets["rushan/member"]) as any;
    r.vetoes.push({ id: "warning", label: { zh: "警告", en: "warning" }, effect: "capLevel", cap: 7, source: { default: "test" } });
    const res = compile(r).evaluate({ id: "m", facts: { ...good, vetoes: ["warning"] } });
    if (!res.ok) throw new Error("expected ok");
    expect([res.rating.stars, res.stars.filter((s) => s.earned).length, res.tier.id]).toEqual([7, 10, "improve"]);
  });
});

describe("subject.name (姓名 / 党组织名称)", () => {
  it("is echoed on results and rejections, kept by compact(), and carried through a cohort's second pass", () => {
    expect(scheme.evaluate({ id: "m-1", name: "张三", facts: good }).name).toBe("张三");
    expect(scheme.evaluate({ id: "m-1", facts: good }).name).toBeUndefined();
    expect(rejected(scheme.evaluate({ id: "m-1", name: "李四", facts: {} })).name).toBe("李四");
    expect(compact(scheme.evaluate({ id: "m-1", name: "张三", facts: good }))).toMatchObject({ name: "张三" });
    const c = scheme.evaluateCohort([{ id: "a", name: "王五", facts: good }, { id: "b", facts: good }, { id: "c", name: 17, facts: good }]);
    expect(c.results.map((r) => r.name)).toEqual(["王五", undefined, "17"]);
  });
  it("a name that is not text is bad input (bad_name)", () => {
    expect(rejected(scheme.evaluate({ id: "m-1", name: ["张三"], facts: good })).errors).toEqual([
      { path: ["name"], code: "bad_name", params: { got: "a list" }, message: 'the subject\'s "name" must be text, got a list', zh: "评定对象的名称（name）应为文本，实际为 一个列表" },
    ]);
  });
});
