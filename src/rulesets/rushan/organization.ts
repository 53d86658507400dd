/**
 * The bundled ruleset `rushan/organization` (乳山市社区党组织“十星级”评定), alone: `import ruleset from "xingji/rulesets/rushan/organization"`,
 * then `compile(ruleset)`. Deeply frozen. An app that imports only this one bundles no other.
 *
 * @packageDocumentation
 */
import data from "../../../rulesets/rushan/organization.json";
import { bundled } from "../bundled.js";

/** 乳山市社区党组织“十星级”评定 · Rushan ten-star rating of community party organizations (`rushan/organization`, version 1.0.0). */
const ruleset = /* @__PURE__ */ bundled<"rushan/organization">(data);
export default ruleset;
