import { describe, expect, it } from "vitest";
import { compile } from "../../src/index.js";
import { rulesets } from "../untyped.js";
import { ok } from "../helpers.js";

const scheme = compile(rulesets["yantian/organization"]);
const IDS = ["leader", "workSystem", "venue", "supportMechanism", "performance", "massContact"] as const;
function unit(indicators: number[], evaluation: number | string, more: Record<string, unknown> = { level: "subordinate", type: "community" }) {
  const facts: Record<string, unknown> = { ...more, evaluation };
  IDS.forEach((id, i) => (facts[id] = indicators[i]));
  return { id: "y", facts };
}

describe("yantian/organization — worked example 5", () => {
  it("indicators 90, 85, 80, 95, 88, 92 and evaluation 86 → indicators 88.33…, total 87.4, fairlyGood", () => {
    // 530 / 6 = 88.333…; 0.6 × 530/6 = 53 exactly; 0.4 × 86 = 34.4; total 87.4.
    const r = ok(scheme.evaluate(unit([90, 85, 80, 95, 88, 92], 86)));
    expect(r.scores).toEqual({ indicators: "88.33", evaluation: "86", total: "87.4" });
    expect(r.rating).toEqual({ kind: "grade", grade: "fairlyGood" });
    expect(r.tier.id).toBe("fairlyGood");
    expect(r.tier.actions.map((a) => a.id)).toEqual(["awardPriority"]);
    expect(r.stars).toEqual([]);
  });
});

// The exact totals at the grade boundaries are data: rulesets/yantian/organization.fixtures.json.

describe("yantian/organization — every tier", () => {
  it("good: award priority and a funds uplift", () => {
    expect(ok(scheme.evaluate(unit([95, 95, 95, 95, 95, 95], 95))).tier.actions.map((a) => a.id)).toEqual(["awardPriority", "fundsUplift"]);
  });
  it("average: nothing; poor: a weak-and-lax candidate with special rectification due at the next evaluation", () => {
    expect(ok(scheme.evaluate(unit([70, 70, 70, 70, 70, 70], 70))).tier).toMatchObject({ id: "average", actions: [] });
    const poor = ok(scheme.evaluate(unit([50, 50, 50, 50, 50, 50], 50), { asOf: "2024-12-31" }));
    expect([poor.tier.id, poor.tier.actions.map((a) => a.id), poor.remediation.steps.map((s) => [s.id, s.due])]).toEqual(["poor", ["weakLaxCandidate"], [["specialRectification", "2025-12-31"]]]);
  });
});

describe("yantian/organization — levels and types", () => {
  it("a committee needs no type (and ignores one)", () => {
    const committee = ok(scheme.evaluate(unit([90, 85, 80, 95, 88, 92], 86, { level: "committee" })));
    expect(committee.scores.total).toBe("87.4");
    expect(ok(scheme.evaluate(unit([90, 85, 80, 95, 88, 92], 86, { level: "committee", type: "soe" }))).scores.total).toBe("87.4");
    // Ignored means not checked either: a type that is not one of the five does not reject a committee.
    expect(ok(scheme.evaluate(unit([90, 85, 80, 95, 88, 92], 86, { level: "committee", type: "school" }))).scores.total).toBe("87.4");
    const sub = scheme.evaluate(unit([90, 85, 80, 95, 88, 92], 86, { level: "subordinate", type: "school" }));
    expect(sub.ok ? [] : sub.errors.map((e) => e.path.join("."))).toEqual(["facts.type"]);
  });
  it("a subordinate organization without a type is bad input", () => {
    const r = scheme.evaluate(unit([90, 85, 80, 95, 88, 92], 86, { level: "subordinate" }));
    expect(r.ok ? [] : r.errors).toMatchObject([{ path: ["facts", "type"], message: 'missing required fact "type" (党组织类型)' }]);
  });
  it("per-type indicator weights are parameters: weighting 工作业绩 ×4 for SOEs changes only SOEs", () => {
    const soeHeavy = scheme.with({ weightPerformance: { soe: 4 } });
    // SOE: (90 + 85 + 80 + 95 + 4 × 60 + 92) / 9 = 682 / 9 = 75.78 (75.777…); total 0.6 × 682/9 + 0.4 × 86 = 45.466… + 34.4 = 79.87 (79.8666…)
    const soe = ok(soeHeavy.evaluate(unit([90, 85, 80, 95, 60, 92], 86, { level: "subordinate", type: "soe" })));
    expect([soe.scores.indicators, soe.scores.total, soe.rating.grade]).toEqual(["75.78", "79.87", "average"]);
    // Community keeps equal weights: 502 / 6 = 83.67; 0.6 × 502/6 = 50.2; + 34.4 = 84.6.
    const community = ok(soeHeavy.evaluate(unit([90, 85, 80, 95, 60, 92], 86)));
    expect([community.scores.indicators, community.scores.total]).toEqual(["83.67", "84.6"]);
  });
});
