/**
 * The bundled ruleset `rushan/member` (乳山市社区党员“十星级”评定), alone: `import ruleset from "xingji/rulesets/rushan/member"`,
 * then `compile(ruleset)`. Deeply frozen. An app that imports only this one bundles no other.
 *
 * @packageDocumentation
 */
import data from "../../../rulesets/rushan/member.json";
import { bundled } from "../bundled.js";

/** 乳山市社区党员“十星级”评定 · Rushan ten-star rating of community party members (`rushan/member`, version 1.0.0). */
const ruleset = /* @__PURE__ */ bundled<"rushan/member">(data);
export default ruleset;
