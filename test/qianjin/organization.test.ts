import { describe, expect, it } from "vitest";
import { compile, type Result } from "../../src/index.js";
import { rulesets } from "../untyped.js";
import { ok } from "../helpers.js";

const scheme = compile(rulesets["qianjin/organization"]);

/**
 * An organization with `stars` standards at 16 (the first gets `extra`, 0–4, on top) and the rest at 10.
 * Totals: five stars 80 + extra, four 74 + extra, three 68 + extra, two 62 + extra.
 */
function org(id: string, stars: number, extra = 0, more: Record<string, unknown> = {}) {
  if (extra < 0 || extra > 4) throw new Error("extra must keep the standard within 0–20");
  const ids = ["grid", "regional", "professional", "smartService", "standardizedOperation"];
  const facts: Record<string, unknown> = {};
  ids.forEach((s, i) => (facts[s] = i < stars ? 16 : 10));
  if (stars > 0) facts.grid = (16 * 100 + Math.round(extra * 100)) / 100;
  return { id, facts: { ...facts, ...more } };
}
const stars = (r: Result) => ok(r).rating.stars;
/** Evaluates a cohort and checks that no row was rejected (a broken fixture must not shrink N silently). */
function cohortOf(s: typeof scheme, subjects: unknown[]) {
  const c = s.evaluateCohort(subjects);
  expect(c.results.filter((r) => !r.ok)).toEqual([]);
  return c;
}

describe("qianjin/organization — worked example 3", () => {
  it("18, 16, 15.5, 20, 17 → 4 stars (15.5 < 16), total 86.5, fourStar, 8 bonus points", () => {
    const r = ok(scheme.evaluate({ id: "q", facts: { grid: 18, regional: 16, professional: 15.5, smartService: 20, standardizedOperation: 17 } }));
    expect(r.rating).toMatchObject({ stars: 4, max: 5 });
    expect(r.scores.total).toBe("86.5");
    expect(r.tier.id).toBe("fourStar");
    expect(r.tier.bonusPoints).toBe("8");
    expect(r.stars.filter((s) => !s.earned).map((s) => s.id)).toEqual(["professional"]);
  });
});

describe("qianjin/organization — every tier", () => {
  it.each([
    [5, "fiveStar", "10", ["priorityRecommendation", "demonstrationSite", "partyFeeSubsidy"]],
    [4, "fourStar", "8", ["candidateRecommendation", "advancedOrgShortlist", "talks"]],
    [3, "threeStar", "5", ["pairWithFiveStar"]],
    [2, "twoStar", "1", ["rectificationPlan", "noCountyAward"]],
    [1, "oneStarOrNone", "0", ["leaderLiaison", "rectificationPlan", "noCountyAward"]],
    [0, "oneStarOrNone", "0", ["leaderLiaison", "rectificationPlan", "noCountyAward"]],
  ])("%i stars → %s, %s points", (n, tier, points, actions) => {
    const r = ok(scheme.evaluate(org("o", n)));
    expect([r.rating.stars, r.tier.id, r.tier.bonusPoints, r.tier.actions.map((a) => a.id)]).toEqual([n, tier, points, actions]);
  });
  it("a weak and lax team adds weakLaxRectification at one star or none, and nowhere else", () => {
    expect(ok(scheme.evaluate(org("o", 1, 0, { weakLax: true }))).tier.actions.map((a) => a.id)).toContain("weakLaxRectification");
    expect(ok(scheme.evaluate(org("o", 0, 0, { weakLax: true }))).tier.actions.map((a) => a.id)).toContain("weakLaxRectification");
    expect(ok(scheme.evaluate(org("o", 2, 0, { weakLax: true }))).tier.actions.map((a) => a.id)).not.toContain("weakLaxRectification");
    expect(ok(scheme.evaluate(org("o", 1))).tier.actions.map((a) => a.id)).not.toContain("weakLaxRectification");
  });
  it("三星级以下 includes 3: a problem list due at the next evaluation for 3 stars or fewer, none for 4", () => {
    expect(ok(scheme.evaluate(org("o", 3), { asOf: "2024-12-31" })).remediation.steps.map((s) => [s.id, s.due])).toEqual([["problemList", "2025-12-31"]]);
    expect(ok(scheme.evaluate(org("o", 0), { asOf: "2024-12-31" })).remediation.steps.map((s) => s.id)).toEqual(["problemList"]);
    expect(ok(scheme.evaluate(org("o", 4), { asOf: "2024-12-31" })).remediation.steps).toEqual([]);
  });
});

