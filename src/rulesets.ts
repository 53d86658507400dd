import rushanOrganization from "./rulesets/rushan/organization.js";
import rushanMember from "./rulesets/rushan/member.js";
import qianjinOrganization from "./rulesets/qianjin/organization.js";
import yantianOrganization from "./rulesets/yantian/organization.js";
import feichengBranch from "./rulesets/feicheng/branch.js";
import liuzhouVillage from "./rulesets/liuzhou/village.js";
import liuzhouLearning from "./rulesets/liuzhou/learning.js";
import { registered, type BundledRuleset, type BundledRulesetId } from "./rulesets/bundled.js";

/**
 * Every bundled ruleset by id, as the JSON data of `rulesets/<id>.json`. Pass one to
 * `compile`, or read it to see the rules, parameters and sources. Deeply frozen: a simulation
 * overrides parameters with `extends` or `with()`, never by editing the shared data. An app that
 * needs one ruleset can import it alone: `import ruleset from "xingji/rulesets/rushan/member"`.
 * Loading the map makes its ids known to `compile({ extends: "<id>" })`.
 */
export const rulesets: { readonly [Id in BundledRulesetId]: BundledRuleset<Id> } = /* @__PURE__ */ registered({
  "rushan/organization": rushanOrganization,
  "rushan/member": rushanMember,
  "qianjin/organization": qianjinOrganization,
  "yantian/organization": yantianOrganization,
  "feicheng/branch": feichengBranch,
  "liuzhou/village": liuzhouVillage,
  "liuzhou/learning": liuzhouLearning,
});
