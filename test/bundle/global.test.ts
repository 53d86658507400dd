import { readFileSync, statSync } from "node:fs";
import vm from "node:vm";
import { describe, expect, it } from "vitest";

// `npm test` builds first (pretest), so this is the file a spreadsheet user pastes.
const file = new URL("../../dist/xingji.global.js", import.meta.url);
const code = readFileSync(file, "utf8");

/** A bare context: no require, process, window, module, and no code generation from strings (no eval). */
function bare() {
  const ctx = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
  vm.runInContext(code, ctx);
  return ctx;
}

describe("dist/xingji.global.js — the spreadsheet build", () => {
  it("defines one global, Xingji, with the API and every bundled ruleset, in a context that has no Node or browser globals", () => {
    const ctx = bare();
    expect(vm.runInContext("typeof require + typeof process + typeof window + typeof module", ctx)).toBe("undefinedundefinedundefinedundefined");
    expect(vm.runInContext("Object.keys(Xingji).sort().join()", ctx)).toBe("RulesetError,compact,compile,rulesets,workingDays");
    expect(vm.runInContext("Object.keys(Xingji.rulesets).join()", ctx)).toBe("rushan/organization,rushan/member,qianjin/organization,yantian/organization,feicheng/branch,liuzhou/village,liuzhou/learning");
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
    const facts = { level: "subordinate", type: "community", leader: 90, workSystem: 85, venue: 80, supportMechanism: 95, performance: 88, massContact: 92, evaluation: 86 };
    const here = JSON.stringify(compile(rulesets["yantian/organization"]!).evaluate({ id: "y", facts }));
    const there = vm.runInContext(`JSON.stringify(Xingji.compile(Xingji.rulesets["yantian/organization"]).evaluate({ id: "y", facts: ${JSON.stringify(facts)} }))`, ctx);
    expect(there).toBe(here);
  });

  it("has no require, process, window, module or eval in its text", () => {
    expect(code).not.toMatch(/\brequire\(|\bprocess\.|\bwindow\.|\bmodule\.exports|\beval\(|new Function/);
  });

  it("stays under its size ceiling", () => {
    const kb = statSync(file).size / 1024;
    console.log(`dist/xingji.global.js: ${kb.toFixed(1)} KB minified (target 150 KB; ceiling 245 KB)`);
    expect(kb).toBeLessThan(245);
  });
});
