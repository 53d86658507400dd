import { describe, expect, it } from "vitest";
import { compile, rulesets, type RulesetSource } from "../src/index.js";
import { SEARCH_BUDGET, searchStats } from "../src/remediation/search.js";
import { exampleWith, ok } from "./helpers.js";

/* eslint-disable @typescript-eslint/no-explicit-any -- the example edited as JSON */

/**
 * The search's cost, check by check, worked by hand from the algorithm `src/remediation/search.ts`
 * describes: one check of every movable fact at its furthest value; then, for each set of facts
 * (one fact first), each fact lowered in turn with the others where they are. Lowering a fact:
 * the margin of each comparison (left − right) at the fact's current and furthest value gives a
 * guess where it crosses zero, taken as linear; the guess is checked (not when it is the furthest
 * value, which is known to meet the target), then the search gallops from it (1, 2, 4… steps) and
 * bisects what is left. A "check" is one evaluation of the target on a scratch frame.
 *
 * Each star here reads facts of its own, and every other star is earned, so the counts are this
 * star's alone. Whole numbers throughout: the grid is 1.
 */
const source = { default: "a test of the search's cost" };
const label = (zh: string, en: string) => ({ zh, en });
const int = (id: string, max: number) => ({ type: "integer", min: 0, max, label: label(id, id), source });
const star = (id: string, when: string) => ({ id, label: label(id, id), group: "basic", when: [when], source });

function ruleset(edit: (r: any) => void = () => {}): RulesetSource {
  return exampleWith("example/cost", (r) => {
    Object.assign(r.facts, {
      a: int("a", 12), b: int("b", 12), c: int("c", 12),
      sq: int("sq", 20),
      pa: int("pa", 10), pb: int("pb", 10),
      d: int("d", 12),
    });
    r.stars.push(
      star("tenth", "a >= 10"),
      star("next", "b >= 4"),
      star("top", "c >= 12"),
      star("square", "sq * sq >= 50"),
      star("pair", "pa + pb >= 15"),
      star("dTen", "d >= 10"),
      star("dSix", "d >= 6"),
    );
    edit(r);
  });
}

const scheme = compile(ruleset());
/** Every star earned. */
const ALL = { meetings: 12, lessons: true, dues: true, serviceScore: 95, satisfaction: 1, a: 12, b: 12, c: 12, sq: 20, pa: 10, pb: 10, d: 12 };

/** The advice for the one star these facts miss, and the checks it took. */
function search(facts: Record<string, unknown>) {
  const r = ok(scheme.evaluate({ id: "s", facts: { ...ALL, ...facts } }));
  const before = searchStats.probes;
  const advice = r.remediation.nextStar;
  return { advice, checks: searchStats.probes - before };
}

