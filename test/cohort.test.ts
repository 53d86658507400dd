import { describe, expect, it } from "vitest";
import { compile } from "../src/index.js";
import { rulesets } from "./untyped.js";

const qianjin = compile(rulesets["qianjin/organization"]);

describe("evaluateCohort — nothing is lost", () => {
  it("1,000 subjects with 10 malformed rows: 1,000 results in input order, 10 with errors, N = 990", () => {
    const subjects: unknown[] = Array.from({ length: 1000 }, (_, i) => ({
      id: `o${i}`,
      facts: { grid: 16 + (i % 5) * 0.5, regional: 16, professional: 16, smartService: 16, standardizedOperation: 10 + (i % 7) },
    }));
    const broken: [number, unknown][] = [
      [3, null],
      [50, { id: "o50", facts: { grid: "high", regional: 16, professional: 16, smartService: 16, standardizedOperation: 16 } }],
      [99, { id: "o99" }],
      [100, { id: "o100", facts: { grid: 21, regional: 16, professional: 16, smartService: 16, standardizedOperation: 16 } }],
      [250, { id: "o250", facts: { grid: 16, regional: 16, professional: 16, smartService: 16 } }],
      [400, { id: "o400", facts: { grid: 16, regional: 16, professional: 16, smartService: 16, standardizedOperation: 16, weakLax: "no" } }],
      [512, { facts: { grid: 16, regional: 16, professional: 16, smartService: 16, standardizedOperation: 16 } }],
      [640, "o640"],
      [777, { id: "o777", facts: { grid: 16, regional: 16, professional: 16, smartService: 16, standardizedOperation: 16, gird: 3 } }],
      [999, { id: "o999", facts: [] }],
    ];
    for (const [i, s] of broken) subjects[i] = s;
    const c = qianjin.evaluateCohort(subjects, { asOf: "2024-12-31" });
    expect(c.results).toHaveLength(1000);
    const bad = c.results.map((r, i) => [i, r.ok] as const).filter(([, isOk]) => !isOk).map(([i]) => i);
    expect(bad).toEqual(broken.map(([i]) => i));
    c.results.forEach((r, i) => {
      if (r.ok) expect(r.id).toBe(`o${i}`);
    });
    const o777 = c.results[777]!;
    expect(o777.ok ? [] : o777.errors).toMatchObject([{ path: ["facts", "gird"], message: 'unknown fact "gird" (did you mean "grid"?)' }]);
    // Standards: standardizedOperation = 10 + (i % 7) earns a star when i % 7 ≥ 6, so five-star rows are i ≡ 6 (mod 7).
    // Valid N = 990, so the five-star cap is floor(990 × 0.15) = 148 and the four-star cap floor(990 × 0.3) = 297.
    const five = c.results.filter((r) => r.ok && r.rating.stars === 5).length;
    expect(five).toBe(Math.min(148, [...Array(1000).keys()].filter((i) => i % 7 === 6 && !bad.includes(i)).length));
    expect(Object.values(c.distribution).reduce((a, b) => a + b, 0)).toBe(990);
  });

  it("rejects something that is not a list of subjects as a programmer error", () => {
    expect(() => qianjin.evaluateCohort(42 as never)).toThrow(TypeError);
    expect(qianjin.evaluateCohort([]).results).toEqual([]);
  });

  it("takes each subject's own history", () => {
    const facts = { grid: 16, regional: 16, professional: 16, smartService: 10, standardizedOperation: 10 };
    const before = qianjin.evaluate({ id: "a", facts: { ...facts, smartService: 16, standardizedOperation: 16 } });
    const c = qianjin.evaluateCohort([{ id: "a", facts, history: [before] }]);
    expect(c.results[0]!.ok && c.results[0]!.change).toEqual({ gained: [], lost: ["smartService", "standardizedOperation"], from: 5, to: 3 });
  });
});

