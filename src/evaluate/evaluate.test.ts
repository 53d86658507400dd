import { describe, expect, it } from "vitest";
import { compact, compile } from "../index.js";
import { rulesets } from "../../test/untyped.js";
import { buildModel } from "../compile/compile.js";
import { evaluateSubject } from "./evaluate.js";
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

describe("facts at their edges, on both paths", () => {
  it("null is a missing fact, not a wrong type", () => {
    expect(rejected(scheme.evaluate({ id: "m", facts: { ...good, orgLifeScore: null } })).errors.map((e) => [e.code, e.path])).toEqual([["missing_fact", ["facts", "orgLifeScore"]]]);
  });
  it("an unknown list item is quoted up to 200 characters, then …", () => {
    const r = rejected(scheme.evaluate({ id: "m", facts: { ...good, vetoes: ["x".repeat(300)] } }));
    expect(r.errors.map((e) => [e.code, e.path, (e.params as { got: string }).got])).toEqual([["unknown_item", ["facts", "vetoes", 0], `${"x".repeat(200)}…`]]);
  });
  it("a lower bound that is another fact (valid ballots at least the satisfied ones)", () => {
    const src = structuredClone(rulesets["rushan/member"]) as any;
    src.facts.surveyValid.min = "surveySatisfied";
    delete src.facts.surveySatisfied.max;
    const r = rejected(compile(src).evaluate({ id: "m", facts: { ...good, surveySatisfied: 9, surveyValid: 8 } }));
    expect(r.errors).toEqual([{
      path: ["facts", "surveyValid"], code: "below_min",
      params: { fact: "surveyValid", label: "有效票数", limit: "9", limitFact: "surveySatisfied", limitLabel: "满意票数", got: "8" },
      message: '"surveyValid" must be at least "surveySatisfied" (9), got 8', zh: "“有效票数”（surveyValid）不得小于“满意票数”（9），实际为 8",
    }]);
    expect(compile(src).evaluate({ id: "m", facts: { ...good, surveySatisfied: 9, surveyValid: 9 } }).ok).toBe(true);
  });
  it("declared defaults, a number and a list, fill omitted facts on the fast and the exact path alike", () => {
    // orgLifeScore defaults to 8 (≥ 6: the star holds); vetoes default to clutterNotCleared, which vetoes the exemplar star: 9 of 10.
    const src = structuredClone(rulesets["rushan/member"]) as any;
    src.facts.orgLifeScore.default = 8;
    src.facts.vetoes.default = ["clutterNotCleared"];
    const model = buildModel(src);
    const { orgLifeScore: _, ...facts } = good;
    for (const exactOnly of [false, true]) {
      const r = evaluateSubject(model, { id: "m", facts }, undefined, exactOnly);
      if (!r.ok) throw new Error("expected ok");
      expect([r.rating.stars, r.stars.filter((s) => !s.earned).map((s) => [s.id, s.vetoedBy])]).toEqual([9, [["exemplar", ["clutterNotCleared"]]]]);
    }
  });
});

describe("reasons and bands", () => {
  it("a star vetoed twice names both vetoes, in catalogue order", () => {
    const r = scheme.evaluate({ id: "m", facts: { ...good, vetoes: ["clutterNotCleared", "exemplar"] } });
    if (!r.ok) throw new Error("expected ok");
    expect(r.stars.find((s) => s.id === "exemplar")).toMatchObject({
      earned: false, vetoedBy: ["exemplar", "clutterNotCleared"],
      reason: { zh: "一票否决：模范表率星一票否决项；没有带头清理自家门前乱堆乱放，取消该星评定资格", en: "vetoed by exemplar, clutterNotCleared: not eligible for this star" },
    });
  });
  it("a score exactly at a band's minimum is in the band, on the exact path (three decimals) too", () => {
    // Liuzhou village: the mean of 3 × 89.875 and 3 × 90.125 is 90, level 5's minimum.
    const village = compile(rulesets["liuzhou/village"]).evaluate({ id: "v", facts: { organization: "89.875", team: "89.875", economy: "89.875", civility: "90.125", massReview: "90.125", specialWork: "90.125" } });
    // Liuzhou learning: 12 + 27.875 + 20 + 15 + 10.125 + 5 = 90, the minimum of "good".
    const learning = compile(rulesets["liuzhou/learning"]).evaluate({ id: "l", facts: { projectProgress: 12, leadershipAttention: "27.875", studySystem: 20, taskCompletion: 15, learningEffect: "10.125", funding: 5 } });
    if (!village.ok || !learning.ok) throw new Error("expected ok");
    expect([village.scores, village.rating]).toEqual([{ total: "90" }, { kind: "level", stars: 5, max: 5 }]);
    expect([learning.scores, learning.rating]).toMatchObject([{ total: "90" }, { kind: "grade", grade: "good" }]);
  });
});

describe("what a result carries and what it leaves out", () => {
  it("the qualified decision is in the trace; a tier without points or payments has no such keys", () => {
    const r = scheme.evaluate({ id: "m", facts: good });
    const bad = scheme.evaluate({ id: "m", facts: { ...good, ideals: false } });
    if (!r.ok || !bad.ok) throw new Error("expected ok");
    const q = (x: typeof r) => x.trace.filter((t) => t.rule === "qualified").map((t) => [t.outcome, t.value]);
    expect([r.qualified, q(r)]).toEqual([true, [['qualified when every "basic" star is earned', "true"]]]);
    expect([bad.qualified, q(bad)]).toEqual([false, [['qualified when every "basic" star is earned', "false"]]]);
    expect(Object.keys(r.tier)).toEqual(["id", "label", "actions"]);
  });
});

describe("a rounded score decides on its rounded value, on both paths", () => {
  it("Feicheng with the total rounded to 1 decimal: 89.95 → 90 (level 5), 89.94 → 89.9 (level 4)", () => {
    const src = structuredClone(rulesets["feicheng/branch"]) as any;
    src.scores.total.round = 1;
    const model = buildModel(src);
    // total = 0.6 × the five categories + 0.4 × the role score.
    const branch = (each: number, role: number) => ({ id: "b", facts: { domain: "rural", team: each, operation: each, orgLife: each, memberMgmt: each, basicSupport: each, roleScore: role } });
    for (const exactOnly of [false, true]) {
      const at = (each: number, role: number) => {
        const r = evaluateSubject(model, branch(each, role), undefined, exactOnly);
        if (!r.ok) throw new Error("expected ok");
        return [r.scores.total, r.rating.stars];
      };
      expect(at(16.65, 100)).toEqual(["90", 5]); // 0.6 × 83.25 + 40 = 89.95, half-up to 90.0
      expect(at(16.66, 99.9)).toEqual(["89.9", 4]); // 0.6 × 83.3 + 39.96 = 89.94
      expect(at(16.25, 85)).toEqual(["82.8", 4]); // 0.6 × 81.25 + 34 = 82.75, half-up to 82.8
    }
  });
});
