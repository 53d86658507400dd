// Writes docs/guides/<scheme>.<lang>.md for every bundled ruleset (see scripts/guides.ts).
import { writeFileSync } from "node:fs";
import { rulesets } from "../src/index.js";
import { renderGuide } from "./guides.js";

for (const [id, r] of Object.entries(rulesets)) {
  for (const lang of ["zh", "en"] as const) {
    const file = new URL(`../docs/guides/${id.replace("/", "-")}.${lang}.md`, import.meta.url);
    writeFileSync(file, renderGuide(r, lang));
  }
}
console.log(`wrote ${Object.keys(rulesets).length * 2} guides to docs/guides/`);
