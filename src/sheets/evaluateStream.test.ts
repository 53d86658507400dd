import { describe, expect, it } from "vitest";
import { compile } from "../index.js";
import { rulesets } from "../../test/untyped.js";
import { generate } from "../../test/streamMembers.js";

const member = compile(rulesets["rushan/member"]);

describe("evaluateStream", () => {
  it("streams members in order, one result each, worked by hand at two of them", async () => {
    const rated: (number | undefined)[] = [];
    for await (const r of member.evaluateStream(generate(1000), { asOf: "2024-12-31" })) {
      expect(r.id).toBe(`m-${rated.length}`);
      rated.push(r.ok ? r.rating.stars : undefined);
    }
    expect(rated).toHaveLength(1000);
    // m-0: 0 is a multiple of 3, 5 and 7 (no 道德品行, 履职尽责, 维护稳定), org life 0 (no 组织观念, 模范表率),
    // 0 of 20 satisfied (no survey star): ideals, volunteer and tackleHard, 3 stars.
    expect(rated[0]).toBe(3);
    // m-626: even, not a multiple of 3, 5 or 7, org life 6.26 > 6, 17 of 20 = 85 % > 80 %: all ten.
    expect(rated[626]).toBe(10);
  });

  it("takes sync iterables too, and bad subjects come out as ok: false in place", async () => {
    const out = [];
    for await (const r of member.evaluateStream([{ id: "a", facts: {} }, { id: "b", facts: { ideals: "yes" } }])) out.push([r.id, r.ok]);
    expect(out).toEqual([["a", false], ["b", false]]);
  });

  it("refuses a ruleset with cohort rules unless told to ignore them", async () => {
    const qianjin = compile(rulesets["qianjin/organization"]);
    await expect(async () => {
      for await (const _ of qianjin.evaluateStream([])) void _;
    }).rejects.toThrow('ruleset "qianjin/organization" has cohort rules (quota.fiveStar, quota.fourStar)');
    const out = [];
    for await (const r of qianjin.evaluateStream([{ id: "q", facts: { grid: 20, regional: 20, professional: 20, smartService: 20, standardizedOperation: 20 } }], { cohortRules: "ignore" })) out.push(r.ok && r.rating.stars);
    expect(out).toEqual([5]);
  });
});
