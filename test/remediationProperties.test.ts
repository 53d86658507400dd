import fc from "fast-check";
import { seeded } from "./arbitraries.js";
import { describe, expect, it } from "vitest";
import { compile, type Result } from "../src/index.js";
import { rulesets } from "./untyped.js";

/**
 * What the search suggests must work, and be minimal: applying the changes earns the star (or
 * reaches the level); dropping any one change, or taking one step less on a number, does not.
 */
const member = compile(rulesets["rushan/member"]);
const qianjin = compile(rulesets["qianjin/organization"]);
const feicheng = compile(rulesets["feicheng/branch"]);

const step = (scheme: typeof member, fact: string) => (scheme.ruleset.facts[fact]!.type === "integer" ? 1 : 0.01);
const apply = (facts: Record<string, unknown>, changes: readonly { fact: string; to: unknown }[]) => {
  const out = { ...facts };
  for (const c of changes) out[c.fact] = c.to;
  return out;
};
const earned = (r: Result, star: string) => r.ok && r.stars.find((s) => s.id === star)!.earned;
const level = (r: Result) => (r.ok ? r.rating.stars! : -1);

function checkStars(scheme: typeof member, facts: Record<string, unknown>) {
  const r = scheme.evaluate({ id: "s", facts });
  if (!r.ok) return;
  for (const n of r.remediation.nextStar) {
    if (!n.changes.length) continue;
    expect(earned(scheme.evaluate({ id: "s", facts: apply(facts, n.changes) }), n.star)).toBe(true);
    n.changes.forEach((c, i) => {
      const without = n.changes.filter((_, j) => j !== i);
      expect(earned(scheme.evaluate({ id: "s", facts: apply(facts, without) }), n.star)).toBe(false);
      if (typeof c.to === "number" && typeof c.from === "number") {
        const less = Math.round((c.to - step(scheme, c.fact)) * 100) / 100;
        if (less > c.from) expect(earned(scheme.evaluate({ id: "s", facts: apply(facts, [...without, { fact: c.fact, to: less }]) }), n.star)).toBe(false);
      }
    });
  }
  const nl = r.remediation.nextLevel;
  if (nl && nl.changes.length && typeof nl.to === "number") {
    const to = nl.to;
    expect(level(scheme.evaluate({ id: "s", facts: apply(facts, nl.changes) }))).toBeGreaterThanOrEqual(to);
    nl.changes.forEach((_, i) => {
      expect(level(scheme.evaluate({ id: "s", facts: apply(facts, nl.changes.filter((__, j) => j !== i)) }))).toBeLessThan(to);
    });
  }
}

const cents = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100);

describe("remediation search — suggestions work and are minimal", () => {
  it("rushan/member", () => {
    fc.assert(
      fc.property(
        fc.record({
          ideals: fc.boolean(), orgAwareness: fc.boolean(), moralConduct: fc.boolean(), exemplar: fc.boolean(),
          duty: fc.boolean(), volunteer: fc.boolean(), stability: fc.boolean(), tackleHard: fc.boolean(),
          orgLifeScore: cents(10), valid: fc.integer({ min: 1, max: 60 }), share: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        ({ valid, share, ...f }) => checkStars(member, { ...f, surveyValid: valid, surveySatisfied: Math.floor(share * valid) }),
      ),
      seeded(150),
    );
  });
  it("qianjin/organization", () => {
    fc.assert(
      fc.property(fc.record({ grid: cents(20), regional: cents(20), professional: cents(20), smartService: cents(20), standardizedOperation: cents(20) }), (f) => checkStars(qianjin, f)),
      seeded(150),
    );
  });
  it("feicheng/branch (levels, vetoes)", () => {
    fc.assert(
      fc.property(
        fc.record({ team: cents(20), operation: cents(20), orgLife: cents(20), memberMgmt: cents(20), basicSupport: cents(20), roleScore: cents(100), veto: fc.boolean() }),
        ({ veto, ...f }) => checkStars(feicheng, { domain: "rural", ...f, vetoes: veto ? ["majorIncident"] : [] }),
      ),
      seeded(100),
    );
  });
});
