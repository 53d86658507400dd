// Writes rulesets/ruleset.schema.json from the zod schema (the single source of truth).
import { writeFileSync } from "node:fs";
import { rulesetJsonSchema } from "../src/ruleset/jsonSchema.js";

writeFileSync(new URL("../rulesets/ruleset.schema.json", import.meta.url), JSON.stringify(rulesetJsonSchema(), null, 2) + "\n");
console.log("wrote rulesets/ruleset.schema.json");
