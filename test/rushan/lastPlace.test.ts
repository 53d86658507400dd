import { describe, expect, it } from "vitest";
import { compile } from "../../src/index.js";
import { rulesets } from "../untyped.js";
import { ok } from "../helpers.js";

const scheme = compile(rulesets["rushan/organization"]);
const ALL = {
  teamBuilding: true, ranksManagement: true, coBuilding: true, workMechanism: true, positionSupport: true,
  gridGovernance: true, servePeople: true, socialStability: true, tackleHard: true,
  partyServiceBrand: 80, sanitation: 75, illegalConstruction: 75, surveySatisfied: 8, surveyValid: 10,
};
const org = (id: string, more: Record<string, unknown>) => ({ id, facts: { ...ALL, ...more } });

describe("rushan/organization — 末位淘汰 in a cohort (schemes.md §2)", () => {
  it("the organization ranked last on an item loses that item's star; a cohort-wide tie has no last place", () => {
    const c = scheme.evaluateCohort([
      org("a", { partyServiceBrand: 90 }),
      org("b", { partyServiceBrand: 85 }),
      org("c", { partyServiceBrand: 70 }), // last on 党建服务品牌 → loses servePeople
      org("d", { partyServiceBrand: 88 }),
    ]);
    // sanitation and illegalConstruction are 75 for everyone: no last place there.
    expect(c.adjustments.map((a) => [a.id, a.rule, a.from, a.to, a.tie, a.applied])).toEqual([["c", "lastPlace.partyServiceBrand", 10, 9, false, true]]);
    const last = ok(c.results[2]!);
    expect(last.rating.stars).toBe(9);
    expect(last.stars.find((s) => s.id === "servePeople")).toMatchObject({ earned: false, vetoedBy: [] });
    expect(last.stars.find((s) => s.id === "servePeople")!.reason.zh).toContain("末位淘汰");
    expect(last.tier.actions.map((a) => a.id)).toEqual([]); // 9 stars: no commendation any more
    expect(last.trace.find((t) => t.rule === "lastPlace.partyServiceBrand")!.path).toEqual(["cohort", "lastPlace", 0]);
    expect(ok(c.results[0]!).rating.stars).toBe(10);
  });

  it("organizations tied for last all lose the star, each entry marked as a tie", () => {
    const c = scheme.evaluateCohort([org("a", { sanitation: 90 }), org("b", { sanitation: 61 }), org("c", { sanitation: 61 })]);
    expect(c.adjustments.map((a) => [a.id, a.rule, a.tie])).toEqual([["b", "lastPlace.sanitation", true], ["c", "lastPlace.sanitation", true]]);
    // 网格管理星 is basic: both are no longer qualified.
    expect(c.results.map((r) => ok(r).qualified)).toEqual([true, false, false]);
  });

  it("an organization that does not hold the star anyway gets no adjustment; one last on two items loses both stars", () => {
    const c = scheme.evaluateCohort([
      org("a", {}),
      org("b", { illegalConstruction: 40 }), // below 60: no 社会稳定星 anyway, and last on the item
      org("c", { partyServiceBrand: 61, sanitation: 62 }), // last on two items
    ]);
    expect(c.adjustments.map((a) => [a.id, a.rule, a.from, a.to])).toEqual([
      ["c", "lastPlace.partyServiceBrand", 10, 9],
      ["c", "lastPlace.sanitation", 9, 8],
    ]);
    expect(c.results.map((r) => ok(r).rating.stars)).toEqual([10, 9, 8]);
    expect(c.distribution).toEqual({ "8": 1, "9": 1, "10": 1 });
  });

  it("ranks among valid organizations only, and exposes the rank on each result", () => {
    const c = scheme.evaluateCohort([org("a", { partyServiceBrand: 90 }), { id: "bad", facts: { teamBuilding: "yes" } }, org("c", { partyServiceBrand: 70 })]);
    expect(c.results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(c.adjustments.map((a) => a.id)).toEqual(["c"]);
    expect(c.results.map((r) => (r.ok ? r.rank : null))).toEqual([{ by: "rating", position: 1, of: 2 }, null, { by: "rating", position: 2, of: 2 }]);
  });
});

describe("rushan/organization — the last-place count is a parameter", () => {
  it("bottom 2: the two lowest lose the star; ties at the cut lose it too", () => {
    const two = scheme.with({ lastPlaceCount: 2 });
    const c = two.evaluateCohort([org("a", { partyServiceBrand: 90 }), org("b", { partyServiceBrand: 70 }), org("c", { partyServiceBrand: 80 }), org("d", { partyServiceBrand: 75 })]);
    // Ascending 70, 75, 80, 90: the cut is 75 → b and d lose 为民服务星.
    expect(c.adjustments.map((a) => [a.id, a.tie])).toEqual([["b", false], ["d", false]]);
    const tied = two.evaluateCohort([org("a", { partyServiceBrand: 90 }), org("b", { partyServiceBrand: 70 }), org("c", { partyServiceBrand: 75 }), org("d", { partyServiceBrand: 75 })]);
    // Cut 75 (second from the bottom) with c and d tied on it: three lose it, marked as ties.
    expect(tied.adjustments.map((a) => [a.id, a.tie])).toEqual([["b", true], ["c", true], ["d", true]]);
  });
});
