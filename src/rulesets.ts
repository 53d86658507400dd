import rushanMember from "../rulesets/rushan/member.json";
import rushanOrganization from "../rulesets/rushan/organization.json";
import type { RulesetSource } from "./ruleset/schema.js";

/**
 * Every bundled ruleset by id, as the JSON data of `rulesets/<id>.json`. Pass one to
 * `compile`, or read it to see the rules, parameters and sources.
 */
export const rulesets: Readonly<Record<string, RulesetSource>> = Object.freeze({
  "rushan/member": rushanMember as RulesetSource,
  "rushan/organization": rushanOrganization as RulesetSource,
});
