import { describe, expect, it } from "vitest";
import { compile } from "../index.js";
import { rulesets } from "../../test/untyped.js";
import type { Result, RulesetSource, SubjectError } from "../index.js";

const member = compile(rulesets["rushan/member"]);
const branch = compile(rulesets["feicheng/branch"]);
const yantian = compile(rulesets["yantian/organization"]);
const good = {
  ideals: true, orgAwareness: true, moralConduct: true, exemplar: true,
  duty: true, volunteer: true, stability: true, tackleHard: true,
  orgLifeScore: 8, surveySatisfied: 9, surveyValid: 10,
};

function errorsOf(r: Result): readonly SubjectError[] {
  if (r.ok) throw new Error("expected ok: false");
  return r.errors;
}
/** The one error a subject gets. */
function only(r: Result): SubjectError {
  const e = errorsOf(r);
  expect(e).toHaveLength(1);
  return e[0]!;
}

// One test per code: the whole error, worked out from the ruleset (labels are the ruleset's zh labels).
describe("every SubjectError has a code, params and words in English and Chinese", () => {
  it("missing_fact", () => {
    const { orgLifeScore: _, ...facts } = good;
    expect(only(member.evaluate({ id: "m", facts }))).toEqual({
      path: ["facts", "orgLifeScore"],
      code: "missing_fact",
      params: { fact: "orgLifeScore", label: "组织生活量化考核得分" },
      message: 'missing required fact "orgLifeScore" (组织生活量化考核得分)',
      zh: "缺少必填项“组织生活量化考核得分”（orgLifeScore）",
    });
  });
  it("unknown_fact, with the suggestion as a param", () => {
    expect(only(member.evaluate({ id: "m", facts: { ...good, orgLifeScor: 3 } }))).toEqual({
      path: ["facts", "orgLifeScor"],
      code: "unknown_fact",
      params: { fact: "orgLifeScor", suggestion: "orgLifeScore" },
      message: 'unknown fact "orgLifeScor" (did you mean "orgLifeScore"?)',
      zh: "本方案没有事实项“orgLifeScor”（是否应为“orgLifeScore”？）",
    });
  });
  it("wrong_type: a boolean, a number, a list, a list item", () => {
    expect(only(member.evaluate({ id: "m", facts: { ...good, ideals: "yes" } }))).toEqual({
      path: ["facts", "ideals"],
      code: "wrong_type",
      params: { fact: "ideals", label: "理想信念星定性评定", expected: "boolean", got: "yes" },
      message: '"ideals" must be true or false, got "yes"',
      zh: "“理想信念星定性评定”（ideals）应为是/否（true/false），实际为 “yes”",
    });
    expect(only(member.evaluate({ id: "m", facts: { ...good, orgLifeScore: "many" } }))).toMatchObject({
      code: "wrong_type",
      params: { expected: "number", got: "many" },
      zh: "“组织生活量化考核得分”（orgLifeScore）应为数字或数字文本，实际为 “many”",
    });
    expect(only(member.evaluate({ id: "m", facts: { ...good, vetoes: "ideals" } }))).toMatchObject({ code: "wrong_type", params: { expected: "list" } });
    expect(only(member.evaluate({ id: "m", facts: { ...good, vetoes: [7] } }))).toMatchObject({ path: ["facts", "vetoes", 0], code: "wrong_type", params: { expected: "item", got: 7 } });
  });
  it("not_whole_number", () => {
    expect(only(member.evaluate({ id: "m", facts: { ...good, surveyValid: 9.5 } }))).toEqual({
      path: ["facts", "surveyValid"],
      code: "not_whole_number",
      params: { fact: "surveyValid", label: expect.any(String), got: "9.5" },
      message: '"surveyValid" must be a whole number, got 9.5',
      zh: expect.stringMatching(/^“.+”（surveyValid）应为整数，实际为 9\.5$/),
    });
  });
  it("below_min and above_max: a number, and another fact as the bound", () => {
    expect(only(member.evaluate({ id: "m", facts: { ...good, orgLifeScore: "10.5" } }))).toEqual({
      path: ["facts", "orgLifeScore"],
      code: "above_max",
      params: { fact: "orgLifeScore", label: "组织生活量化考核得分", limit: "10", got: "10.5" },
      message: '"orgLifeScore" must be at most 10, got 10.5',
      zh: "“组织生活量化考核得分”（orgLifeScore）不得大于 10，实际为 10.5",
    });
    expect(only(member.evaluate({ id: "m", facts: { ...good, surveyValid: 0, surveySatisfied: 0 } }))).toMatchObject({ code: "below_min", params: { limit: "1", got: "0" } });
    const e = only(member.evaluate({ id: "m", facts: { ...good, surveySatisfied: 11 } }));
    expect(e).toMatchObject({ code: "above_max", params: { fact: "surveySatisfied", limit: "10", limitFact: "surveyValid", got: "11" }, message: '"surveySatisfied" must be at most "surveyValid" (10), got 11' });
    expect(e.zh).toMatch(/^“.+”（surveySatisfied）不得大于“.+”（10），实际为 11$/);
  });
  it("off_step (a fact declared with a step)", () => {
    const src = structuredClone(rulesets["liuzhou/learning"]) as { facts: Record<string, Record<string, unknown>> };
    src.facts.funding!.step = "0.5";
    const stepped = compile(src as unknown as RulesetSource);
    const facts = { projectProgress: 10, leadershipAttention: 10, studySystem: 10, taskCompletion: 10, learningEffect: 10, funding: "3.25" };
    expect(only(stepped.evaluate({ id: "l", facts }))).toEqual({
      path: ["facts", "funding"],
      code: "off_step",
      params: { fact: "funding", label: "经费保障", step: "0.5", got: "3.25" },
      message: '"funding" must be a multiple of 0.5, got 3.25',
      zh: "“经费保障”（funding）应为 0.5 的整数倍，实际为 3.25",
    });
  });
  it("too_many_digits", () => {
    const e = only(member.evaluate({ id: "m", facts: { ...good, orgLifeScore: `1.${"1".repeat(250)}` } }));
    expect([e.code, e.params.limit]).toEqual(["too_many_digits", "200"]);
    expect(e.zh).toContain("位数过多（最多 200 位有效数字");
  });
  it("not_allowed (an enum), with the allowed values", () => {
    const facts = { level: "comittee", leader: 90, workSystem: 85, venue: 80, supportMechanism: 95, performance: 88, massContact: 92, evaluation: 86 };
    const e = only(yantian.evaluate({ id: "y", facts }));
    expect(e).toMatchObject({ path: ["facts", "level"], code: "not_allowed", params: { fact: "level", got: "comittee", allowed: ["committee", "subordinate"], suggestion: "committee" } });
    expect(e.zh).toBe(`“${String(e.params.label)}”（level）应为 “committee”、“subordinate” 之一，实际为 “comittee”（是否应为“committee”？）`);
  });
  it("unknown_item (a veto item outside the catalogue)", () => {
    const e = only(member.evaluate({ id: "m", facts: { ...good, vetoes: ["idaels"] } }));
    expect(e).toMatchObject({ path: ["facts", "vetoes", 0], code: "unknown_item", params: { fact: "vetoes", got: "idaels", suggestion: "ideals" } });
    expect(e.zh).toMatch(/中有本方案没有的项目“idaels”（是否应为“ideals”？）；本方案的项目为 ideals、/);
  });
  it("missing_id and missing_facts", () => {
    expect(only(member.evaluate({ facts: good }))).toEqual({ path: ["id"], code: "missing_id", params: {}, message: 'the subject needs an "id" (a string), got none', zh: "评定对象缺少编号（id，文本）" });
    expect(only(member.evaluate({ id: true, facts: good }))).toMatchObject({ code: "missing_id", params: { got: true }, zh: "评定对象缺少编号（id，文本），实际为 TRUE" });
    expect(only(member.evaluate({ id: "m" }))).toEqual({ path: ["facts"], code: "missing_facts", params: {}, message: `the subject needs "facts", an object of the ruleset's declared facts`, zh: "评定对象缺少事实数据（facts）" });
  });
  it("not_a_subject (in a cohort)", () => {
    const c = member.evaluateCohort([null, [1]]);
    expect(c.results.map((r) => only(r))).toMatchObject([
      { path: [], code: "not_a_subject", params: { got: "null" }, zh: "评定对象应为 { id, facts } 形式的对象，实际为空值" },
      { path: [], code: "not_a_subject", params: { got: "an array" }, zh: "评定对象应为 { id, facts } 形式的对象，实际为列表" },
    ]);
  });
  it("divides_by_zero (a score whose divisor a subject can make zero)", () => {
    // Rushan declares surveyValid ≥ 1; without that bound the rate divides by zero.
    const src = structuredClone(rulesets["rushan/member"]) as { facts: Record<string, Record<string, unknown>> };
    delete src.facts.surveyValid!.min;
    const loose = compile(src as unknown as RulesetSource);
    expect(only(loose.evaluate({ id: "m", facts: { ...good, surveySatisfied: 0, surveyValid: 0 } }))).toEqual({
      path: ["facts"], code: "divides_by_zero", params: {}, message: "a score divides by zero with these facts", zh: "按这些数据计算得分时出现除以零",
    });
  });
  it("no_events, bad_event, event_after_as_of", () => {
    expect(only(member.evaluate({ id: "m", facts: good, events: [{}] }))).toMatchObject({ path: ["events"], code: "no_events", params: { ruleset: "rushan/member" }, zh: "方案“rushan/member”没有期间事件，请删除 events" });
    const facts = { domain: "rural", team: 20, operation: 20, orgLife: 20, memberMgmt: 20, basicSupport: 20, roleScore: 10 };
    const bad = errorsOf(branch.evaluate({ id: "b", facts, events: [{ type: "downgrade", date: "2024/06/01", levels: 0, reason: " " }] }, { asOf: "2024-12-31" }));
    expect(bad.map((e) => [e.path, e.code, e.params.field, e.zh])).toEqual([
      [["events", 0, "date"], "bad_event", "date", "事件需要日期（yyyy-MM-dd），实际为 “2024/06/01”"],
      [["events", 0, "levels"], "bad_event", "levels", "降级级数应为不小于 1 的整数，实际为 0"],
      [["events", 0, "reason"], "bad_event", "reason", "降级需要写明原因"],
    ]);
    expect(only(branch.evaluate({ id: "b", facts, events: [{ type: "upgrade" }] }))).toMatchObject({ code: "bad_event", params: { field: "type", got: "upgrade" }, zh: "未知的事件类型 “upgrade”；本方案只有降级（downgrade）" });
    expect(only(branch.evaluate({ id: "b", facts, events: [{ type: "downgrade", date: "2025-01-02", levels: 1, reason: "x" }] }, { asOf: "2024-12-31" }))).toEqual({
      path: ["events", 0, "date"], code: "event_after_as_of", params: { date: "2025-01-02", asOf: "2024-12-31" },
      message: "the event on 2025-01-02 is after asOf (2024-12-31)", zh: "事件日期 2025-01-02 晚于评定日期 2024-12-31",
    });
  });
  it("bad_history (with its reason), history_other_ruleset, history_simulation, history_other_subject", () => {
    const last = member.evaluate({ id: "m", facts: good });
    const h = (history: unknown) => only(member.evaluate({ id: "m", facts: good }, { history: history as unknown[] }));
    expect(h("last year")).toMatchObject({ path: ["history"], code: "bad_history", params: { reason: "not_a_list" }, zh: "历史记录应为往年结果的列表（按时间先后）" });
    expect(h([{ hello: 1 }])).toMatchObject({ path: ["history", 0], code: "bad_history", params: { reason: "not_a_result" } });
    expect(h([{ ok: true, id: "m", ruleset: { id: "rushan/member" }, rating: { stars: 3 } }])).toMatchObject({ code: "bad_history", params: { reason: "no_stars" } });
    expect(h([{ ok: true, id: "m", ruleset: { id: "rushan/member" }, earned: [] }])).toMatchObject({ path: ["history", 0, "rating"], code: "bad_history", params: { reason: "no_rating" } });
    expect(h([{ ok: true, id: "m", ruleset: { id: "rushan/member" }, earned: [], rating: { stars: 0 }, steps: [{ id: "jail" }] }])).toMatchObject({
      path: ["history", 0, "steps", 0, "id"], code: "bad_history", params: { reason: "unknown_step", step: "jail" }, zh: "历史记录中有本方案没有的帮教整改步骤“jail”",
    });
    expect(h([{ ok: true, id: "m", ruleset: { id: "qianjin/organization" } }])).toEqual({
      path: ["history", 0, "ruleset"], code: "history_other_ruleset", params: { got: "qianjin/organization", expected: "rushan/member" },
      message: 'history entry is a result of "qianjin/organization", not of "rushan/member"', zh: "历史记录是方案“qianjin/organization”的结果，不是“rushan/member”的",
    });
    expect(h([{ ...last, ruleset: { id: "rushan/member", version: "1.0.0+override" } }])).toMatchObject({ path: ["history", 0, "ruleset", "version"], code: "history_simulation", params: { version: "1.0.0+override" } });
    expect(h([{ ...last, id: "zhang" }])).toEqual({
      path: ["history", 0, "id"], code: "history_other_subject", params: { expected: "m", got: "zhang" },
      message: 'history entry is a result of "zhang", not of "m"', zh: "历史记录是 “zhang” 的结果，不是 “m” 的",
    });
  });
  it("errors are frozen, params included", () => {
    const e = only(member.evaluate({ id: "m", facts: { ...good, orgLifeScore: 11 } }));
    expect(Object.isFrozen(e) && Object.isFrozen(e.params) && Object.isFrozen(e.path)).toBe(true);
  });
});
