/**
 * The bundled ruleset `liuzhou/village` (柳州市村级党组织“创星升级”), alone: `import ruleset from "xingji/rulesets/liuzhou/village"`,
 * then `compile(ruleset)`. Deeply frozen. An app that imports only this one bundles no other.
 *
 * @packageDocumentation
 */
import data from "../../../rulesets/liuzhou/village.json";
import { bundled } from "../bundled.js";

/** 柳州市村级党组织“创星升级” · Liuzhou village “create stars, rise a level” rating (`liuzhou/village`, version 1.0.0). */
const ruleset = /* @__PURE__ */ bundled<"liuzhou/village">(data);
export default ruleset;
