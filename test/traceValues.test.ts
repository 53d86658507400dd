import { describe, expect, it } from "vitest";
import { compile, rulesets } from "../src/index.js";
import { ok } from "./helpers.js";

const member = compile(rulesets["rushan/member"]);
const facts = {
  ideals: true, orgAwareness: true, moralConduct: true, exemplar: true,
  duty: true, volunteer: true, stability: true, tackleHard: true,
  orgLifeScore: 6, surveySatisfied: 3, surveyValid: 5,
};

describe("a trace a committee can read out: the values each condition compared ({ explain: true })", () => {
  const makeR = () => ok(member.evaluate({ id: "m", facts }, { explain: true }));
  const entry = (rule: string) => makeR().trace.find((t) => t.rule === rule)!;
  it("a failed condition carries the values it compared: satisfaction 3/5 = 0.6 is not above 0.6", () => {
    expect(entry("stars.massRecognition")).toMatchObject({ outcome: "not earned: satisfaction > 0.6 is false", values: { satisfaction: "0.6", recognitionRate: "0.6" } });
    expect(entry("stars.orgAwareness")).toMatchObject({ path: ["stars", 1, "when", 1], values: { orgLifeScore: "6", orgLifeThreshold: "6" } });
  });
  it("an earned star carries the values of all its conditions", () => {
    expect(entry("stars.ideals").values).toEqual({ ideals: "true" });
    expect(entry("stars.duty").values).toEqual({ duty: "true" });
  });
  it("a score entry carries its value and what it was computed from", () => {
    expect(entry("scores.satisfaction")).toMatchObject({ value: "0.6", values: { satisfaction: "0.6", surveySatisfied: "3", surveyValid: "5" } });
  });
  it("the same values on the exact path (a value beyond the fast path) as on the fast path", () => {
    const exact = ok(member.evaluate({ id: "m", facts: { ...facts, orgLifeScore: "6.0000000000000000001" } }, { explain: true }));
    expect(exact.trace.find((t) => t.rule === "stars.orgAwareness")!.values).toEqual({ orgAwareness: "true", orgLifeScore: "6.0000000000000000001", orgLifeThreshold: "6" });
    expect(exact.trace.find((t) => t.rule === "scores.satisfaction")!.value).toBe("0.6");
  });
  it("the rating of a score-banded scheme carries its score (Yantian example 5: total 87.4 → 较好)", () => {
    const y = compile(rulesets["yantian/organization"]);
    const res = ok(y.evaluate({ id: "y", facts: { level: "subordinate", type: "community", leader: 90, workSystem: 85, venue: 80, supportMechanism: 95, performance: 88, massContact: 92, evaluation: 86 } }, { explain: true }));
    expect(res.trace.find((t) => t.rule === "rating")).toMatchObject({ value: "fairlyGood", values: { total: "87.4" } });
  });
  it("without explain, the same entries without values (what a city's results carry); in a cohort, on request", () => {
    const r = makeR();
    const plain = ok(member.evaluate({ id: "m", facts }));
    expect(plain.trace.map((t) => [t.rule, t.outcome])).toEqual(r.trace.map((t) => [t.rule, t.outcome]));
    expect(plain.trace.some((t) => t.values)).toBe(false);
    const c = member.evaluateCohort([{ id: "a", facts }], { explain: true });
    expect(ok(c.results[0]!).trace.find((t) => t.rule === "stars.massRecognition")!.values).toEqual({ satisfaction: "0.6", recognitionRate: "0.6" });
  });
  it("the result and its trace are frozen; JSON carries the values", () => {
    const r = makeR();
    expect(Object.isFrozen(r.trace) && Object.isFrozen(r.trace[0]) && Object.isFrozen(r)).toBe(true);
    expect(JSON.parse(JSON.stringify(r)).trace.find((t: { rule: string }) => t.rule === "stars.massRecognition").values).toEqual({ satisfaction: "0.6", recognitionRate: "0.6" });
  });
});

describe("a what-if result says which entries an overridden parameter decided", () => {
  const sim = member.with({ recognitionRate: "0.5" });
  const makeR = () => ok(sim.evaluate({ id: "m", facts }, { explain: true }));
  it("the star decided by recognitionRate 0.5: overridden, with the value and the official 0.6, the quote marked as the original", () => {
    const r = makeR();
    // 3/5 = 0.6 > 0.5: earned under the simulation (not under the official 「超过60%」).
    const e = r.trace.find((t) => t.rule === "stars.massRecognition")!;
    expect(e).toMatchObject({
      outcome: "earned",
      overridden: true,
      overrides: [{ parameter: "recognitionRate", value: "0.5", official: "0.6" }],
      source: { document: "rushan2018", original: true },
      values: { satisfaction: "0.6", recognitionRate: "0.5" },
    });
  });
  it("entries the override does not reach are not marked; the official scheme marks nothing", () => {
    const r = makeR();
    expect(r.trace.filter((t) => t.overridden).map((t) => t.rule)).toEqual(["stars.massRecognition"]);
    expect(ok(member.evaluate({ id: "m", facts })).trace.some((t) => t.overridden || (t.source && "original" in t.source))).toBe(false);
  });
  it("a parameter read through a score (Feicheng's roleShare in total) marks the rating; a second with() keeps the official value", () => {
    const feicheng = compile(rulesets["feicheng/branch"]).with({ roleShare: "0.5" }).with({ roleShare: "0.45" });
    const res = ok(feicheng.evaluate({ id: "b", facts: { domain: "rural", team: 20, operation: 20, orgLife: 20, memberMgmt: 20, basicSupport: 20, roleScore: 100 } }));
    expect(res.trace.find((t) => t.rule === "rating")).toMatchObject({ overridden: true, overrides: [{ parameter: "roleShare", value: "0.45", official: "0.4" }] });
    expect(res.trace.find((t) => t.rule === "scores.total")).toMatchObject({ overridden: true });
  });
  it("setting a parameter back to its official value is no override", () => {
    const back = member.with({ recognitionRate: "0.5" }).with({ recognitionRate: 0.6 });
    expect(ok(back.evaluate({ id: "m", facts })).trace.some((t) => t.overridden)).toBe(false);
  });
  it("a quota decided by an overridden share says so (Qianjin fiveStarShare 0.2)", () => {
    const q = compile({ extends: "qianjin/organization", parameters: { fiveStarShare: "0.1" } });
    const org = (id: string, s: number) => ({ id, facts: { grid: 20, regional: 20, professional: 20, smartService: 20, standardizedOperation: s } });
    // 10 five-star organizations: floor(10 × 0.1) = 1 keeps five stars; the other 9 are demoted by the quota.
    const c = q.evaluateCohort(Array.from({ length: 10 }, (_, i) => org(`o${i}`, 20 - i * 0.1)));
    const demoted = ok(c.results[9]!);
    expect(demoted.trace.find((t) => t.rule === "quota.fiveStar")).toMatchObject({ overridden: true, overrides: [{ parameter: "fiveStarShare", value: "0.1", official: "0.15" }] });
  });
});
