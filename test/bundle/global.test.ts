import { readFileSync, statSync } from "node:fs";
import { parse } from "acorn";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { bare, code, file } from "./globalBuild.js";

describe("dist/xingji.global.js — the spreadsheet build", () => {
  it("defines one global, Xingji, with the API and every bundled ruleset, in a context that has no Node or browser globals", () => {
    const ctx = bare();
    expect(vm.runInContext("typeof require + typeof process + typeof window + typeof module", ctx)).toBe("undefinedundefinedundefinedundefined");
    expect(vm.runInContext("Object.keys(Xingji).sort().join()", ctx)).toBe("RulesetError,compact,compare,compareTable,compile,coverage,rulesets,runFixtures,version,workingDays");
    expect(vm.runInContext("Object.keys(Xingji.rulesets).join()", ctx)).toBe("rushan/organization,rushan/member,qianjin/organization,yantian/organization,feicheng/branch,liuzhou/village,liuzhou/learning");
  });

  it("loads without globalThis and without Intl, and adds exactly one global: Xingji, with its version", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    for (const remove of ["globalThis", "Intl", "globalThis, Intl"]) {
      const ctx = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
      vm.runInContext(remove.split(", ").map((g) => `delete this.${g};`).join(""), ctx);
      const before = vm.runInContext("Object.getOwnPropertyNames(this).sort().join()", ctx) as string;
      vm.runInContext(code, ctx);
      const after = vm.runInContext("Object.getOwnPropertyNames(this).sort().join()", ctx) as string;
      expect(vm.runInContext(`typeof globalThis + typeof Intl`, ctx)).toBe(remove === "globalThis" ? "undefinedobject" : remove === "Intl" ? "objectundefined" : "undefinedundefined");
      expect(after.split(",").filter((g) => !before.split(",").includes(g))).toEqual(["Xingji"]);
      expect(vm.runInContext("Xingji.version", ctx)).toBe(pkg.version);
      // Everything dates touch: due dates (years), working days, a notice period, a table's date cells.
      const out = vm.runInContext(
        `var s = Xingji.compile(Xingji.rulesets["rushan/member"]);
         var r = s.evaluate({ id: "m", facts: { ideals: true, orgAwareness: false, moralConduct: false, exemplar: false, duty: true, volunteer: true, stability: false, tackleHard: false, orgLifeScore: 5, surveySatisfied: 1, surveyValid: 10 } }, { asOf: "2024-02-29" });
         var q = Xingji.compile(Xingji.rulesets["qianjin/organization"]);
         var f = Xingji.compile(Xingji.rulesets["feicheng/branch"]).evaluateTable([["编号", "领域", "班子建设得分", "运行机制得分", "组织生活得分", "党员管理得分", "基础保障得分", "作用发挥得分", "降级日期", "降级级数", "降级原因"], ["b", "农村", 20, 20, 20, 20, 20, 100, "2024年7月1日", 1, "x"]], { asOf: "2024-12-31" });
         [r.remediation.steps[0].id, r.remediation.steps[0].due, q.deadline("appeal", "2024-09-27"), f[1][1]].join("|")`,
        ctx,
      );
      // 3 stars → branch mentoring one year after 2024-02-29: 2025-02-28 (date-fns clamps to the month's end).
      // 15 working days after Friday 2024-09-27 (Monday–Friday): 2024-10-18. 100 → level 5, down one → 4.
      expect(out).toBe("branchMentoring|2025-02-28|2024-10-18|4星级");
    }
  });

  it("is ES2019 syntax (checked by a parser, not only by the bundler's target)", () => {
    expect(() => parse(code, { ecmaVersion: 2019, sourceType: "script" })).not.toThrow();
    // The parser does reject newer syntax (so the check can fail).
    expect(() => parse("a ?? b", { ecmaVersion: 2019, sourceType: "script" })).toThrow();
  });

  it("evaluates a table there, messy cells and a bad row included", () => {
    const ctx = bare();
    const out = JSON.parse(
      vm.runInContext(
        `JSON.stringify(Xingji.compile(Xingji.rulesets["rushan/member"]).evaluateTable([
          ["编号", "理想信念星定性评定", "orgAwareness", "moralConduct", "exemplar", "duty", "volunteer", "stability", "tackleHard", "orgLifeScore", "surveySatisfied", "surveyValid", "vetoes"],
          ["m1", "是", "TRUE", 1, true, true, true, true, true, "6", 9, 10, ""],
          ["m2", "yes?", true, true, true, true, true, true, true, 8, 9, 10, "ideals"],
          ["m3", true, true, true, true, true, true, true, true, "8.5", "7", "10", "理想信念星一票否决项、exemplar"]
        ], { asOf: "2024-12-31", locale: "en" }))`,
        ctx,
      ),
    );
    expect(out[1]).toEqual(["m1", 8, "consolidate", "ideals,moralConduct,massRecognition,duty,volunteer,stability,tackleHard,massSatisfaction", "", "", "orgAwareness: orgLifeScore 6→6.01", ""]);
    expect(out[2][7]).toBe('column "理想信念星定性评定": "yes?" is not yes or no; write 是/否, √/×, ✓/✗, 合格/不合格, 通过/不通过, 有/无, TRUE/FALSE, 1/0 or Y/N');
    // m3: ideals and exemplar vetoed, 70 % misses 群众满意星 → 7 stars.
    expect(out[3].slice(0, 5)).toEqual(["m3", 7, "improve", "orgAwareness,moralConduct,massRecognition,duty,volunteer,stability,tackleHard", "ideals,exemplar"]);
  });

  it("computes exactly the same results as the package build", async () => {
    const ctx = bare();
    const { compile, rulesets } = await import("../../src/index.js");
    const facts = { level: "subordinate" as const, type: "community" as const, leader: 90, workSystem: 85, venue: 80, supportMechanism: 95, performance: 88, massContact: 92, evaluation: 86 };
    const here = JSON.stringify(compile(rulesets["yantian/organization"]!).evaluate({ id: "y", facts }));
    const there = vm.runInContext(`JSON.stringify(Xingji.compile(Xingji.rulesets["yantian/organization"]).evaluate({ id: "y", facts: ${JSON.stringify(facts)} }))`, ctx);
    expect(there).toBe(here);
  });

  it("has no require, process, window, module or eval in its text", () => {
    expect(code).not.toMatch(/\brequire\(|\bprocess\.|\bwindow\.|\bmodule\.exports|\beval\(|new Function/);
  });

  it("stays under its size ceiling", () => {
    const kb = statSync(file).size / 1024;
    console.log(`dist/xingji.global.js: ${kb.toFixed(1)} KB minified (target 150 KB; ceiling 265 KB)`);
    expect(kb).toBeLessThan(265);
  });
});
