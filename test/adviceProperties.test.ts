import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rulesets } from "../src/index.js";
import { buildModel } from "../src/compile/compile.js";
import { cappedValue, decideSubject, type Decided } from "../src/evaluate/evaluate.js";
import { nextLevel, nextStars } from "../src/remediation/search.js";
import { downgrades, factsOf, seeded } from "./arbitraries.js";
import * as reference from "./reference/search.js";

/**
 * The search guesses where a condition turns true from the compiled margins and checks the guess
 * by evaluating; the reference (the earlier search, kept in test/reference) bisects every fact's
 * grid in decimal.js. Both must suggest the same changes, blockers and unreachable targets for
 * random subjects of every bundled ruleset, on the fast and on the exact path.
 */
describe("advice ≡ the reference search", () => {
  for (const id of Object.keys(rulesets)) {
    const model = buildModel(rulesets[id as keyof typeof rulesets]!);
    it(`${id}: nextStar and nextLevel agree with the reference`, () => {
      fc.assert(
        fc.property(factsOf(id), id === "feicheng/branch" ? downgrades : fc.constant(undefined), fc.boolean(), (facts, events, exactOnly) => {
          const d = decideSubject(model, { id: "s", facts, ...(events ? { events } : {}) }, { asOf: "2024-12-31" }, exactOnly);
          if (!d.ok) return;
          const decided = d as Decided;
          const value = cappedValue(decided, decided.rawValue).value;
          expect(nextStars(decided, decided.stars, [])).toEqual(reference.nextStars(decided, decided.stars, []));
          expect(nextLevel(decided, value, [])).toEqual(reference.nextLevel(decided, value, []));
        }),
        seeded(150),
      );
    });
  }
});
