import { describe, expect, it } from "vitest";
import { compile, rulesets } from "../index.js";
import { rulesetIssues as issues } from "../../test/helpers.js";

describe("extends and with(): simulations without copying the file", () => {
  it("overrides parameters of a bundled ruleset and marks the version", () => {
    const s = compile({ extends: "qianjin/organization", parameters: { starMinScore: 15, fiveStarShare: "0.2" } });
    expect(s.version).toBe("1.0.0+override");
    const r = s.evaluate({ id: "q", facts: { grid: 18, regional: 16, professional: 15.5, smartService: 20, standardizedOperation: 17 } });
    expect(r.ok && [r.rating.stars, r.ruleset]).toEqual([5, { id: "qianjin/organization", version: "1.0.0+override" }]);
    expect(rulesets["qianjin/organization"]!.parameters!.starMinScore!.value).toBe(16); // the bundled data is untouched
  });

  it("reports unknown parameters with did-you-mean and wrong types, all at once", () => {
    expect(issues(() => compile({ extends: "qianjin/organization", parameters: { starMinScor: 15, fiveStarShare: "lots", quotaMode: "enforced", weakLax: 1 } }))).toMatchObject([
      { code: "unknown_parameter", path: ["parameters", "starMinScor"], message: 'unknown parameter "starMinScor" (did you mean "starMinScore"?) in ruleset "qianjin/organization"' },
      { code: "type_mismatch", path: ["parameters", "fiveStarShare"], message: 'parameter "fiveStarShare" must be a number or a decimal string, got string "lots"' },
      { code: "invalid_value", path: ["parameters", "quotaMode"], message: 'parameter "quotaMode" must be one of "enforce", "report", got "enforced" (did you mean "enforce"?)' },
      { code: "unknown_parameter", path: ["parameters", "weakLax"], message: 'unknown parameter "weakLax" in ruleset "qianjin/organization"' },
    ]);
  });

  it("reports an unknown ruleset with did-you-mean", () => {
    expect(issues(() => compile({ extends: "qianjin/organisation" }))[0]).toMatchObject({ code: "unknown_ruleset", path: ["extends"], message: expect.stringContaining('(did you mean "qianjin/organization"?)') });
  });

  it("checks overridden values through the compiler too (a share above 1), and reports them at the parameter", () => {
    const found = issues(() => compile(rulesets["qianjin/organization"]).with({ fiveStarShare: 1.5 }));
    expect(found.map((i) => [i.path, i.message])).toEqual([
      [["parameters", "fiveStarShare", "value"], 'parameter "fiveStarShare" must be at most 1, got 1.5'],
      [["parameters", "fiveStarShare"], 'overriding "fiveStarShare" breaks the ruleset at cohort.quotas[0].share: share of quota "fiveStar" must be between 0 and 1, got 1.5'],
    ]);
  });

  it("with() chains, and keeps a single +override", () => {
    const s = compile(rulesets["feicheng/branch"]).with({ level5Min: 95 }).with({ fundsRuralOnly: false });
    expect(s.version).toBe("1.1.0+override"); // feicheng/branch 1.1.0: payment tiers are exactly 3, 4 and 5 stars
    expect(s.ruleset.parameters!.level5Min!.value).toBe(95);
    expect(s.ruleset.parameters!.fundsRuralOnly!.value).toBe(false);
  });

  it("overrides a table entry by entry", () => {
    const s = compile(rulesets["yantian/organization"]).with({ weightLeader: { soe: 2 } });
    expect(s.ruleset.parameters!.weightLeader!.value).toMatchObject({ soe: 2, community: 1, committee: 1 });
    expect(issues(() => compile(rulesets["yantian/organization"]).with({ weightLeader: { commitee: 2 } }))[0]!.message).toBe('table "weightLeader" has no key "commitee" (did you mean "committee"?)');
  });
});
