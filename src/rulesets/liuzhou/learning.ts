/**
 * The bundled ruleset `liuzhou/learning` (柳州市学习创新工程考核（百分制）), alone: `import ruleset from "xingji/rulesets/liuzhou/learning"`,
 * then `compile(ruleset)`. Deeply frozen. An app that imports only this one bundles no other.
 *
 * @packageDocumentation
 */
import data from "../../../rulesets/liuzhou/learning.json";
import { bundled } from "../bundled.js";

/** 柳州市学习创新工程考核（百分制） · Liuzhou learning-innovation 100-point rubric (`liuzhou/learning`, version 1.0.0). */
const ruleset = /* @__PURE__ */ bundled<"liuzhou/learning">(data);
export default ruleset;
