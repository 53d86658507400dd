/**
 * The bundled ruleset `yantian/organization` (盐田区基层党组织党建质量评定), alone: `import ruleset from "xingji/rulesets/yantian/organization"`,
 * then `compile(ruleset)`. Deeply frozen. An app that imports only this one bundles no other.
 *
 * @packageDocumentation
 */
import data from "../../../rulesets/yantian/organization.json";
import { bundled } from "../bundled.js";

/** 盐田区基层党组织党建质量评定 · Yantian party-building quality rating (`yantian/organization`, version 1.0.0). */
const ruleset = /* @__PURE__ */ bundled<"yantian/organization">(data);
export default ruleset;