describe("the search's cost, check by check (worked by hand)", () => {
  it("a linear condition: a 3 → 10 for a ≥ 10 in 3 checks (the furthest, the guess, the value below it)", () => {
    // Values 4…12 (indexes 0…8). Margin a − 10: −7 at 3, 2 at 12; it crosses at 3 + 7·9/9 = 10, index 6.
    // Checks: 12 (met); 10 (met); 9 (not met). The answer is 10.
    expect(search({ a: 3 })).toEqual({ advice: [{ star: "tenth", changes: [{ fact: "a", from: 3, to: 10 }] }], checks: 3 });
  });
  it("the very next value: b 3 → 4 for b ≥ 4 in 2 checks (nothing is below the guess)", () => {
    // Margin b − 4: −1 at 3, 8 at 12; crossing at 4, index 0. Checks: 12, 4.
    expect(search({ b: 3 })).toEqual({ advice: [{ star: "next", changes: [{ fact: "b", from: 3, to: 4 }] }], checks: 2 });
  });
  it("the furthest value: c 3 → 12 for c ≥ 12 in 2 checks (the guess is the furthest, known to meet it)", () => {
    // Margin c − 12: −9 at 3, 0 at 12: crossing at 12, index 8, the furthest. Checks: 12; 11 (not met).
    expect(search({ c: 3 })).toEqual({ advice: [{ star: "top", changes: [{ fact: "c", from: 3, to: 12 }] }], checks: 2 });
  });
  it("a condition that is not linear: sq 2 → 8 for sq² ≥ 50 in 5 checks (a guess off by three, a gallop, a bisection)", () => {
    // Values 3…20 (indexes 0…17). Margin sq² − 50: −46 at 2, 350 at 20; taken as linear it crosses at
    // 2 + 46·18/396 = 4.09, so index 2 (value 5). Checks: 20 (met); 5 (25, not met); gallop up from
    // index 3: 6 (36, not), then two steps on, 8 (64, met); bisect between: 7 (49, not). The answer is 8.
    expect(search({ sq: 2 })).toEqual({ advice: [{ star: "square", changes: [{ fact: "sq", from: 2, to: 8 }] }], checks: 5 });
  });
  it("two facts needed: pa 2 → 5 and pb 3 → 10 for pa + pb ≥ 15 in 8 checks", () => {
    // Both at their furthest (20, met): 1. Each alone at its furthest: pa 10 + pb 3 = 13, pa 2 + pb 10 = 12,
    // neither met: 2. Both: lower pa with pb at 10 (margin pa + 10 − 15 is −3 at 2, 5 at 10: guess 5;
    // 5 met, 4 not): 2. Lower pb with pa at 5 (margin −7 at 3, 0 at 10: the guess is 10, the furthest;
    // 9 not met): 1. A second round, each fact again with the other where it is now: pa's guess is 5,
    // its current value (4 not met): 1; pb's is 10 (9 not met): 1. Nothing moved: 8 checks. Every pair
    // summing to 15 costs the same (10 points of 10 moved), so the first fact lowered first wins.
    expect(search({ pa: 2, pb: 3 })).toEqual({ advice: [{ star: "pair", changes: [{ fact: "pa", from: 2, to: 5 }, { fact: "pb", from: 3, to: 10 }] }], checks: 8 });
  });
});

describe("the next level's cost, check by check (worked by hand)", () => {
  // A conditional veto that never applies (a above 100) takes the search off the star-count
  // shortcut: the search then checks the rating itself, over every fact the rating reads that can
  // still move: serviceScore (95 of 100) and the facts below.
  const searched = compile(ruleset((r) => r.vetoes.push({ id: "never", label: label("从不", "never"), effect: "cancelStar", star: "tenth", when: "a > 100", source })));
  const level = (s: typeof scheme, facts: Record<string, unknown>) => {
    const r = ok(s.evaluate({ id: "s", facts: { ...ALL, ...facts } }));
    const before = searchStats.probes;
    const next = r.remediation.nextLevel;
    return { next, checks: searchStats.probes - before, r };
  };
  it("one more star of two: b 3 → 4 (1 of 12) before a 3 → 10 (7 of 12), in 7 checks", () => {
    // All three at their furthest: 1. serviceScore alone (100): no star, 1. a alone (12): met, 1; lowered
    // as for a ≥ 10 (guess 10 met, 9 not): 2. b alone (12): met, 1; its guess is 4, the next value: 1.
    const { next, checks, r } = level(searched, { a: 3, b: 3 });
    const n = r.stars.length;
    expect([r.rating.stars, next, checks]).toEqual([n - 2, { to: n - 1, changes: [{ fact: "b", from: 3, to: 4 }] }, 7]);
  });
  it("one fact, two stars it could earn: the nearer crossing decides, d 3 → 6 in 5 checks", () => {
    // d's margins: d − 10 crosses at 10, d − 6 at 6; either star is one more, so the guess is 6 (met),
    // then 5 (not). With serviceScore and the first check: 5.
    const { next, checks } = level(searched, { d: 3 });
    expect([next!.changes, checks]).toEqual([[{ fact: "d", from: 3, to: 6 }], 5]);
  });
  it("on the star-count shortcut: each missing star's own advice (3 and 2 checks), remembered for nextStar and for the next subject", () => {
    const fresh = compile(ruleset());
    const { next, checks, r } = level(fresh, { a: 3, b: 3 });
    expect([next!.changes, checks]).toEqual([[{ fact: "b", from: 3, to: 4 }], 5]);
    const before = searchStats.probes;
    expect(r.remediation.nextStar.map((x) => x.star)).toEqual(["tenth", "next"]);
    expect(searchStats.probes - before).toBe(0);
    // Another subject, the same a and b (its service score differs, and is not read by those stars).
    expect(level(fresh, { a: 3, b: 3, serviceScore: 90 }).checks).toBe(0);
  });
});

