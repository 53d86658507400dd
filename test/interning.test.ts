import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rulesets, type BundledRulesetId } from "../src/index.js";
import { buildModel } from "../src/compile/compile.js";
import { evaluateSubject } from "../src/evaluate/evaluate.js";
import { downgrades, factsOf, seeded } from "./arbitraries.js";

/**
 * A scheme remembers what it built for earlier subjects (the frozen stars and trace of each set of
 * decisions, score texts, the traces with values `explain` adds) and hands the same objects to
 * later subjects that decide alike. That memory must never show: a scheme that has evaluated
 * hundreds of other subjects answers each subject exactly as a scheme that has seen none.
 * Here a warm scheme (kept across every run) evaluates a random list in order and a new scheme
 * evaluates it in reverse, so each side meets each subject after different others.
 */
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));
const STEPS = ["branchMentoring", "centerMentoring", "organizationalDisposal", "talkReminder"] as const;

describe("a scheme's memory of earlier subjects never changes an answer", () => {
  for (const id of Object.keys(rulesets) as BundledRulesetId[]) {
    it(`${id}: a warm scheme gives what a new one gives, with and without explain`, () => {
      const warm = buildModel(rulesets[id]);
      const row = fc.record({
        facts: factsOf(id),
        explain: fc.boolean(),
        name: fc.option(fc.constantFrom("张三", "李四"), { nil: undefined }),
        previous: fc.option(fc.constantFrom(...STEPS), { nil: undefined }),
        events: id === "feicheng/branch" ? downgrades : fc.constant(undefined),
      });
      fc.assert(
        fc.property(fc.array(row, { minLength: 2, maxLength: 10 }), (rows) => {
          const fresh = buildModel(rulesets[id]);
          const call = (model: typeof warm, i: number) => {
            const r = rows[i]!;
            const history = r.previous && model.stepLabels.has(r.previous)
              ? [{ ok: true, id: `s${i}`, ruleset: { id }, stars: [], rating: id.startsWith("liuzhou") ? { grade: "合格" } : { stars: 1 }, steps: [{ id: r.previous }] }]
              : undefined;
            const subject = { id: `s${i}`, facts: r.facts, ...(r.name ? { name: r.name } : {}), ...(r.events ? { events: r.events } : {}) };
            return plain(evaluateSubject(model, subject, { asOf: "2024-12-31", history, explain: r.explain }));
          };
          const forward = rows.map((_, i) => call(warm, i));
          const backward = rows.map((_, i) => rows.length - 1 - i).map((i) => call(fresh, i)).reverse();
          expect(forward).toEqual(backward);
        }),
        seeded(60),
      );
    });
  }
});
