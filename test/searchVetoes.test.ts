import { describe, expect, it } from "vitest";
import { compile, type RulesetSource } from "../src/index.js";
import { searchStats } from "../src/remediation/search.js";
import { exampleWith, ok } from "./helpers.js";

/**
 * A veto with a condition, during the advice search: it concerns its own star only. The example
 * branch plus 稳健星 (service score at least 60) and a veto that cancels 稳健星 when a branch
 * with fewer than 2 meetings reaches that score (突击整改, rushed). 服务星 needs a service score
 * of 80; the checks are counted by hand as in `searchCost.test.ts` (a linear condition: the
 * furthest value, the guess, the value below it).
 */
const source = { default: "a test of vetoes during the search" };
const label = (zh: string, en: string) => ({ zh, en });
function ruleset(): RulesetSource {
  return exampleWith("example/vetoes", (r) => {
    r.stars.push({ id: "careful", label: label("稳健星", "careful"), group: "basic", when: ["serviceScore >= 60"], source });
    r.vetoes.push({ id: "rushed", label: label("突击整改", "rushed"), effect: "cancelStar", star: "careful", when: "meetings < 2 and serviceScore >= 60", source });
  });
}
const ALL = { meetings: 12, lessons: true, dues: true, serviceScore: 95, satisfaction: 1 };

/**
 * The checks `nextStar` takes for a branch with 5 meetings and a service score of 50, asserting
 * its advice: 服务星 at 80, 稳健星 at 60.
 */
function countingAdvice(s: ReturnType<typeof compile>): () => number {
  return () => {
    const r = ok(s.evaluate({ id: "s", facts: { ...ALL, meetings: 5, serviceScore: 50 } }));
    const before = searchStats.probes;
    expect(r.remediation.nextStar.map((n) => [n.star, n.changes])).toEqual([
      ["service", [{ fact: "serviceScore", from: 50, to: 80 }]],
      ["careful", [{ fact: "serviceScore", from: 50, to: 60 }]],
    ]);
    return searchStats.probes - before;
  };
}

describe("a conditional veto during the advice search", () => {
  it("does not block another star: 服务星 from 50 → 80 with one meeting, though 80 would cancel 稳健星", () => {
    const s = compile(ruleset());
    const r = ok(s.evaluate({ id: "s", facts: { ...ALL, meetings: 1, serviceScore: 50 } }));
    const next = r.remediation.nextStar;
    expect(next.find((n) => n.star === "service")).toEqual({ star: "service", changes: [{ fact: "serviceScore", from: 50, to: 80 }] });
    // 稳健星 itself: 60 would earn it and cancel it (one meeting): out of reach by the service score.
    expect(next.find((n) => n.star === "careful")).toEqual({ star: "careful", changes: [], unreachable: true });
  });
  it("leaves another star's advice remembered, and its own star's not: 6 checks, then 3 for the same facts", () => {
    const count = countingAdvice(compile(ruleset()));
    // 服务星: 100 (met), the guess 80 (met), 79.99 (not): 3. 稳健星: 100, 60, 59.99: 3.
    expect(count()).toBe(6);
    // Again: 服务星 is remembered (no veto concerns it); 稳健星, whose veto reads the meetings, is searched again.
    expect(count()).toBe(3);
  });
});

describe("which vetoes keep a star's advice from being remembered", () => {
  it("a conditional disqualification concerns every star: 80 would disqualify a branch with one meeting, so 服务星 is out of reach for it, after a branch with five was advised 80", () => {
    const s = compile(
      exampleWith("example/fraud", (r) => {
        r.vetoes.push({ id: "fraud", label: label("弄虚作假", "fraud"), effect: "disqualify", when: "meetings < 2 and serviceScore >= 80", source });
      }),
    );
    const service = (meetings: number) => ok(s.evaluate({ id: "s", facts: { ...ALL, meetings, serviceScore: 50 } })).remediation.nextStar.find((n) => n.star === "service");
    expect(service(5)).toEqual({ star: "service", changes: [{ fact: "serviceScore", from: 50, to: 80 }] });
    expect(service(1)).toEqual({ star: "service", changes: [], unreachable: true });
  });
  it("a veto on one star: that star is searched each time (5 checks), the other remembered (3, then none)", () => {
    // 稳健星 here also needs 3 meetings, and its veto reads the satisfaction rate (never low here).
    const s = compile(
      exampleWith("example/careful", (r) => {
        r.stars.push({ id: "careful", label: label("稳健星", "careful"), group: "basic", when: ["serviceScore >= 60", "meetings >= 3"], source });
        r.vetoes.push({ id: "unloved", label: label("群众不满", "unloved"), effect: "cancelStar", star: "careful", when: "satisfaction < 0.5 and serviceScore >= 60", source });
      }),
    );
    const count = countingAdvice(s);
    // 服务星: 100 (met), the guess 80 (met), 79.99 (not): 3. 稳健星 over meetings and the score: both at
    // their furthest (met), meetings alone (12, score 50: not), the score alone (100: met), its guess
    // 60 (met; meetings − 3 is 2 at both ends, no crossing), 59.99 (not): 5.
    expect(count()).toBe(8);
    expect(count()).toBe(5);
  });
});
