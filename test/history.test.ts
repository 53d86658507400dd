import { describe, expect, it } from "vitest";
import { compact, compile, type Result } from "../src/index.js";
import { rulesets } from "./untyped.js";
import { ALL_MEMBER_BOOLEANS, NO_STAR_MEMBER, ok } from "./helpers.js";

const member = compile(rulesets["rushan/member"]);
const asOf = "2024-12-31";
/** Three stars (ideals, duty, volunteer): branch mentoring without history; centre mentoring after a year of it. */
const three = { ...NO_STAR_MEMBER, ideals: true, duty: true, volunteer: true };
const rejected = (r: Result) => (r.ok ? [] : r.errors.map((e) => [e.path, e.message]));

describe("history — only this subject's official results", () => {
  const makeZhang = () => ok(member.evaluate({ id: "zhang", facts: three }, { asOf: "2023-12-31" }));

  it("takes the subject's own last result: branch mentoring last year → centre mentoring now", () => {
    const zhang = makeZhang();
    expect(zhang.remediation.steps.map((s) => s.id)).toEqual(["branchMentoring"]);
    const r = ok(member.evaluate({ id: "zhang", facts: three }, { asOf, history: [zhang] }));
    expect(r.remediation.steps.map((s) => s.id)).toEqual(["centerMentoring"]);
  });
  it("refuses another person's result, at the entry's id", () => {
    const zhang = makeZhang();
    expect(rejected(member.evaluate({ id: "li", facts: three }, { asOf, history: [zhang] }))).toEqual([[["history", 0, "id"], 'history entry is a result of "zhang", not of "li"']]);
  });
  it("refuses an entry that is not a result, instead of skipping it", () => {
    const zhang = makeZhang();
    expect(rejected(member.evaluate({ id: "zhang", facts: three }, { asOf, history: [{ hello: 1 }] }))[0]![0]).toEqual(["history", 0]);
    expect(rejected(member.evaluate({ id: "zhang", facts: three }, { asOf, history: [zhang, 42] }))[0]![0]).toEqual(["history", 1]);
  });
  it("an official scheme refuses results of an overridden edition; the overridden one takes them", () => {
    const sim = member.with({ orgLifeThreshold: 5 });
    const simulated = ok(sim.evaluate({ id: "zhang", facts: three }, { asOf: "2023-12-31" }));
    expect(simulated.ruleset.version).toBe("1.0.0+override");
    const r = rejected(member.evaluate({ id: "zhang", facts: three }, { asOf, history: [simulated] }));
    expect(r).toEqual([[["history", 0, "ruleset", "version"], "history entry is a result of an overridden edition (1.0.0+override), a simulation: the official scheme takes only official results"]]);
    expect(ok(sim.evaluate({ id: "zhang", facts: three }, { asOf, history: [simulated] })).remediation.steps.map((s) => s.id)).toEqual(["centerMentoring"]);
  });
  it("skips a stored rejection of the same subject, with or without its ruleset", () => {
    const zhang = makeZhang();
    const bad = member.evaluate({ id: "zhang", facts: {} });
    expect(bad.ok).toBe(false);
    const r = ok(member.evaluate({ id: "zhang", facts: three }, { asOf, history: [zhang, bad, { ok: false, errors: [] }] }));
    expect(r.remediation.steps.map((s) => s.id)).toEqual(["centerMentoring"]);
  });
});

