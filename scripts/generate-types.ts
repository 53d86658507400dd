// Writes src/rulesets/facts.ts (see scripts/fact-types.ts).
import { writeFileSync } from "node:fs";
import { rulesets } from "../src/index.js";
import { renderFactTypes } from "./fact-types.js";

writeFileSync(new URL("../src/rulesets/facts.ts", import.meta.url), renderFactTypes(rulesets));
console.log("wrote src/rulesets/facts.ts");