describe("evaluateCohort — cuts, ties and options worked out by hand", () => {
  const STD = ["grid", "regional", "professional", "smartService", "standardizedOperation"];
  /** A Qianjin organization: `stars` standards at 16 (the first + extra), the rest at 10; total 80 + extra for five stars. */
  const org = (id: string, stars: number, extra = 0) => ({ id, facts: Object.fromEntries(STD.map((s, i) => [s, i < stars ? (i === 0 ? 16 + extra : 16) : 10])) });
  const low = Array.from({ length: 10 }, (_, i) => org(`z${i}`, 2));

  it("a tie run that reaches back before the cut: N = 14 (cap 2), five-star totals 84, 84, 84, 80 → all four demoted under demoteTied", () => {
    const c = qianjin.evaluateCohort([org("a", 5, 4), org("b", 5, 4), org("c", 5, 4), org("d", 5, 0), ...low]);
    expect(c.adjustments.map((a) => [a.id, a.rule, a.tie, a.applied])).toEqual([
      ["a", "quota.fiveStar", true, true],
      ["b", "quota.fiveStar", true, true],
      ["c", "quota.fiveStar", true, true],
      ["d", "quota.fiveStar", false, true],
    ]);
    // The four-star pool is those four; cap floor(14 × 0.3) = 4: all stay at four.
    expect(c.distribution).toEqual({ "2": 10, "4": 4 });
  });

  it("byId keeps the lower ids in code-unit order (t1 < t10 < t2), whatever the input order", () => {
    // N = 14: cap floor(14 × 0.15) = 2 five-star places for three tied at 84.
    const c14 = qianjin.with({ tiePolicy: "byId" }).evaluateCohort([org("t2", 5, 4), org("t10", 5, 4), org("t1", 5, 4), ...low, org("z10", 2)]);
    expect(c14.adjustments.filter((a) => a.rule === "quota.fiveStar").map((a) => [a.id, a.tie, a.reason.en])).toEqual([
      ["t2", true, "quota fiveStar: at most 15% of 14 may hold 5 (cap 2); ranked 3 of 3 by total, tied: demoted to 4"],
    ]);
    expect(c14.results.slice(0, 3).map((r) => (r.ok ? r.rating.stars : -1))).toEqual([4, 5, 5]);
    expect(c14.results.slice(0, 3).map((r) => (r.ok ? r.rank : undefined))).toEqual([1, 1, 1].map((position) => ({ by: "total", position, of: 14 })));
  });

  it("byId over a long tied run (40 five-star rows at 84, given in reverse): the 7 lowest ids in code-unit order keep five stars", () => {
    // N = 50: cap floor(50 × 0.15) = 7. Ids t0…t39 in code-unit order: t0, t1, t10, …, t19, t2, t20, …
    const tied = Array.from({ length: 40 }, (_, k) => org(`t${39 - k}`, 5, 4));
    const c = qianjin.with({ tiePolicy: "byId" }).evaluateCohort([...tied, ...low]);
    const five = c.results.filter((r) => r.ok && r.rating.stars === 5).map((r) => r.id);
    expect(five.sort()).toEqual(["t0", "t1", "t10", "t11", "t12", "t13", "t14"]);
    const demoted = c.adjustments.filter((a) => a.rule === "quota.fiveStar");
    expect(demoted).toHaveLength(33);
    expect(demoted.slice(0, 7).map((a) => [a.id, a.tie])).toEqual([["t15", true], ["t16", true], ["t17", true], ["t18", true], ["t19", true], ["t2", true], ["t20", true]]);
    expect(demoted[0]!.reason.en).toBe("quota fiveStar: at most 15% of 50 may hold 5 (cap 7); ranked 8 of 40 by total, tied: demoted to 4");
    expect(demoted[32]!.id).toBe("t9");
  });

  it("byId with two rows of one id tied at the cut: the first in input order keeps its place", () => {
    // N = 12: cap floor(12 × 0.15) = 1 five-star place for two rows "x" at 84.
    const c = qianjin.with({ tiePolicy: "byId" }).evaluateCohort([org("x", 5, 4), org("x", 5, 4), ...low]);
    expect(c.results.slice(0, 2).map((r) => (r.ok ? r.rating.stars : -1))).toEqual([5, 4]);
  });

  it("graded cohorts list the distribution best grade first", () => {
    const yantian = compile(rulesets["yantian/organization"]);
    const all = (v: number) => ({ level: "committee", leader: v, workSystem: v, venue: v, supportMechanism: v, performance: v, massContact: v, evaluation: v });
    const c = yantian.evaluateCohort([{ id: "p", facts: all(40) }, { id: "g", facts: all(95) }, { id: "p2", facts: all(50) }]);
    expect(Object.entries(c.distribution)).toEqual([["good", 1], ["poor", 2]]);
    expect(c.results.map((r) => (r.ok ? r.rank!.position : 0))).toEqual([3, 1, 2]);
  });

  it("options reach every subject: asOf dates the steps; advice serializes what it would take", () => {
    const c = qianjin.evaluateCohort([org("a", 3)], { asOf: "2024-12-31", advice: true });
    const json = JSON.parse(JSON.stringify(c.results[0]));
    expect(json.remediation.steps).toEqual([{ id: "problemList", label: expect.anything(), due: "2025-12-31" }]);
    expect(json.remediation.nextStar.map((n: { star: string }) => n.star)).toEqual(["smartService", "standardizedOperation"]);
    const plain = JSON.parse(JSON.stringify(qianjin.evaluateCohort([org("a", 3)]).results[0]));
    expect(plain.remediation).toEqual({ steps: [{ id: "problemList", label: expect.anything() }] });
  });

  it("results of one date share their dated steps; another date dates them again", () => {
    // Qianjin: a 3-star organization lists its problems within a year (problemList, due asOf + 1 year).
    const steps = (asOf: string) => qianjin.evaluateCohort([org("a", 3), org("b", 3)], { asOf }).results.map((r) => (r.ok ? r.remediation.steps : undefined));
    const [a, b] = steps("2024-12-31");
    expect(a).toBe(b);
    expect(a!.map((s) => s.due)).toEqual(["2025-12-31"]);
    const [c] = steps("2025-03-01");
    expect(c!.map((s) => s.due)).toEqual(["2026-03-01"]);
    // Back to the first date: the same steps again (a new array, equal).
    expect(steps("2024-12-31")[0]).toEqual(a);
  });

  it("a programmer error names what it got", () => {
    expect(() => qianjin.evaluateCohort(null as never)).toThrow("evaluateCohort() expects an array of subjects, got null");
    expect(() => qianjin.evaluateCohort(7 as never)).toThrow("evaluateCohort() expects an array of subjects, got number");
    expect(() => qianjin.evaluateCohort({} as never)).toThrow("evaluateCohort() expects an array of subjects, got object");
    const c = qianjin.evaluateCohort([null, "x"]);
    expect(c.results.map((r) => (r.ok ? "" : r.errors[0]!.message))).toEqual([
      "a subject must be an object { id, facts }, got null",
      "a subject must be an object { id, facts }, got string",
    ]);
  });
});
