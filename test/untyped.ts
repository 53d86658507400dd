/**
 * The bundled rulesets, typed as any ruleset: tests of run-time checks send subjects a typed scheme
 * would refuse at compile time (misspelt, missing, wrong kinds), so they compile these.
 */
import { rulesets as typed, type BundledRulesetId, type RulesetSource } from "../src/index.js";

export const rulesets: Readonly<Record<BundledRulesetId, RulesetSource>> = typed;
