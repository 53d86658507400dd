import { MAX_DIGITS, Q, toDecimal, tooManyDigits } from "../_lib/decimal.js";
import { quote, show } from "../_lib/text.js";
import { didYouMean } from "../_lib/didYouMean.js";
import type { CFact, Model } from "../compile/model.js";
import type { SubjectError } from "./types.js";

const freeze = Object.freeze;


/**
 * Reads a subject's facts into an evaluation frame (exact values: {@link Q}, booleans, strings,
 * lists), checking each against its declaration. Every problem is collected with its path
 * inside the subject; nothing is thrown for bad data.
 */
export function loadFacts(model: Model, facts: Readonly<Record<string, unknown>>, errors: SubjectError[]): unknown[] {
  const frame: unknown[] = new Array(model.slots.size);
  const missing: CFact[] = [];
  const conditional: CFact[] = [];
  const load = (f: CFact) => {
    const raw = facts[f.id];
    if (raw === undefined || raw === null) {
      if (f.hasDefault) frame[f.slot] = normalizeDefault(f);
      else missing.push(f);
      return;
    }
    const v = readFact(f, raw, errors);
    if (v !== undefined) frame[f.slot] = v;
  };
  // A fact required only in some cases is read once the facts it depends on are known: an
  // ignored fact is not checked either.
  for (const f of model.facts) {
    if (f.requiredWhen) conditional.push(f);
    else load(f);
  }
  for (const f of conditional) {
    let required = true;
    try {
      required = f.requiredWhen!(frame) as boolean;
    } catch {
      required = true; // a fact it depends on is itself bad or missing; check this one too
    }
    if (required) load(f);
  }
  for (const key of Object.keys(facts)) {
    if (!model.factById.has(key)) {
      errors.push({ path: ["facts", key], message: `unknown fact ${quote(key)}${didYouMean(key, model.factById.keys())}` });
    }
  }
  for (const f of missing) errors.push({ path: ["facts", f.id], message: `missing required fact "${f.id}" (${f.label.zh})` });
  // Bounds that are other facts (satisfied ≤ valid).
  for (const f of model.facts) {
    const v = frame[f.slot];
    if (!(v instanceof Q)) continue;
    if (f.maxFact) {
      const m = frame[f.maxFact.slot];
      if (m instanceof Q && v.cmp(m) > 0) errors.push({ path: ["facts", f.id], message: `"${f.id}" must be at most "${f.maxFact.id}" (${m.toString()}), got ${v.toString()}` });
    }
    if (f.minFact) {
      const m = frame[f.minFact.slot];
      if (m instanceof Q && v.cmp(m) < 0) errors.push({ path: ["facts", f.id], message: `"${f.id}" must be at least "${f.minFact.id}" (${m.toString()}), got ${v.toString()}` });
    }
  }
  return frame;
}

function normalizeDefault(f: CFact): unknown {
  const v = f.defaultValue;
  if (f.type === "decimal" || f.type === "integer") return Q.of(toDecimal(v)!);
  if (f.type === "list") return freeze([...(v as string[])]);
  return v;
}

/** Checks and normalizes one fact value; pushes an error and returns undefined when it is bad. */
export function readFact(f: CFact, raw: unknown, errors: SubjectError[]): unknown {
  const path = ["facts", f.id];
  switch (f.type) {
    case "boolean":
      if (typeof raw === "boolean") return raw;
      errors.push({ path, message: `"${f.id}" must be true or false, got ${show(raw)}` });
      return undefined;
    case "decimal":
    case "integer": {
      const d = toDecimal(raw);
      if (!d) {
        if (tooManyDigits(raw)) errors.push({ path, message: `"${f.id}" has too many digits (at most ${MAX_DIGITS}; more would be rounded), got ${show(raw)}` });
        else errors.push({ path, message: `"${f.id}" must be a number or a decimal string, got ${show(raw)}` });
        return undefined;
      }
      if (f.type === "integer" && !d.isInteger()) {
        errors.push({ path, message: `"${f.id}" must be a whole number, got ${d.toFixed()}` });
        return undefined;
      }
      const q = Q.of(d);
      if (f.min && q.cmp(f.min) < 0) {
        errors.push({ path, message: `"${f.id}" must be at least ${f.min.toString()}, got ${q.toString()}` });
        return undefined;
      }
      if (f.max && q.cmp(f.max) > 0) {
        errors.push({ path, message: `"${f.id}" must be at most ${f.max.toString()}, got ${q.toString()}` });
        return undefined;
      }
      if (f.step && !q.div(f.step).isInteger()) {
        errors.push({ path, message: `"${f.id}" must be a multiple of ${f.step.toString()}, got ${q.toString()}` });
        return undefined;
      }
      return q;
    }
    case "enum":
      if (typeof raw === "string" && f.values!.includes(raw)) return raw;
      errors.push({
        path,
        message: `"${f.id}" must be one of ${f.values!.map((v) => JSON.stringify(v)).join(", ")}, got ${show(raw)}${typeof raw === "string" ? didYouMean(raw, f.values!) : ""}`,
      });
      return undefined;
    case "list": {
      if (!Array.isArray(raw)) {
        errors.push({ path, message: `"${f.id}" must be a list of ids, got ${show(raw)}` });
        return undefined;
      }
      let ok = true;
      raw.forEach((item, i) => {
        if (typeof item !== "string" || !f.values!.includes(item)) {
          ok = false;
          errors.push({
            path: [...path, i],
            message:
              typeof item === "string"
                ? `unknown veto item "${item}" in "${f.id}"${didYouMean(item, f.values!)}; this scheme's items are ${f.values!.join(", ")}`
                : `"${f.id}" must hold veto ids (strings), got ${show(item)}`,
          });
        }
      });
      return ok ? freeze([...(raw as string[])]) : undefined;
    }
  }
}
