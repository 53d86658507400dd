import { describe, expect, it } from "vitest";
import { compile, type RulesetSource } from "../src/index.js";
import { searchStats } from "../src/remediation/search.js";
import { exampleWith, ok } from "./helpers.js";

/* eslint-disable @typescript-eslint/no-explicit-any -- the example edited as JSON */

/**
 * Shapes of condition and fact the search meets, each worked by hand from the algorithm
 * `src/remediation/search.ts` describes (as `searchCost.test.ts` counts it): a condition with no
 * comparison to guess from, a comparison already at its boundary, a decimal's step, a guess too
 * high or too low, a furthest value off the grid, negative values, facts bounded on one side
 * only, the star-count shortcut's choice, and advice remembered per values. A "check" is one
 * evaluation of the target on a scratch frame.
 *
 * Every star is earned at `ALL` (every fact at the end effort moves it to), so a subject that
 * differs in one star's facts misses that star alone, and its advice's checks are that star's.
 */
const source = { default: "a test of the search over shapes of condition" };
const label = (zh: string, en: string) => ({ zh, en });
const int = (id: string, max: number) => ({ type: "integer", min: 0, max, label: label(id, id), source });
const dec = (id: string, min: number, max: number, more: object = {}) => ({ type: "decimal", min, max, label: label(id, id), source, ...more });
const star = (id: string, ...when: string[]) => ({ id, label: label(id, id), group: "basic", when, source });

function ruleset(edit: (r: any) => void = () => {}): RulesetSource {
  return exampleWith("example/shapes", (r) => {
    Object.assign(r.facts, {
      p: int("p", 10), q: int("q", 10), r: int("r", 10), s: int("s", 10),
      z: int("z", 10), a2: int("a2", 12),
      g: int("g", 12),
      dd: dec("dd", 0, 10, { step: "0.5", improve: "down" }), du: dec("du", 0, 10, { step: "0.5" }),
      cc: int("cc", 12), u: int("u", 10),
      w: dec("w", 0, 10.125), neg: dec("neg", -10, 10),
      // Bounded on one side: x up to 10 with no minimum; y from 0 with no maximum, effort lowers it.
      x1: { type: "integer", max: 10, label: label("x1", "x1"), source }, x2: { type: "integer", max: 10, label: label("x2", "x2"), source },
      y1: { ...int("y1", 0), max: undefined, improve: "down" }, y2: { ...int("y2", 0), max: undefined, improve: "down" },
      b: int("b", 12), e1: int("e1", 12), e2: int("e2", 12),
      m1: int("m1", 100), m2: int("m2", 100),
      d: int("d", 12),
      kind: { type: "enum", values: { a: label("甲", "a"), b: label("乙", "b") }, label: label("kind", "kind"), source }, k2: int("k2", 10),
    });
    r.stars.push(
      star("orPQ", "p >= 10 or q >= 1"),
      star("orRS", "r >= 1 or s >= 10"),
      star("zeroFirst", "z >= 0", "a2 >= 3"),
      star("strict", "g > 3"),
      star("down", "dd <= 2"),
      star("bStar", "b >= 4"),
      star("up", "du >= 7.5"),
      star("bump", "cc * (24 - cc) >= 44"),
      star("steep", "u * u * u * u * u * u >= 800000"),
      star("edge", "w >= 10.121"),
      star("negative", "neg >= -3.12"),
      star("noMin", "x1 >= 9 or x2 >= 4"),
      star("noMax", "y1 <= 1 or y2 <= 6"),
      star("lateE2", "e2 >= 5"),
      star("earlyE1", "e1 >= 5"),
      star("pairM", "m1 + m2 >= 150"),
      star("dTen", "d >= 10"),
      star("dSix", "d >= 6"),
      star("kindA", 'kind == "a"', "k2 >= 5"),
    );
    edit(r);
  });
}

