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
