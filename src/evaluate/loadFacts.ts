import { MAX_DIGITS, Q, toDecimal, tooManyDigits } from "../_lib/decimal.js";
import { closest } from "../_lib/didYouMean.js";
import type { CFact, Model } from "../compile/model.js";
import { subjectError, type SubjectError } from "../words/subjectErrors.js";

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
      errors.push(subjectError("unknown_fact", ["facts", key], { fact: key, suggestion: closest(key, model.factById.keys()) }));
    }
  }
  for (const f of missing) errors.push(subjectError("missing_fact", ["facts", f.id], { fact: f.id, label: f.label.zh }));
  // Bounds that are other facts (satisfied ≤ valid).
  for (const f of model.facts) {
    const v = frame[f.slot];
    if (!(v instanceof Q)) continue;
    if (f.maxFact) {
      const m = frame[f.maxFact.slot];
      if (m instanceof Q && v.cmp(m) > 0) errors.push(subjectError("above_max", ["facts", f.id], { ...named(f), limit: m.toString(), limitFact: f.maxFact.id, limitLabel: f.maxFact.label.zh, got: v.toString() }));
    }
    if (f.minFact) {
      const m = frame[f.minFact.slot];
      if (m instanceof Q && v.cmp(m) < 0) errors.push(subjectError("below_min", ["facts", f.id], { ...named(f), limit: m.toString(), limitFact: f.minFact.id, limitLabel: f.minFact.label.zh, got: v.toString() }));
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

/** A fact's id and Chinese label, as error params. */
function named(f: CFact): { fact: string; label: string } {
  return { fact: f.id, label: f.label.zh };
}

/** Checks and normalizes one fact value; pushes an error and returns undefined when it is bad. */
export function readFact(f: CFact, raw: unknown, errors: SubjectError[]): unknown {
  const path = ["facts", f.id];
  const bad = (code: Parameters<typeof subjectError>[0], params: Record<string, string | readonly string[] | undefined>, shown?: unknown): undefined => {
    errors.push(subjectError(code, path, { ...named(f), ...params }, shown));
    return undefined;
  };
  switch (f.type) {
    case "boolean":
      return typeof raw === "boolean" ? raw : bad("wrong_type", { expected: "boolean" }, raw);
    case "decimal":
    case "integer": {
      const d = toDecimal(raw);
      if (!d) return tooManyDigits(raw) ? bad("too_many_digits", { limit: String(MAX_DIGITS) }, raw) : bad("wrong_type", { expected: "number" }, raw);
      if (f.type === "integer" && !d.isInteger()) return bad("not_whole_number", { got: d.toFixed() });
      const q = Q.of(d);
      if (f.min && q.cmp(f.min) < 0) return bad("below_min", { limit: f.min.toString(), got: q.toString() });
      if (f.max && q.cmp(f.max) > 0) return bad("above_max", { limit: f.max.toString(), got: q.toString() });
      if (f.step && !q.div(f.step).isInteger()) return bad("off_step", { step: f.step.toString(), got: q.toString() });
      return q;
    }
    case "enum":
      if (typeof raw === "string" && f.values!.includes(raw)) return raw;
      return bad("not_allowed", { allowed: f.values!, suggestion: typeof raw === "string" ? closest(raw, f.values!) : undefined }, raw);
    case "list": {
      if (!Array.isArray(raw)) return bad("wrong_type", { expected: "list" }, raw);
      let ok = true;
      raw.forEach((item, i) => {
        if (typeof item === "string" && f.values!.includes(item)) return;
        ok = false;
        errors.push(
          typeof item === "string"
            ? subjectError("unknown_item", [...path, i], { ...named(f), got: item.length > 200 ? `${item.slice(0, 200)}…` : item, allowed: f.values!, suggestion: closest(item, f.values!) })
            : subjectError("wrong_type", [...path, i], { ...named(f), expected: "item" }, item),
        );
      });
      return ok ? freeze([...(raw as string[])]) : undefined;
    }
  }
}