describe("compact stored results", () => {
  const facts = { ...ALL_MEMBER_BOOLEANS, orgLifeScore: 6, surveySatisfied: 9, surveyValid: 10 };
  const makeFull = () => ok(member.evaluate({ id: "m-017", facts }, { asOf }));

  it("keeps what decides and what a register shows, under 1 KB for a Rushan member", () => {
    const full = makeFull();
    const stored = compact(full);
    expect(stored).toEqual({
      ok: true,
      id: "m-017",
      ruleset: { id: "rushan/member", version: "1.0.0" },
      rating: { kind: "stars", stars: 8, max: 10 },
      // orgLifeScore 6 is not above 6: 组织观念星 and 模范表率星 are not earned.
      earned: ["ideals", "moralConduct", "massRecognition", "duty", "volunteer", "stability", "tackleHard", "massSatisfaction"],
      qualified: false,
      scores: { satisfaction: "0.9" },
      vetoes: [],
      tier: "consolidate",
      steps: [],
    });
    const size = new TextEncoder().encode(JSON.stringify(stored)).length;
    expect(size).toBeLessThan(1024);
    // The full result, serialized, is several times larger (labels, reasons, trace).
    expect(new TextEncoder().encode(JSON.stringify(full)).length).toBeGreaterThan(3 * size);
  });
  it("is accepted as history, after a trip through JSON, with the same outcome as the full result", () => {
    const y1 = ok(member.evaluate({ id: "m-1", facts: three }, { asOf: "2023-12-31" }));
    const stored = JSON.parse(JSON.stringify(compact(y1)));
    const viaCompact = ok(member.evaluate({ id: "m-1", facts: { ...facts, duty: false } }, { asOf, history: [stored] }));
    const viaFull = ok(member.evaluate({ id: "m-1", facts: { ...facts, duty: false } }, { asOf, history: [y1] }));
    expect(viaCompact.change).toEqual(viaFull.change);
    expect(viaCompact.change).toEqual({ gained: ["moralConduct", "massRecognition", "stability", "tackleHard", "massSatisfaction"], lost: ["duty"], from: 3, to: 7 });
    // Last year's branch mentoring carries over: 3 stars again → centre mentoring, from either form.
    const again = (h: unknown) => ok(member.evaluate({ id: "m-1", facts: three }, { asOf, history: [h] })).remediation.steps.map((s) => s.id);
    expect(again(stored)).toEqual(["centerMentoring"]);
    expect(again(y1)).toEqual(["centerMentoring"]);
  });
  it("passes a rejection through as it is", () => {
    const bad = member.evaluate({ id: "m-1", facts: {} });
    expect(compact(bad)).toBe(bad);
  });
});

