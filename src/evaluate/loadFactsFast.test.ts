import { describe, expect, it } from "vitest";
import { buildModel } from "../compile/compile.js";
import { rulesets } from "../rulesets.js";
import { decideSubject } from "./evaluate.js";

/**
 * Which values the fast loader reads itself (scaled integers, hundredths for the org-life score)
 * and which it leaves to the exact loader, and that the answer is the same either way. The fast
 * path is a promise about cost, so each case says which path it takes.
 */
const model = buildModel(rulesets["rushan/member"]);
const BASE = { ideals: true, orgAwareness: true, moralConduct: true, exemplar: true, duty: true, volunteer: true, stability: true, tackleHard: true, orgLifeScore: 7, surveySatisfied: 9, surveyValid: 10 };
/** [ok, fast path] for the member with `facts` over BASE. */
function path(facts: Record<string, unknown>): [boolean, boolean | undefined] {
  const d = decideSubject(model, { id: "m", facts: { ...BASE, ...facts } }, undefined);
  return [d.ok, d.ok ? d.fast : undefined];
}

describe("the fast loader reads what it can hold exactly, and leaves the rest to the exact loader", () => {
  it.each([
    ["a number", { orgLifeScore: 7 }, [true, true]],
    ["hundredths", { orgLifeScore: 7.25 }, [true, true]],
    ["decimal text", { orgLifeScore: "7.25" }, [true, true]],
    ["text with spaces", { orgLifeScore: " 7.5 " }, [true, true]],
    ["a sign", { orgLifeScore: "+7" }, [true, true]],
    ["no integer part", { orgLifeScore: ".5" }, [true, true]],
    ["zeros past the hundredths", { orgLifeScore: "7.500" }, [true, true]],
    ["minus zero", { orgLifeScore: -0 }, [true, true]],
    ["a thousandth", { orgLifeScore: "7.501" }, [true, false]],
    ["a thousandth as a number", { orgLifeScore: 7.125 }, [true, false]],
    ["16 digits", { orgLifeScore: "0000000000000007" }, [true, false]],
    ["41 characters", { orgLifeScore: "7." + "0".repeat(39) }, [true, false]],
    ["a point alone", { orgLifeScore: "." }, [false, undefined]],
    ["a sign alone", { orgLifeScore: "-" }, [false, undefined]],
    ["text", { orgLifeScore: "seven" }, [false, undefined]],
    ["past its maximum", { orgLifeScore: 11 }, [false, undefined]],
    ["satisfied above valid (a bound by another fact)", { surveySatisfied: 11 }, [false, undefined]],
    ["satisfied equal to valid", { surveySatisfied: 10 }, [true, true]],
    ["a whole number with a fraction", { surveyValid: 10.5 }, [false, undefined]],
    ["a missing fact", { orgLifeScore: undefined }, [false, undefined]],
    ["a null fact", { orgLifeScore: null }, [false, undefined]],
    ["a known veto", { vetoes: ["ideals"] }, [true, true]],
    ["an unknown veto", { vetoes: ["nope"] }, [false, undefined]],
    ["no vetoes", { vetoes: [] }, [true, true]],
    ["a veto list that is not a list", { vetoes: "ideals" }, [false, undefined]],
    ["a boolean as text", { ideals: "true" }, [false, undefined]],
  ] as const)("%s", (_, facts, expected) => {
    expect(path(facts)).toEqual(expected);
  });

  it("both loaders give the same decision, and the exact one rounds nothing: 6.0000000001 is above 6", () => {
    const a = decideSubject(model, { id: "m", facts: { ...BASE, orgLifeScore: 7.25 } }, undefined, false);
    const b = decideSubject(model, { id: "m", facts: { ...BASE, orgLifeScore: 7.25 } }, undefined, true);
    expect(a.ok && b.ok && [a.fast, b.fast, a.rawValue, b.rawValue]).toEqual([true, false, 10, 10]);
    const c = decideSubject(model, { id: "m", facts: { ...BASE, orgLifeScore: "6.0000000001" } }, undefined);
    const d = decideSubject(model, { id: "m", facts: { ...BASE, orgLifeScore: 6 } }, undefined);
    // Above 6 by a ten-billionth meets org life > 6, a clause of 组织观念星 and of 模范表率星; exactly 6 does not: two stars apart.
    expect(c.ok && d.ok && [c.fast, (c.rawValue as number) - (d.rawValue as number)]).toEqual([false, 2]);
  });
});
