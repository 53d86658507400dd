import { describe, expect, it } from "vitest";
import { compile, rulesets } from "../src/index.js";

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
    expect(o777.ok ? [] : o777.errors).toEqual([{ path: ["facts", "gird"], message: 'unknown fact "gird" (did you mean "grid"?)' }]);
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