/** Every star earned, every fact at its furthest (serviceScore can still rise: 95 of 100). */
const ALL = {
  meetings: 12, lessons: true, dues: true, serviceScore: 95, satisfaction: 1,
  p: 10, q: 10, r: 10, s: 10, z: 10, a2: 12, g: 12, dd: 0, du: 10, cc: 12, u: 10, w: 10.125, neg: 10,
  x1: 10, x2: 10, y1: 0, y2: 0, b: 12, e1: 12, e2: 12, m1: 100, m2: 100, d: 12, kind: "a", k2: 10,
};
/** serviceScore with three decimals (still earned) takes a subject to the exact path. */
const EXACT = { serviceScore: "95.125" };

/** The advice for the stars these facts miss, and the checks it took. */
function search(scheme: ReturnType<typeof compile>, facts: Record<string, unknown>) {
  const r = ok(scheme.evaluate({ id: "s", facts: { ...ALL, ...facts } }));
  const before = searchStats.probes;
  const advice = r.remediation.nextStar;
  return { advice, checks: searchStats.probes - before };
}
const shared = compile(ruleset());

describe("a condition with no comparison to guess from (an `or`): bisection, then the cheaper fact", () => {
  it("p ≥ 10 or q ≥ 1, both 0: q 0 → 1 (1 of 10) rather than p 0 → 10 (10 of 10), in 10 checks", () => {
    // Both at 10: 1. p alone at 10: met, 1; bisect indexes 0–9 (values 1–10): 5 no, 8 no, 9 no: 3.
    // q alone at 10: met, 1; bisect: 5, 3, 2, 1, all met: 4. 1 + 4 + 5 = 10.
    expect(search(shared, { p: 0, q: 0 })).toEqual({ advice: [{ star: "orPQ", changes: [{ fact: "q", from: 0, to: 1 }] }], checks: 10 });
  });
  it("r ≥ 1 or s ≥ 10, both 0: r 0 → 1, the cheaper one declared first, in 10 checks", () => {
    expect(search(shared, { r: 0, s: 0 })).toEqual({ advice: [{ star: "orRS", changes: [{ fact: "r", from: 0, to: 1 }] }], checks: 10 });
  });
});

describe("comparisons at their boundary", () => {
  it("a clause that holds at 0 and does not move (z ≥ 0, z = 0) gives no guess; a2 0 → 3 in 5 checks", () => {
    // Both at their furthest: 1. z alone (10): a2 ≥ 3 fails, 1. a2 alone (12): met, 1. Lowering a2:
    // z's margin is 0 at both ends (no crossing); a2 − 3 is −3 at 0, 9 at 12: the guess 3 (met), 2 (not): 2.
    expect(search(shared, { z: 0, a2: 0 })).toEqual({ advice: [{ star: "zeroFirst", changes: [{ fact: "a2", from: 0, to: 3 }] }], checks: 5 });
  });
  it("g > 3 at g = 3: the margin is 0 now, so the guess is the very next value, 4, in 2 checks", () => {
    // g at 12: 1. Margin g − 3: 0 at 3, 9 at 12: it crosses at 3, the first value past 3 is 4 (met). Nothing below.
    expect(search(shared, { g: 3 })).toEqual({ advice: [{ star: "strict", changes: [{ fact: "g", from: 3, to: 4 }] }], checks: 2 });
  });
});

describe("a decimal's declared step (0.5): the grid is the step, in each direction", () => {
  it("dd ≤ 2, effort lowers dd, from 7: 2 in 3 checks", () => {
    // Values 6.5, 6 … 0 (indexes 0–13). Margin dd − 2: 5 at 7, −2 at 0; it crosses at 7 − 5·7/7 = 2,
    // index 9. Checks: 0 (met), 2 (met), 2.5 (not).
    expect(search(shared, { dd: 7 })).toEqual({ advice: [{ star: "down", changes: [{ fact: "dd", from: 7, to: 2 }] }], checks: 3 });
  });
  it("du ≥ 7.5 from 1: 7.5 in 3 checks", () => {
    // Values 1.5 … 10 (indexes 0–17). Margin du − 7.5: −6.5 at 1, 2.5 at 10; it crosses at 1 + 6.5·9/9 = 7.5,
    // index 12. Checks: 10 (met), 7.5 (met), 7 (not).
    expect(search(shared, { du: 1 })).toEqual({ advice: [{ star: "up", changes: [{ fact: "du", from: 1, to: 7.5 }] }], checks: 3 });
  });
});

