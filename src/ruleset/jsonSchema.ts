import * as z from "zod/mini";
import { schemas } from "./schema.js";

/** The JSON Schema of the ruleset format, generated from the zod schema. Used by editors through `$schema`. */
export function rulesetJsonSchema(): Record<string, unknown> {
  return {
    ...(z.toJSONSchema(schemas().Ruleset) as Record<string, unknown>),
    $id: "https://unpkg.com/xingji/rulesets/ruleset.schema.json",
    title: "xingji ruleset",
  };
}