describe("history entries at their edges (each code and path worked out from the contract)", () => {
  const codes = (r: Result) => (r.ok ? [] : r.errors.map((e) => [e.code, e.path, (e.params as { reason?: string }).reason ?? null]));
  const ruleset = { id: "rushan/member", version: "1.0.0" };
  const stored = (more: Record<string, unknown>) => ({ ok: true, id: "zhang", ruleset, rating: { kind: "stars", stars: 3, max: 10 }, earned: ["ideals", "duty", "volunteer"], ...more });

  it("what is not a result: ok missing or not a boolean, a result without its ruleset, a ruleset that is not an object", () => {
    for (const bad of [{ id: "zhang" }, { ok: "yes", id: "zhang", ruleset }, { ok: true, id: "zhang" }, stored({ ruleset: "rushan/member" }), { ok: false, id: "zhang", ruleset: null }]) {
      expect(codes(member.evaluate({ id: "zhang", facts: three }, { asOf, history: [bad] }))).toEqual([["bad_history", ["history", 0], "not_a_result"]]);
    }
    expect(codes(member.evaluate({ id: "zhang", facts: three }, { asOf, history: "last year" as never }))).toEqual([["bad_history", ["history"], "not_a_list"]]);
  });

  it("a stored rejection without an id or with a null id is skipped; a result without an id is another subject's", () => {
    const r = ok(member.evaluate({ id: "zhang", facts: three }, { asOf, history: [stored({ remediation: { steps: [{ id: "branchMentoring" }] } }), { ok: false, id: null, errors: [] }, { ok: false, errors: [] }] }));
    expect(r.remediation.steps.map((s) => s.id)).toEqual(["centerMentoring"]);
    expect(codes(member.evaluate({ id: "zhang", facts: three }, { asOf, history: [stored({ id: undefined })] }))).toEqual([["history_other_subject", ["history", 0, "id"], null]]);
    expect(codes(member.evaluate({ id: "zhang", facts: three }, { asOf, history: [{ ok: false, id: "li", errors: [] }] }))).toEqual([["history_other_subject", ["history", 0, "id"], null]]);
  });

  it("a stored rejection with its ruleset: skipped without an id, another subject's with one; its ruleset must be an object", () => {
    const r = ok(member.evaluate({ id: "zhang", facts: three }, { asOf, history: [stored({ steps: [{ id: "branchMentoring" }] }), { ok: false, id: null, ruleset, errors: [] }, { ok: false, ruleset, errors: [] }] }));
    expect(r.remediation.steps.map((s) => s.id)).toEqual(["centerMentoring"]);
    const li = member.evaluate({ id: "zhang", facts: three }, { asOf, history: [{ ok: false, id: "li", ruleset, errors: [] }] });
    expect(li.ok ? [] : li.errors.map((e) => [e.code, e.path, e.params, e.message])).toEqual([["history_other_subject", ["history", 0, "id"], { expected: "zhang", got: "li" }, 'history entry is a result of "li", not of "zhang"']]);
    const bare = member.evaluate({ id: "zhang", facts: three }, { asOf, history: [{ ok: false, id: "li", errors: [] }] });
    expect(bare.ok ? [] : bare.errors.map((e) => e.params)).toEqual([{ expected: "zhang", got: "li" }]);
    expect(codes(member.evaluate({ id: "zhang", facts: three }, { asOf, history: [{ ok: false, id: "zhang", ruleset: "rushan/member" }] }))).toEqual([["bad_history", ["history", 0], "not_a_result"]]);
  });

  it("last year's step from the compact form (steps) or the full one (remediation.steps); no step, or a step without an id, is none", () => {
    const steps = (h: Record<string, unknown>) => ok(member.evaluate({ id: "zhang", facts: three }, { asOf, history: [stored(h)] })).remediation.steps.map((s) => s.id);
    // Three stars: branch mentoring, escalated to centre mentoring after a year of branch mentoring.
    expect(steps({ steps: [{ id: "branchMentoring" }] })).toEqual(["centerMentoring"]);
    expect(steps({ remediation: { steps: [{ id: "branchMentoring" }] } })).toEqual(["centerMentoring"]);
    expect(steps({ steps: [] })).toEqual(["branchMentoring"]);
    expect(steps({ steps: [{ name: "branchMentoring" }] })).toEqual(["branchMentoring"]);
    expect(steps({ steps: [null] })).toEqual(["branchMentoring"]);
    expect(steps({})).toEqual(["branchMentoring"]);
  });

  it("an unknown step, no stars or no rating are refused at their path", () => {
    const at = (h: Record<string, unknown>) => codes(member.evaluate({ id: "zhang", facts: three }, { asOf, history: [stored(h)] }));
    expect(at({ steps: [{ id: "exile" }] })).toEqual([["bad_history", ["history", 0, "steps", 0, "id"], "unknown_step"]]);
    expect(at({ remediation: { steps: [{ id: "exile" }] } })).toEqual([["bad_history", ["history", 0, "remediation", "steps", 0, "id"], "unknown_step"]]);
    expect(at({ earned: undefined })).toEqual([["bad_history", ["history", 0], "no_stars"]]);
    expect(at({ rating: { kind: "stars" } })).toEqual([["bad_history", ["history", 0, "rating"], "no_rating"]]);
    // A star scheme's rating is a number of stars; a grade must be text (a number there is no rating).
    expect(at({ rating: { grade: 3 } })).toEqual([["bad_history", ["history", 0, "rating"], "no_rating"]]);
  });

  it("a graded scheme's history: the change from last year's grade (Liuzhou learning: good → average)", () => {
    const learning = compile(rulesets["liuzhou/learning"]);
    const good = { projectProgress: 12, leadershipAttention: 28, studySystem: 20, taskCompletion: 15, learningEffect: 20, funding: 5 }; // 100
    const average = { projectProgress: 8, leadershipAttention: 17, studySystem: 12, taskCompletion: 10, learningEffect: 10, funding: 3 }; // 60
    const last = learning.evaluate({ id: "l", facts: good }, { asOf: "2023-12-31" });
    const r = ok(learning.evaluate({ id: "l", facts: average }, { asOf, history: [compact(last)] }));
    expect(r.change).toEqual({ gained: [], lost: [], from: "good", to: "average" });
  });
});