describe("the next level on a score's bands, check by check (worked by hand)", () => {
  const level = (id: "liuzhou/village" | "liuzhou/learning", facts: Record<string, unknown>) => {
    const r = ok(compile(rulesets[id] as RulesetSource).evaluate({ id: "s", facts }));
    const before = searchStats.probes;
    const next = r.remediation.nextLevel;
    return [r.rating, next, searchStats.probes - before];
  };
  it("Liuzhou village, all six areas 65 (level 2): one area 65 → 94.97 lifts the rounded mean to 70.00, in 43 checks", () => {
    // The mean is rounded half-up to 2 decimals. Six facts can move (65 → 100, hundredths); all six at
    // 100 meet level 3: 1 check. Each alone at 100: mean 425/6 = 70.83, met: 1 check. Its margin,
    // rounded mean − 70, is −5 at 65 and 0.83 at 100: the guess 65 + 5·35/5.83 = 95.017 → 95.02 (met).
    // Gallop down: 95.01 (met), 94.99 (69.998 → 70.00, met), 94.95 (69.9917 → 69.99, not); bisect:
    // 94.97 (69.995 → 70.00, met), 94.96 (69.9933 → 69.99, not). 1 + 6 checks per area, 6 areas:
    // 1 + 42 = 43. Each costs 29.97 of 100: a tie, the first declared wins.
    const facts = { organization: 65, team: 65, economy: 65, civility: 65, massReview: 65, specialWork: 65 };
    expect(level("liuzhou/village", facts)).toEqual([{ kind: "level", stars: 2, max: 5 }, { to: 3, changes: [{ fact: "organization", from: 65, to: 94.97 }] }, 43]);
  });
  it("Liuzhou village with an unrounded mean (a fraction): 65 → 95, in 31 checks, the guess a hair past 95", () => {
    // The mean n/d is a fraction on the fast path; its margin at one area 100 is 425/6 − 70, in
    // floating point 0.8333333333333286, so the guess 6500 + 5·3500/5.833333333333329 = 9500.000000000002
    // (hundredths) rounds up to 95.01 (met); then 95 (exactly 70, met), 94.98 (not), 94.99 (not):
    // 1 + 4 checks per area, 1 + 30 in all.
    const src = structuredClone(rulesets["liuzhou/village"]) as unknown as { scores: { total: { round?: number } } };
    delete src.scores.total.round;
    const r = ok(compile(src as unknown as RulesetSource).evaluate({ id: "s", facts: { organization: 65, team: 65, economy: 65, civility: 65, massReview: 65, specialWork: 65 } }));
    const before = searchStats.probes;
    expect(r.remediation.nextLevel).toEqual({ to: 3, changes: [{ fact: "organization", from: 65, to: 95 }] });
    expect(searchStats.probes - before).toBe(31);
  });
  it("Liuzhou learning, total 70 (average): leadership 14 → 24 (10 of 28) before learning effect 10 → 20 (10 of 20), in 7 checks", () => {
    // Three facts can move: project progress (6 of 12), leadership (14 of 28), learning effect (10 of 20).
    // All at their furthest: 100, met: 1. Project progress alone at 12: 76, not met: 1. Leadership alone
    // at 28: 84, met: 1; its margin (total − 80) is −10 at 14 and 4 at 28: guess 24 (met), 23.99 (not): 2.
    // Learning effect alone at 20: 80, met: 1; its guess is 20, the furthest: 19.99 (not): 1. Total 7.
    const facts = { projectProgress: 6, leadershipAttention: 14, studySystem: 20, taskCompletion: 15, learningEffect: 10, funding: 5 };
    expect(level("liuzhou/learning", facts)).toEqual([{ kind: "grade", grade: "average" }, { to: "fairlyGood", changes: [{ fact: "leadershipAttention", from: 14, to: 24 }] }, 7]);
  });
});

