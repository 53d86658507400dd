import fc from "fast-check";
import { seeded } from "./arbitraries.js";
import { describe, expect, it } from "vitest";
import { compile, type BundledRulesetId } from "../src/index.js";
import { rulesets } from "./untyped.js";

/**
 * Bad data is an answer, never an exception: whatever JSON arrives as facts, events or history,
 * evaluate returns ok: true or ok: false, and a table returns one row per input row.
 */
describe("no input data makes the evaluator throw", () => {
  for (const id of Object.keys(rulesets)) {
    const scheme = compile(rulesets[id as BundledRulesetId]);
    const factIds = scheme.facts.map((f) => f.id);
    const value = fc.oneof(fc.jsonValue(), fc.constantFrom("", " ", "1e3", "NaN", "-0", "0.000001", "是", "TRUE", "99999999999999999999"), fc.double());
    const facts = fc.dictionary(fc.oneof(fc.constantFrom(...factIds), fc.string()), value, { maxKeys: factIds.length + 2 });
    it(`${id}: random facts, events and history give a result`, () => {
      fc.assert(
        fc.property(facts, fc.option(fc.jsonValue(), { nil: undefined }), fc.option(fc.jsonValue(), { nil: undefined }), (f, events, history) => {
          const r = scheme.evaluate({ id: "x", facts: f, ...(events !== undefined ? { events } : {}) }, history !== undefined ? { history: history as never } : undefined);
          expect(typeof r.ok).toBe("boolean");
          if (r.ok) {
            // Reading the lazy parts must not throw either.
            void r.remediation.nextStar;
            void r.remediation.nextLevel;
          } else expect(r.errors.length).toBeGreaterThan(0);
        }),
        seeded(300),
      );
    });
    it(`${id}: random tables give one row per input row`, () => {
      fc.assert(
        fc.property(fc.array(fc.array(fc.oneof(value, fc.date()), { maxLength: factIds.length + 2 }), { minLength: 1, maxLength: 6 }), (rows) => {
          const table = [["id", ...factIds], ...rows];
          expect(scheme.evaluateTable(table)).toHaveLength(table.length);
        }),
        seeded(100),
      );
    });
  }
});