describe("subjects and events at their edges", () => {
  it("a null name is no name; a number is written as text; anything else is bad_name", () => {
    expect(ok(member.evaluate({ id: "m", name: null, facts: three })).name).toBeUndefined();
    expect(ok(member.evaluate({ id: "m", name: 17, facts: three })).name).toBe("17");
    // An id may be a number (a spreadsheet's row number); it is written as text.
    expect(ok(member.evaluate({ id: 17, facts: three })).id).toBe("17");
    // A rejection without a name has no name key at all (what is stored stays small).
    expect(Object.keys(member.evaluate({ id: "m", facts: {} }))).toEqual(["ok", "id", "ruleset", "errors"]);
    const bad = member.evaluate({ id: "m", name: ["张三"], facts: three });
    expect(bad.ok ? [] : bad.errors.map((e) => [e.code, e.path])).toEqual([["bad_name", ["name"]]]);
  });

  it("what is not a subject is a TypeError naming what it got; a date that is not yyyy-MM-dd a RangeError", () => {
    expect(() => member.evaluate(null as never)).toThrow("evaluate() expects a subject object { id, facts }, got null");
    expect(() => member.evaluate([] as never)).toThrow("evaluate() expects a subject object { id, facts }, got an array");
    expect(() => member.evaluate("m-1" as never)).toThrow("evaluate() expects a subject object { id, facts }, got string");
    expect(() => member.evaluate({ id: "m", facts: three }, { asOf: "2024-13-01" })).toThrow(RangeError);
    expect(() => member.evaluate({ id: "m", facts: three }, { asOf: "31.12.2024" })).toThrow('options.asOf must be an ISO date "yyyy-MM-dd", got "31.12.2024"');
  });

  it("an empty list of events is no events, even for a scheme without them; a non-empty one is refused there", () => {
    expect(ok(member.evaluate({ id: "m", facts: three, events: [] })).rating.stars).toBe(3);
    const r = member.evaluate({ id: "m", facts: three, events: [{ type: "downgrade", date: "2024-06-01", levels: 1, reason: "x" }] });
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.path])).toEqual([["no_events", ["events"]]]);
  });

  it("an event's date: a real day, not after asOf (on asOf is fine); its reason: not blank (Feicheng)", () => {
    const feicheng = compile(rulesets["feicheng/branch"]);
    const facts = { domain: "rural", team: 20, operation: 20, orgLife: 20, memberMgmt: 20, basicSupport: 20, roleScore: 100 };
    const errs = (e: Record<string, unknown>) => {
      const r = feicheng.evaluate({ id: "b", facts, events: [{ type: "downgrade", date: "2024-06-01", levels: 1, reason: "x", ...e }] }, { asOf: "2024-12-31" });
      return r.ok ? r.rating.stars : r.errors.map((x) => [x.code, x.path]);
    };
    expect(errs({ date: "2024-02-30" })).toEqual([["bad_event", ["events", 0, "date"]]]);
    expect(errs({ date: "2025-01-01" })).toEqual([["event_after_as_of", ["events", 0, "date"]]]);
    expect(errs({ date: "2024-12-31" })).toBe(4);
    expect(errs({ reason: "  " })).toEqual([["bad_event", ["events", 0, "reason"]]]);
    expect(errs({ type: "upgrade" })).toEqual([["bad_event", ["events", 0, "type"]]]);
    // Not text at all: a list holding a date, a number for a reason (each its own error, nothing thrown).
    expect(errs({ date: ["2024-06-01"] })).toEqual([["bad_event", ["events", 0, "date"]]]);
    expect(errs({ reason: 5 })).toEqual([["bad_event", ["events", 0, "reason"]]]);
  });

  it("events that are not a list, and levels that are not a whole number of at least 1 (Feicheng)", () => {
    const feicheng = compile(rulesets["feicheng/branch"]);
    const facts = { domain: "rural", team: 20, operation: 20, orgLife: 20, memberMgmt: 20, basicSupport: 20, roleScore: 100 };
    const errs = (events: unknown) => {
      const r = feicheng.evaluate({ id: "b", facts, events }, { asOf: "2024-12-31" });
      return r.ok ? [] : r.errors.map((e) => [e.code, e.path, (e.params as { field?: string }).field]);
    };
    expect(errs({ type: "downgrade" })).toEqual([["bad_event", ["events"], "events"]]);
    expect(errs([{ type: "downgrade", date: "2024-06-01", levels: 1.5, reason: "x" }])).toEqual([["bad_event", ["events", 0, "levels"], "levels"]]);
    expect(errs([{ type: "downgrade", date: "2024-06-01", levels: 0, reason: "x" }])).toEqual([["bad_event", ["events", 0, "levels"], "levels"]]);
    const zero = feicheng.evaluate({ id: "b", facts, events: [{ type: "downgrade", date: "2024-06-01", levels: 0, reason: "x" }] }, { asOf: "2024-12-31" });
    expect(zero.ok ? [] : zero.errors.map((e) => [e.params, e.message])).toEqual([[{ field: "levels", got: 0 }, '"levels" must be a whole number of at least 1, got 0']]);
    expect(errs([{ type: "downgrade", date: "2024-06-01", levels: "1", reason: "x" }])).toEqual([["bad_event", ["events", 0, "levels"], "levels"]]);
    // A good one: 100 points, level 5, one level down → 4.
    expect(ok(feicheng.evaluate({ id: "b", facts, events: [{ type: "downgrade", date: "2024-06-01", levels: 1, reason: "x" }] }, { asOf: "2024-12-31" })).rating.stars).toBe(4);
  });
});
