/**
 * The bundled ruleset `qianjin/organization` (前进街道“五化社区”星级党组织创评), alone: `import ruleset from "xingji/rulesets/qianjin/organization"`,
 * then `compile(ruleset)`. Deeply frozen. An app that imports only this one bundles no other.
 *
 * @packageDocumentation
 */
import data from "../../../rulesets/qianjin/organization.json";
import { bundled } from "../bundled.js";

/** 前进街道“五化社区”星级党组织创评 · Qianjin “five-ization community” five-star rating (`qianjin/organization`, version 1.0.0). */
const ruleset = /* @__PURE__ */ bundled<"qianjin/organization">(data);
export default ruleset;
