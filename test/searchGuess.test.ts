import { describe, expect, it } from "vitest";
import { compile } from "../src/index.js";
import { searchStats } from "../src/remediation/search.js";
import { exampleWith, ok } from "./helpers.js";

/**
 * The guess from several margins, check by check (worked by hand, as in `searchCost.test.ts`):
 * within one star every comparison must cross, so its guess is the furthest crossing; over
 * stars (the next level: any one more), the nearest. Whole numbers 0–12 throughout.
 */
const source = { default: "a test of the search's guess" };
const label = (zh: string, en: string) => ({ zh, en });
const int = (id: string) => ({ type: "integer", min: 0, max: 12, label: label(id, id), source });

function scheme(conditionalVeto: boolean) {
  return compile(exampleWith("example/guess", (r) => {
    Object.assign(r.facts, { e: int("e"), f: int("f"), g: int("g") });
    r.stars.push(
      { id: "eBoth", label: label("e", "e"), group: "basic", when: ["e >= 4", "e >= 7"], source },
      { id: "fBoth", label: label("f", "f"), group: "basic", when: ["f >= 7", "f >= 4"], source },
      { id: "gSix", label: label("g6", "g6"), group: "basic", when: ["g >= 6"], source },
      { id: "gTen", label: label("g10", "g10"), group: "basic", when: ["g >= 10"], source },
    );
    // A condition that never holds takes the next level off the star-count shortcut (the search then checks the rating).
    if (conditionalVeto) r.vetoes.push({ id: "never", label: label("从不", "never"), effect: "cancelStar", star: "eBoth", when: "e > 100", source });
  }));
}
const ALL = { meetings: 12, lessons: true, dues: true, serviceScore: 95, satisfaction: 1, e: 12, f: 12, g: 12 };

function checks(s: ReturnType<typeof scheme>, facts: Record<string, unknown>, read: "nextStar" | "nextLevel") {
  const r = ok(s.evaluate({ id: "s", facts: { ...ALL, ...facts } }));
  const before = searchStats.probes;
  const answer = r.remediation[read];
  return [answer, searchStats.probes - before];
}

describe("the guess from several margins (worked by hand)", () => {
  it("one star, two comparisons on one fact: the furthest crossing, in either order, 3 checks", () => {
    // From 2 (values 3…12): e − 4 crosses at 4, e − 7 at 7; both must hold, so the guess is 7 (met),
    // then 6 (not). With the check at 12: 3.
    expect(checks(scheme(false), { e: 2 }, "nextStar")).toEqual([[{ star: "eBoth", changes: [{ fact: "e", from: 2, to: 7 }] }], 3]);
    expect(checks(scheme(false), { f: 2 }, "nextStar")).toEqual([[{ star: "fBoth", changes: [{ fact: "f", from: 2, to: 7 }] }], 3]);
  });
  it("the next level, one fact, two stars it could earn, the nearer declared first: g 3 → 6 in 5 checks", () => {
    // Candidates serviceScore (95 of 100) and g. All at their furthest: 1. serviceScore alone: no
    // star, 1. g alone at 12: met, 1; g − 6 crosses at 6, g − 10 at 10; either star is one more, so
    // the guess is 6 (met), then 5 (not): 2. Total 5. Nine stars, both g stars missing: 7 → 8.
    expect(checks(scheme(true), { g: 3 }, "nextLevel")).toEqual([{ to: 8, changes: [{ fact: "g", from: 3, to: 6 }] }, 5]);
  });
});