describe("qianjin/organization — boundaries", () => {
  it("exactly 16 earns a star (达到16分), 15.99 does not, and the scale stops at 20", () => {
    const f = { grid: 16, regional: "15.99", professional: 20, smartService: 0, standardizedOperation: "16.0" };
    const r = ok(scheme.evaluate({ id: "o", facts: f }));
    expect(r.stars.map((s) => s.earned)).toEqual([true, false, true, false, true]);
    expect(r.scores.total).toBe("67.99");
    const bad = scheme.evaluate({ id: "o", facts: { ...f, professional: 20.01 } });
    expect(bad.ok ? [] : bad.errors).toMatchObject([{ path: ["facts", "professional"], message: '"professional" must be at most 20, got 20.01' }]);
  });
});

/** Ten five-star organizations with totals 100, 99, …, 91 (ids o00 … o09). */
function tenFiveStars() {
  return Array.from({ length: 10 }, (_, i) => {
    // Total = 80 + 20 - i: spread the 20 - i points above 16 over the five standards (each at most 20).
    let left = 20 - i;
    const facts: Record<string, number> = {};
    for (const s of ["grid", "regional", "professional", "smartService", "standardizedOperation"]) {
      const add = Math.min(4, left);
      facts[s] = 16 + add;
      left -= add;
    }
    return { id: `o${String(i).padStart(2, "0")}`, facts };
  });
}