describe("a star over many facts: the fewest-facts search has a budget", () => {
  /** A star on the sum of n whole-number items (0–10 each) reaching `need`, the subject at 0 on all. */
  function many(n: number, need: number) {
    const ids = Array.from({ length: n }, (_, i) => `i${i}`);
    const s = compile(ruleset((r) => {
      for (const id of ids) r.facts[id] = int(id, 10);
      r.stars.push(star("many", `${ids.join(" + ")} >= ${need}`));
    }));
    const facts = { ...ALL, ...Object.fromEntries(ids.map((id) => [id, 0])) };
    const before = searchStats.probes;
    const result = ok(s.evaluate({ id: "s", facts }));
    const advice = result.remediation.nextStar.find((x) => x.star === "many")!;
    const checks = searchStats.probes - before;
    const table = () => {
      const head = Object.keys(facts);
      const out = s.evaluateTable([["id", ...head], ["s", ...head.map((h) => (facts as Record<string, unknown>)[h])]], { locale: "en" });
      return out[1]![out[0]!.indexOf("nextStar")];
    };
    return { advice, checks, all: (k: number) => ids.slice(0, k).map((fact) => ({ fact, from: 0, to: 10 })), words: (locale: "zh" | "en") => s.explain(result, { locale }), table, result };
  }
  it("12 items, 100 needed: every set of ten is searched; the first, i0…i9 all to 10, is the fewest", () => {
    const { advice, all } = many(12, 100);
    expect(advice).toEqual({ star: "many", changes: all(10) });
  });
  it("20 items, 170 needed: past the budget, an irreducible change — all 20 at 10, then i19, i18, i17 left out (170 still met), no more", () => {
    const { advice, checks, all } = many(20, 170);
    expect(advice).toEqual({ star: "many", changes: all(17), approximate: true });
    expect(checks).toBeGreaterThan(SEARCH_BUDGET);
    expect(checks).toBeLessThan(SEARCH_BUDGET + 200);
  });
  it("the next level too: no star needs one fact, so every fact the rating reads is searched, to the budget", () => {
    // Candidates: serviceScore (95 of 100) and i0…i19. Left out from the last: i19, i18, i17, then
    // serviceScore (it earns nothing); i16…i0 stay.
    // Every star but "many" is earned: the next level is all of them.
    const { result, all } = many(20, 170);
    expect(result.remediation.nextLevel).toEqual({ to: result.stars.length, changes: all(17), approximate: true });
  });
  it("the words say so: （未必是最少的改动） / (possibly not the fewest changes)", () => {
    const { words } = many(20, 170);
    expect(words("zh")).toContain("i16 0→10（未必是最少的改动）");
    expect(words("en")).toContain("i16 0→10 (possibly not the fewest changes)");
    expect(many(12, 100).words("zh")).not.toContain("未必");
    expect(many(20, 170).table()).toMatch(/^many: i0 0→10, .*, i16 0→10 \(possibly not the fewest changes\)$/);
  });
});

describe("the cost of a change is measured against the fact's range", () => {
  // hrs: 2–12 (a range of 10); ab: 0–20, effort lowers it (20); vis: at least 0, no maximum (one unit).
  const ranged = compile(ruleset((r) => {
    r.facts.hrs = { ...int("hrs", 12), min: 2 };
    r.facts.ab = { ...int("ab", 20), improve: "down" };
    r.facts.vis = { type: "integer", min: 0, label: label("vis", "vis"), source };
    r.stars.push(star("hrsStar", "hrs >= 6"), star("abStar", "ab <= 2"), star("visStar", "vis >= 4"));
  }));
  const base = { ...ALL, hrs: 12, ab: 0, vis: 9 };
  // serviceScore 95.125 (three decimals, still earned) takes a subject to the exact path.
  for (const [path, more] of [["fast", {}], ["exact", { serviceScore: "95.125" }]] as const) {
    const next = (facts: Record<string, unknown>) => ok(ranged.evaluate({ id: "s", facts: { ...base, ...more, ...facts } })).remediation.nextLevel!.changes;
    it(`${path}: hrs 4 → 6 is 2 of 10 (20 %), ab 5 → 2 is 3 of 20 (15 %): ab; ab 6 → 2 is 4 of 20 (20 %), a tie: hrs, declared first`, () => {
      expect(next({ hrs: 4, ab: 5 })).toEqual([{ fact: "ab", from: 5, to: 2 }]);
      expect(next({ hrs: 4, ab: 6 })).toEqual([{ fact: "hrs", from: 4, to: 6 }]);
    });
    it(`${path}: without a maximum a change counts in units: vis 3 → 4 is 1, ab 20 → 2 is 18 of 20 (0.9): ab`, () => {
      expect(next({ vis: 3, ab: 20 })).toEqual([{ fact: "ab", from: 20, to: 2 }]);
    });
  }
});
