/**
 * The bundled rulesets' shared pieces: their ids and types, the freezing every module does, and
 * the registry `compile({ extends })` reads (filled by the `rulesets` map when it is imported).
 */
import { deepFreeze } from "../_lib/deepFreeze.js";
import type { RulesetSource } from "../ruleset/schema.js";

/** The id of a ruleset bundled with xingji. */
export type BundledRulesetId =
  | "rushan/organization"
  | "rushan/member"
  | "qianjin/organization"
  | "yantian/organization"
  | "feicheng/branch"
  | "liuzhou/village"
  | "liuzhou/learning";

/** A bundled ruleset's data, known by its id. */
export type BundledRuleset<Id extends BundledRulesetId = BundledRulesetId> = RulesetSource & { readonly id: Id };

/** A bundled ruleset's JSON data, frozen and typed by its id. */
export function bundled<Id extends BundledRulesetId>(data: unknown): BundledRuleset<Id> {
  return deepFreeze(data as BundledRuleset<Id>);
}

const registry: { map: Readonly<Record<string, RulesetSource>> } = { map: {} };

/** Makes the bundled rulesets known to `compile({ extends: id })` (the `rulesets` module does, when loaded). */
export function registerBundled(map: Readonly<Record<string, RulesetSource>>): void {
  registry.map = map;
}

/**
 * Freezes the map and makes its ids known to `compile({ extends: "<id>" })`. Called where the map
 * is defined, as a pure expression: a bundle that never uses the map drops it, and the rulesets.
 */
export function registered<M extends Readonly<Record<string, RulesetSource>>>(map: M): M {
  registerBundled(Object.freeze(map));
  return map;
}

/** The bundled rulesets `extends` can name: every one once the `rulesets` map is loaded, else none. */
export function bundledRulesets(): Readonly<Record<string, RulesetSource>> {
  return registry.map;
}
