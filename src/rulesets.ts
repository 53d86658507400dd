import feichengBranch from "../rulesets/feicheng/branch.json";
import liuzhouLearning from "../rulesets/liuzhou/learning.json";
import liuzhouVillage from "../rulesets/liuzhou/village.json";
import qianjinOrganization from "../rulesets/qianjin/organization.json";
import rushanMember from "../rulesets/rushan/member.json";
import rushanOrganization from "../rulesets/rushan/organization.json";
import yantianOrganization from "../rulesets/yantian/organization.json";
import type { RulesetSource } from "./ruleset/schema.js";
import { deepFreeze } from "./_lib/deepFreeze.js";

/**
 * Every bundled ruleset by id, as the JSON data of `rulesets/<id>.json`. Pass one to
 * `compile`, or read it to see the rules, parameters and sources. Deeply frozen: a simulation
 * overrides parameters with `extends` or `with()`, never by editing the shared data.
 */
export const rulesets: Readonly<Record<string, RulesetSource>> = /* @__PURE__ */ deepFreeze({
  "rushan/organization": rushanOrganization as RulesetSource,
  "rushan/member": rushanMember as RulesetSource,
  "qianjin/organization": qianjinOrganization as RulesetSource,
  "yantian/organization": yantianOrganization as RulesetSource,
  "feicheng/branch": feichengBranch as RulesetSource,
  "liuzhou/village": liuzhouVillage as RulesetSource,
  "liuzhou/learning": liuzhouLearning as RulesetSource,
});
