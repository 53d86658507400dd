/**
 * The bundled ruleset `feicheng/branch` (肥城市党支部评星定级), alone: `import ruleset from "xingji/rulesets/feicheng/branch"`,
 * then `compile(ruleset)`. Deeply frozen. An app that imports only this one bundles no other.
 *
 * @packageDocumentation
 */
import data from "../../../rulesets/feicheng/branch.json";
import { bundled } from "../bundled.js";

/** 肥城市党支部评星定级 · Feicheng five-star branch rating (`feicheng/branch`, version 1.1.0). */
const ruleset = /* @__PURE__ */ bundled<"feicheng/branch">(data);
export default ruleset;
