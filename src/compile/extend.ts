import { toDecimal } from "../_lib/decimal.js";
import { didYouMean } from "../_lib/didYouMean.js";
import { quote } from "../_lib/text.js";
import { RulesetError, type IssueDraft } from "../ruleset/RulesetError.js";
import type { RulesetSource } from "../ruleset/schema.js";
import { sameParameterValue } from "../ruleset/reads.js";

/**
 * `{ extends, parameters: { name: value } }`: a simulation of a scheme. `extends` is a bundled
 * ruleset's id (known once the `rulesets` map is loaded, as it is by `import "xingji"` in Node and
 * in the global build), or a ruleset's data itself (e.g. one imported alone from
 * `xingji/rulesets/<id>`, or your own).
 */
export interface Extension {
  readonly extends: string | RulesetSource;
  readonly parameters?: Readonly<Record<string, unknown>>;
}

/** Whether a compile input is an extension rather than a whole ruleset. */
export function isExtension(input: unknown): input is Extension {
  return input !== null && typeof input === "object" && "extends" in input;
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "string") return `string ${quote(v)}`;
  if (typeof v === "number" || typeof v === "boolean") return `${typeof v} ${String(v)}`;
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

/** An own property only: names such as "__proto__", "constructor" or "toString" are never inherited ones. */
function own<T>(o: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

/**
 * A copy of `base` with parameter values replaced, its version marked `+override`. Every unknown
 * name and every value of the wrong type is reported at once, as one {@link RulesetError}.
 */
export function overrideParameters(base: RulesetSource, parameters: unknown, pathPrefix: (string | number)[] = ["parameters"]): RulesetSource {
  const issues: IssueDraft[] = [];
  if (parameters === null || typeof parameters !== "object" || Array.isArray(parameters)) {
    throw new RulesetError(base.id, [{ code: "invalid_schema", path: pathPrefix, message: `parameters must be an object of name: value, got ${describe(parameters)}` }]);
  }
  const declared = base.parameters ?? {};
  const next: Record<string, unknown> = { ...declared };
  for (const [name, value] of Object.entries(parameters)) {
    const path = [...pathPrefix, name];
    const p = own(declared, name);
    if (!p) {
      issues.push({ code: "unknown_parameter", path, message: `unknown parameter ${quote(name)}${didYouMean(name, Object.keys(declared))} in ruleset "${base.id}"` });
      continue;
    }
    const bad = (want: string) => issues.push({ code: "type_mismatch", path, message: `parameter "${name}" must be ${want}, got ${describe(value)}` });
    switch (p.type) {
      case "decimal":
        if (!toDecimal(value)) bad("a number or a decimal string");
        break;
      case "integer": {
        const d = toDecimal(value);
        if (!d || !d.isInteger()) bad("a whole number");
        break;
      }
      case "boolean":
        if (typeof value !== "boolean") bad("true or false");
        break;
      case "string":
        if (typeof value !== "string") bad("a string");
        else if (p.values && !p.values.includes(value)) {
          issues.push({ code: "invalid_value", path, message: `parameter "${name}" must be one of ${p.values.map((v) => JSON.stringify(v)).join(", ")}, got ${quote(value)}${didYouMean(value, p.values)}` });
        }
        break;
      case "text": {
        const t = value as { zh?: unknown; en?: unknown } | null;
        if (!t || typeof t !== "object" || typeof t.zh !== "string" || typeof t.en !== "string") bad("a bilingual name { zh, en }");
        break;
      }
      case "table": {
        if (!value || typeof value !== "object" || Array.isArray(value)) {
          bad("a table { key: number }");
          break;
        }
        for (const [k, v] of Object.entries(value)) {
          if (own(p.value, k) === undefined) issues.push({ code: "unknown_value", path: [...path, k], message: `table "${name}" has no key ${quote(k)}${didYouMean(k, Object.keys(p.value))}` });
          else if (!toDecimal(v)) issues.push({ code: "type_mismatch", path: [...path, k], message: `table entry "${name}.${k}" must be a number, got ${describe(v)}` });
        }
        next[name] = { ...p, value: { ...p.value, ...(value as object) } };
        continue;
      }
    }
    next[name] = { ...p, value };
  }
  if (issues.length) throw new RulesetError(base.id, issues);
  const version = base.version.endsWith("+override") ? base.version : `${base.version}+override`;
  return { ...base, version, parameters: next as RulesetSource["parameters"] };
}

/** A parameter an edition overrides: its value there and the official value (as the ruleset states them). */
export interface Override {
  readonly value: unknown;
  readonly official: unknown;
}

/**
 * The overrides of an edition made from `base` (itself maybe an override, whose official values
 * are kept) with `parameters`: every name whose value differs from the official one.
 */
export function overridesOf(base: RulesetSource, previous: ReadonlyMap<string, Override> | undefined, parameters: Readonly<Record<string, unknown>>): ReadonlyMap<string, Override> {
  const out = new Map(previous ?? []);
  const declared = base.parameters ?? {};
  for (const name of Object.keys(parameters)) {
    const official = previous?.get(name)?.official ?? own(declared, name)?.value;
    const value = (parameters as Record<string, unknown>)[name];
    const merged = own(declared, name)?.type === "table" && official && typeof official === "object" ? { ...(official as object), ...(value as object) } : value;
    if (sameParameterValue(merged, official)) out.delete(name);
    else out.set(name, Object.freeze({ value: merged, official }));
  }
  return out;
}

/** The ruleset `extends` names: a bundled one by id, or the data given. */
export function baseOf(input: Extension, bundled: Readonly<Record<string, RulesetSource>>): RulesetSource | undefined {
  const e = input.extends as unknown;
  if (typeof e === "string") return own(bundled, e);
  return e !== null && typeof e === "object" && !Array.isArray(e) && typeof (e as { id?: unknown }).id === "string" ? (e as RulesetSource) : undefined;
}

/** Resolves `{ extends, parameters }` against the bundled rulesets (or the ruleset data given). */
export function resolveExtension(input: Extension, bundled: Readonly<Record<string, RulesetSource>>): RulesetSource {
  const extra = Object.keys(input).filter((k) => k !== "extends" && k !== "parameters");
  const issues: IssueDraft[] = extra.map((k) => ({ code: "invalid_schema", path: [k], message: `unknown key "${k}" next to "extends" (only "parameters" may be overridden)` }));
  const base = baseOf(input, bundled);
  if (!base) {
    const known = Object.keys(bundled);
    issues.unshift({
      code: "unknown_ruleset",
      path: ["extends"],
      message: `unknown ruleset ${typeof input.extends === "string" ? quote(input.extends) : describe(input.extends)}${typeof input.extends === "string" ? didYouMean(input.extends, known) : ""}; ${known.length ? `bundled: ${known.join(", ")}` : 'no bundled ruleset is loaded: import { rulesets } from "xingji", or pass the ruleset itself as extends'}`,
    });
  }
  if (issues.length) throw new RulesetError(typeof input.extends === "string" ? input.extends : base?.id, issues);
  return overrideParameters(base!, input.parameters ?? {});
}
