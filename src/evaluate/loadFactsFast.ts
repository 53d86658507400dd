import { KIND_BOOLEAN, KIND_ENUM, KIND_NUMBER, type Model } from "../compile/model.js";

// Matched after trimming: no two quantifiers compete for the same characters (linear time).
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** Parses a decimal string to an integer scaled by 10^scale; undefined if it has more decimals. */
function parseScaled(raw: string, scale: number): number | undefined {
  // Anything longer than 40 characters is beyond the fast path (15 digits); the exact loader explains.
  if (raw.length > 40) return undefined;
  const m = DECIMAL.exec(raw.trim());
  if (!m || (m[2] === "" && (m[3] === undefined || m[3] === ""))) return undefined;
  let frac = m[3] ?? "";
  if (frac.length > scale) {
    if (/[^0]/.test(frac.slice(scale))) return undefined;
    frac = frac.slice(0, scale);
  }
  const digits = (m[2] || "0") + frac.padEnd(scale, "0");
  if (digits.length > 15) return undefined;
  const v = Number(digits);
  return m[1] === "-" ? -v : v;
}

/**
 * The fast loader: reads facts into a frame of scaled integers, booleans, strings and lists.
 * It does not explain problems: anything unusual (a bad value, a missing fact, a value with more
 * decimals or a larger magnitude than the fast path holds) returns undefined, and the exact
 * loader takes over and reports it.
 */
export function loadFactsFast(model: Model, facts: Readonly<Record<string, unknown>>): unknown[] | undefined {
  const frame: unknown[] = new Array(model.slots.size);
  let conditional = false;
  let present = 0;
  const list = model.facts;
  const byKey = model.factByKey;
  // The subject's own keys, walked once (V8 reads facts[key] from the enum cache): any key that is
  // not a declared fact declines, and the exact loader names it.
  for (const key in facts) {
    const f = byKey[key];
    if (f === undefined) return undefined;
    const raw = facts[key];
    if (raw === undefined || raw === null) continue; // missing, as below
    present++;
    const slot = f.slot;
    switch (f.kind) {
      case KIND_BOOLEAN:
        if (typeof raw !== "boolean") return undefined;
        frame[slot] = raw;
        break;
      case KIND_NUMBER: {
        const fast = f.fast;
        if (!fast) return undefined;
        let x: number | undefined;
        if (typeof raw === "number") {
          x = raw * fast.pow;
          if (!Number.isInteger(x)) {
            x = Math.round(x);
            if (x / fast.pow !== raw) return undefined;
          }
        } else if (typeof raw === "string") {
          x = parseScaled(raw, fast.scale);
          if (x === undefined) return undefined;
        } else return undefined;
        if (!(x >= fast.lo && x <= fast.hi)) return undefined;
        if (fast.step !== undefined && x % fast.step !== 0) return undefined;
        frame[slot] = x === 0 ? 0 : x;
        break;
      }
      case KIND_ENUM:
        if (typeof raw !== "string" || !f.values!.includes(raw)) return undefined;
        frame[slot] = raw;
        break;
      default: {
        if (!Array.isArray(raw) || raw.length > 1000) return undefined;
        const values = f.values!;
        for (let j = 0; j < raw.length; j++) if (!values.includes(raw[j])) return undefined;
        frame[slot] = raw;
      }
    }
  }
  // Declared facts without a value: their default, a condition that may not require them, or decline.
  if (present !== list.length) {
    for (let i = 0; i < list.length; i++) {
      const f = list[i]!;
      if (frame[f.slot] !== undefined) continue;
      if (f.hasDefault) frame[f.slot] = f.fastDefault;
      else if (f.requiredWhenFast) conditional = true;
      else return undefined;
    }
  }
  const bounded = model.boundedFacts;
  for (let i = 0; i < bounded.length; i++) {
    const f = bounded[i]!;
    if (f.maxFact) {
      const v = frame[f.slot] as number, m = frame[f.maxFact.slot] as number;
      if (f.fast!.scale !== f.maxFact.fast?.scale || v > m) return undefined;
    }
    if (f.minFact) {
      const v = frame[f.slot] as number, m = frame[f.minFact.slot] as number;
      if (f.fast!.scale !== f.minFact.fast?.scale || v < m) return undefined;
    }
  }
  if (conditional || model.conditionalFacts) {
    for (const f of list) {
      if (!f.requiredWhenFast) continue;
      let required: boolean;
      try {
        required = f.requiredWhenFast(frame) as boolean;
      } catch {
        return undefined;
      }
      if (required && frame[f.slot] === undefined) return undefined;
      if (!required) frame[f.slot] = undefined;
    }
  }
  return frame;
}