describe("a guess off the answer: the gallop runs to the end of the range", () => {
  it("too high, down to the very next value: cc(24 − cc) ≥ 44 from 1 is met at 2, in 3 checks", () => {
    // Margin cc(24 − cc) − 44: −21 at 1, 100 at 12; as a line it crosses at 1 + 21·11/121 = 2.9, so the
    // guess is 3 (63, met). Checks: 12, 3, then a step down: 2 (44, met), the first value: no more.
    expect(search(shared, { cc: 1 })).toEqual({ advice: [{ star: "bump", changes: [{ fact: "cc", from: 1, to: 2 }] }], checks: 3 });
  });
  it("too low, up to the furthest: u⁶ ≥ 800,000 from 1 is met only at 10, in 2 checks", () => {
    // Margin u⁶ − 800000: −799999 at 1, 200000 at 10; as a line it crosses at 1 + 799999·9/999999 = 8.2,
    // so the guess is 9 (531441, not met); only 10 is left, and 10 was checked first.
    expect(search(shared, { u: 1 })).toEqual({ advice: [{ star: "steep", changes: [{ fact: "u", from: 1, to: 10 }] }], checks: 2 });
  });
});

describe("values off the search's grid", () => {
  it("fast: a maximum off the hundredths (10.125) is the last value: w 10 → 10.125 for w ≥ 10.121, in 2 checks", () => {
    // Values 10.01 … 10.12 then 10.125 (indexes 0–12). Margin w − 10.121: −0.121 at 10, 0.004 at 10.125;
    // it crosses at 10.121, past 10.12: index 12, the furthest (no check); 10.12 (not met).
    expect(search(shared, { w: 10 })).toEqual({ advice: [{ star: "edge", changes: [{ fact: "w", from: 10, to: 10.125 }] }], checks: 2 });
  });
  it("exact: the same answer by bisection, in 4 checks", () => {
    // No margins on the exact path. 10.125 (met); bisect indexes 0–12: 10.07, 10.10, 10.12, none met: 3.
    expect(search(shared, { ...EXACT, w: 10 })).toEqual({ advice: [{ star: "edge", changes: [{ fact: "w", from: 10, to: 10.125 }] }], checks: 4 });
  });
  it("exact: a negative value between hundredths (−3.125) moves to the next hundredth up, −3.12, in 12 checks", () => {
    // Values −3.12, −3.11 … 10 (indexes 0–1312); the answer is index 0: bisection halves 1312 down to 0,
    // 656, 328, 164, 82, 41, 20, 10, 5, 2, 1, 0 (all met): 11 checks, after 10 (met).
    expect(search(shared, { ...EXACT, neg: "-3.125" })).toEqual({ advice: [{ star: "negative", changes: [{ fact: "neg", from: -3.125, to: -3.12 }] }], checks: 12 });
  });
});

describe("a fact bounded on one side only: its change counts in units", () => {
  for (const [path, more] of [["fast", {}], ["exact", EXACT]] as const) {
    it(`${path}: no minimum: x2 3 → 4 (1 unit) rather than x1 3 → 9 (6 units), declared first`, () => {
      expect(search(shared, { ...more, x1: 3, x2: 3 }).advice).toEqual([{ star: "noMin", changes: [{ fact: "x2", from: 3, to: 4 }] }]);
    });
    it(`${path}: no maximum, effort lowers it: y2 7 → 6 (1 unit) rather than y1 7 → 1 (6 units)`, () => {
      expect(search(shared, { ...more, y1: 7, y2: 7 }).advice).toEqual([{ star: "noMax", changes: [{ fact: "y2", from: 7, to: 6 }] }]);
    });
  }
});

