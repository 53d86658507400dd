import type { Model } from "../compile/model.js";

const DECIMAL = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/;

/** Parses a decimal string to an integer scaled by 10^scale; undefined if it has more decimals. */
function parseScaled(text: string, scale: number): number | undefined {
  const m = DECIMAL.exec(text);
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
  for (const f of model.facts) {
    const raw = facts[f.id];
    const slot = f.slot;
    if (raw === undefined || raw === null) {
      if (f.hasDefault) frame[slot] = f.fastDefault;
      else if (f.requiredWhenFast) conditional = true;
      else return undefined;
      continue;
    }
    switch (f.type) {
      case "boolean":
        if (typeof raw !== "boolean") return undefined;
        frame[slot] = raw;
        break;
      case "decimal":
      case "integer": {
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
      case "enum":
        if (typeof raw !== "string" || !f.values!.includes(raw)) return undefined;
        frame[slot] = raw;
        break;
      case "list": {
        if (!Array.isArray(raw) || raw.length > 1000) return undefined;
        const values = f.values!;
        for (let i = 0; i < raw.length; i++) if (!values.includes(raw[i])) return undefined;
        frame[slot] = raw;
        break;
      }
    }
  }
  for (const key in facts) if (!model.factById.has(key)) return undefined;
  for (const f of model.boundedFacts) {
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
    for (const f of model.facts) {
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