describe("qianjin/organization — quotas (worked example 4)", () => {
  it("10 five-star organizations, totals 100 … 91: cap 1 five-star (floor 1.5), cap 3 four-star (floor 3.0) → 1 × 5, 3 × 4, 6 × 3, 15 adjustments", () => {
    const c = scheme.evaluateCohort(tenFiveStars(), { asOf: "2024-12-31" });
    expect(c.results.map((r) => ok(r).scores.total)).toEqual(["100", "99", "98", "97", "96", "95", "94", "93", "92", "91"]);
    expect(c.results.map(stars)).toEqual([5, 4, 4, 4, 3, 3, 3, 3, 3, 3]);
    expect(c.distribution).toEqual({ "3": 6, "4": 3, "5": 1 });
    // 9 demotions 5→4 (o01 … o09), then the four-star pool (those 9) capped at 3: o04 … o09 go 4→3.
    expect(c.adjustments.map((a) => [a.id, a.rule, a.from, a.to])).toEqual([
      ...["o01", "o02", "o03", "o04", "o05", "o06", "o07", "o08", "o09"].map((id) => [id, "quota.fiveStar", 5, 4]),
      ...["o04", "o05", "o06", "o07", "o08", "o09"].map((id) => [id, "quota.fourStar", 4, 3]),
    ]);
    expect(c.adjustments.every((a) => a.applied && !a.tie)).toBe(true);
  });

  it("a demoted organization gets everything that follows from its new rating: tier, points, actions, steps, trace", () => {
    const c = scheme.evaluateCohort(tenFiveStars(), { asOf: "2024-12-31" });
    const last = ok(c.results[9]!);
    expect([last.tier.id, last.tier.bonusPoints]).toEqual(["threeStar", "5"]);
    expect(last.remediation.steps.map((s) => [s.id, s.due])).toEqual([["problemList", "2025-12-31"]]);
    expect(last.stars.every((s) => s.earned)).toBe(true); // the stars stay earned; the quota caps the rating
    expect(last.trace.filter((t) => t.rule.startsWith("quota.")).map((t) => [t.rule, t.value])).toEqual([["quota.fiveStar", "4"], ["quota.fourStar", "3"]]);
    expect(last.rank).toEqual({ by: "total", position: 10, of: 10 });
  });

  it("exactly at the caps nothing moves: 20 organizations, 3 five-star (15 %) and 6 four-star (30 %)", () => {
    const cohort = [
      ...Array.from({ length: 3 }, (_, i) => org(`a${i}`, 5, i)),
      ...Array.from({ length: 6 }, (_, i) => org(`b${i}`, 4, i * 0.5)),
      ...Array.from({ length: 11 }, (_, i) => org(`c${i}`, 2, i * 0.1)),
    ];
    const c = cohortOf(scheme, cohort);
    expect(c.adjustments).toEqual([]);
    expect(c.distribution).toEqual({ "2": 11, "4": 6, "5": 3 });
  });

  it("one over the five-star cap cascades: the lowest five-star becomes four-star and pushes the lowest four-star down", () => {
    // N = 20: caps 3 and 6. Five-star a0..a3 (totals 80, 81, 82, 83): a0 is cut. Four-star b0..b5 plus a0 = 7 > 6.
    // Four-star totals: b_i = 74 + i/2; a0 = 80 is the highest, so b0 (74) is cut.
    const cohort = [
      ...Array.from({ length: 4 }, (_, i) => org(`a${i}`, 5, i)),
      ...Array.from({ length: 6 }, (_, i) => org(`b${i}`, 4, i * 0.5)),
      ...Array.from({ length: 10 }, (_, i) => org(`c${i}`, 2, i * 0.1)),
    ];
    const c = cohortOf(scheme, cohort);
    expect(c.adjustments.map((a) => [a.id, a.rule])).toEqual([["a0", "quota.fiveStar"], ["b0", "quota.fourStar"]]);
    expect(c.distribution).toEqual({ "2": 10, "3": 1, "4": 6, "5": 3 });
  });

  it("6 organizations: floor(6 × 0.15) = 0 allows no five-star; minCap 1 keeps the best one", () => {
    const six = Array.from({ length: 6 }, (_, i) => org(`o${i}`, 5, i * 0.5));
    const plain = cohortOf(scheme, six);
    // All six drop to four; floor(6 × 0.3) = 1 four-star: o5 (total 82.5) stays, five go to three.
    expect(plain.results.map(stars)).toEqual([3, 3, 3, 3, 3, 4]);
    // minCap 1: o5 keeps five stars; of the other five, o4 (82) keeps four.
    const soft = cohortOf(scheme.with({ minCap: 1 }), six);
    expect(soft.results.map(stars)).toEqual([3, 3, 3, 3, 4, 5]);
  });
});