describe("the star-count shortcut: the cheapest one-fact star advice decides the next level", () => {
  const level = (facts: Record<string, unknown>) => {
    const r = ok(compile(ruleset()).evaluate({ id: "s", facts: { ...ALL, ...facts } }));
    return { stars: r.rating.stars, n: r.stars.length, next: r.remediation.nextLevel };
  };
  it("b 3 → 4 (1 of 12) before du 1 → 7.5 (6.5 of 10), declared after it", () => {
    const { stars, n, next } = level({ b: 3, du: 1 });
    expect([stars, next]).toEqual([n - 2, { to: n - 1, changes: [{ fact: "b", from: 3, to: 4 }] }]);
  });
  it("b 3 → 4 before a boolean (lessons, the whole of its range), declared before it", () => {
    const { next } = level({ b: 3, lessons: false });
    expect(next!.changes).toEqual([{ fact: "b", from: 3, to: 4 }]);
  });
  it("a tie (3 of 12 each): the fact declared first, e1, though its star comes second", () => {
    const { next } = level({ e1: 2, e2: 2 });
    expect(next!.changes).toEqual([{ fact: "e1", from: 2, to: 5 }]);
  });
});

describe("the next level off the shortcut: only stars not earned guide the guess", () => {
  // A conditional veto that never applies takes the search off the star-count shortcut.
  const searched = compile(ruleset((r) => r.vetoes.push({ id: "never", label: label("从不", "never"), effect: "cancelStar", star: "strict", when: "g > 100", source })));
  it("d 6 → 10 for 10 ≥ d, though d ≥ 6 sits at its boundary (earned), in 5 checks", () => {
    // Candidates: serviceScore (95 of 100) and d. Both at their furthest: 1. serviceScore alone: 1 (not met).
    // d alone (12): 1; the guess from d − 10 (−4 at 6, 2 at 12) is 10 (met), then 9 (not): 2. Total 5.
    const r = ok(searched.evaluate({ id: "s", facts: { ...ALL, d: 6 } }));
    const before = searchStats.probes;
    expect(r.remediation.nextLevel).toEqual({ to: r.stars.length, changes: [{ fact: "d", from: 6, to: 10 }] });
    expect(searchStats.probes - before).toBe(5);
  });
});

describe("advice remembered per values of the facts a star reads", () => {
  it("m1 1, m2 23 and m1 12, m2 3 are different values (each advised its own change)", () => {
    const s = compile(ruleset());
    // 24 of 150: neither alone reaches it (123, 101); both: m1 to 50 with m2 at 100, then m2 stays at 100.
    expect(search(s, { m1: 1, m2: 23 }).advice).toEqual([{ star: "pairM", changes: [{ fact: "m1", from: 1, to: 50 }, { fact: "m2", from: 23, to: 100 }] }]);
    expect(search(s, { m1: 12, m2: 3 }).advice).toEqual([{ star: "pairM", changes: [{ fact: "m1", from: 12, to: 50 }, { fact: "m2", from: 3, to: 100 }] }]);
    // The same values again: remembered, no check.
    expect(search(s, { m1: 1, m2: 23, serviceScore: 90 })).toEqual({ advice: [{ star: "pairM", changes: [{ fact: "m1", from: 1, to: 50 }, { fact: "m2", from: 23, to: 100 }] }], checks: 0 });
  });
  it("an enum's values are different values: kind b is out of reach (effort does not move it), kind a needs k2 2 → 5", () => {
    const s = compile(ruleset());
    expect(search(s, { kind: "b", k2: 2 }).advice).toEqual([{ star: "kindA", changes: [], unreachable: true }]);
    expect(search(s, { kind: "a", k2: 2 }).advice).toEqual([{ star: "kindA", changes: [{ fact: "k2", from: 2, to: 5 }] }]);
  });
  it("one star asked on both paths, either first: each path its own target (g 3 → 4)", () => {
    const answer = [{ star: "strict", changes: [{ fact: "g", from: 3, to: 4 }] }];
    for (const order of [[{}, EXACT], [EXACT, {}]]) {
      const s = compile(ruleset());
      for (const more of order) expect(search(s, { ...more, g: 3 }).advice).toEqual(answer);
    }
  });
});
