import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rulesets, type BundledRulesetId } from "../src/index.js";
import { renderGuide } from "../scripts/guides.js";
import { renderFactTypes } from "../scripts/fact-types.js";

describe("docs/guides", () => {
  for (const id of Object.keys(rulesets)) {
    for (const lang of ["zh", "en"] as const) {
      it(`${id}.${lang} is what the ruleset says now (run \`npm run guides\` after changing a ruleset)`, () => {
        const file = new URL(`../docs/guides/${id.replace("/", "-")}.${lang}.md`, import.meta.url);
        expect(readFileSync(file, "utf8")).toBe(renderGuide(rulesets[id as BundledRulesetId], lang));
      });
    }
  }
  it("each guide lists every parameter, and marks the defaults", () => {
    const text = readFileSync(new URL("../docs/guides/feicheng-branch.en.md", import.meta.url), "utf8");
    for (const p of Object.keys(rulesets["feicheng/branch"]!.parameters!)) expect(text).toContain(`| \`${p}\` |`);
    expect(text).toContain("*default:* The seed gives no score-to-level mapping");
  });
});

describe("src/rulesets/facts.ts", () => {
  it("is what the rulesets say now (run `npm run types` after changing a ruleset's facts)", () => {
    expect(readFileSync(new URL("../src/rulesets/facts.ts", import.meta.url), "utf8")).toBe(renderFactTypes(rulesets));
  });
});