describe("qianjin/organization — ties at a quota cut are never broken silently", () => {
  // Ten five-star organizations; t0 and t1 share the top total 84, the rest 83.5, 83.25, … 81.75. Cap 1 five-star.
  const tied = () => [org("t1", 5, 4), org("t0", 5, 4), ...Array.from({ length: 8 }, (_, i) => org(`u${i}`, 5, 3.5 - i * 0.25))];

  it("demoteTied (default): both tied organizations are demoted, so no five-star remains; their entries say tie", () => {
    const c = cohortOf(scheme, tied());
    const five = c.adjustments.filter((a) => a.rule === "quota.fiveStar");
    expect(five).toHaveLength(10);
    expect(five.filter((a) => a.tie).map((a) => a.id).sort()).toEqual(["t0", "t1"]);
    expect(c.distribution["5"]).toBeUndefined();
    // The four-star pool is all ten; cap 3 (floor 3.0): t0, t1 (84) and u0 (83.5) stay.
    expect(c.results.map((r) => [r.id, stars(r)])).toEqual([["t1", 4], ["t0", 4], ["u0", 4], ...Array.from({ length: 7 }, (_, i) => [`u${i + 1}`, 3])]);
  });

  it("keepTied: both stay five-star over the cap, recorded as an unapplied entry", () => {
    const c = cohortOf(scheme.with({ tiePolicy: "keepTied" }), tied());
    expect(c.results.slice(0, 2).map(stars)).toEqual([5, 5]);
    const over = c.adjustments.filter((a) => !a.applied);
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({ rule: "quota.fiveStar", from: 5, to: 5, tie: true });
    expect(c.distribution).toEqual({ "3": 5, "4": 3, "5": 2 });
  });

  it("byId: the lower id keeps the place", () => {
    const c = cohortOf(scheme.with({ tiePolicy: "byId" }), tied());
    expect(c.results.map((r) => [r.id, stars(r)]).slice(0, 2)).toEqual([["t1", 4], ["t0", 5]]);
    expect(c.adjustments.find((a) => a.id === "t1")).toMatchObject({ rule: "quota.fiveStar", tie: true, applied: true });
  });

  it("report mode lists the same changes, unapplied, and leaves every result as evaluated alone", () => {
    const enforce = scheme.evaluateCohort(tenFiveStars());
    const report = scheme.with({ quotaMode: "report" }).evaluateCohort(tenFiveStars());
    expect(report.adjustments.map((a) => [a.id, a.rule, a.from, a.to])).toEqual(enforce.adjustments.map((a) => [a.id, a.rule, a.from, a.to]));
    expect(report.adjustments.every((a) => !a.applied)).toBe(true);
    expect(report.results.map(stars)).toEqual(Array(10).fill(5));
    expect(report.distribution).toEqual({ "5": 10 });
  });
});

describe("qianjin/organization — simulations", () => {
  it("a generated cohort of 300 under a 15 % and a 20 % five-star quota", () => {
    // 100 five-star, 50 four-star, 150 two-star; every total distinct.
    const cohort = [
      ...Array.from({ length: 100 }, (_, i) => org(`a${String(i).padStart(3, "0")}`, 5, i * 0.01)),
      ...Array.from({ length: 50 }, (_, i) => org(`b${String(i).padStart(3, "0")}`, 4, i * 0.01)),
      ...Array.from({ length: 150 }, (_, i) => org(`c${String(i).padStart(3, "0")}`, 2, i * 0.01)),
    ];
    const at15 = cohortOf(scheme, cohort);
    // 15 %: cap 45 five-star → 55 demoted to four; four-star pool 50 + 55 = 105 > cap 90 → 15 to three.
    expect(at15.distribution).toEqual({ "2": 150, "3": 15, "4": 90, "5": 45 });
    expect(at15.adjustments.filter((a) => a.rule === "quota.fiveStar")).toHaveLength(55);
    expect(at15.adjustments.filter((a) => a.rule === "quota.fourStar")).toHaveLength(15);
    // The 15 cut from four-star are the lowest totals of the pool: b000 … b014 (totals 74.00 … 74.14 < every demoted five-star).
    expect(at15.adjustments.filter((a) => a.rule === "quota.fourStar").map((a) => a.id).sort()).toEqual(Array.from({ length: 15 }, (_, i) => `b${String(i).padStart(3, "0")}`));

    const twenty = scheme.with({ fiveStarShare: "0.2" });
    expect(twenty.version).toBe("1.0.0+override");
    const at20 = cohortOf(twenty, cohort);
    // 20 %: cap 60 → 40 demoted; four-star pool 50 + 40 = 90 = cap 90 → nobody to three.
    expect(at20.distribution).toEqual({ "2": 150, "4": 90, "5": 60 });
    expect(at20.adjustments).toHaveLength(40);
    expect(at20.results.every((r) => r.ok && r.ruleset.version === "1.0.0+override")).toBe(true);
  });
});

describe("qianjin/organization — procedure", () => {
  it("declares the five steps with a 15-working-day appeal", () => {
    expect(scheme.ruleset.procedure!.map((p) => [p.id, p.workingDays ?? null])).toEqual([
      ["selfEvaluation", null], ["preliminaryReview", null], ["organizationalReview", null], ["appeal", "appealWorkingDays"], ["ledger", null],
    ]);
  });
});

