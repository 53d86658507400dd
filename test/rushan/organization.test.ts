import { describe, expect, it } from "vitest";
import { compile } from "../../src/index.js";
import { rulesets } from "../untyped.js";
import { earned, ok } from "../helpers.js";

const scheme = compile(rulesets["rushan/organization"]);
const ALL = {
  teamBuilding: true, ranksManagement: true, coBuilding: true, workMechanism: true, positionSupport: true,
  gridGovernance: true, servePeople: true, socialStability: true, tackleHard: true,
  partyServiceBrand: 80, sanitation: 60, illegalConstruction: 75,
  surveySatisfied: 8, surveyValid: 10,
};
const org = (facts: Record<string, unknown>, id = "o-1") => ({ id, facts });

describe("rushan/organization", () => {
  it("every star earned: 10 stars, qualified, consolidate with commendation; sanitation at exactly 60 passes (>= 60)", () => {
    const r = ok(scheme.evaluate(org(ALL)));
    expect(r.rating).toMatchObject({ stars: 10, max: 10 });
    expect(r.qualified).toBe(true);
    expect(r.tier.id).toBe("consolidate");
    expect(r.tier.actions.map((a) => a.id)).toEqual(["commendation"]);
    expect(r.remediation.steps).toEqual([]); // organizations get tier actions, no remediation steps
  });

  it("a quantitative item below 60 removes its star only (量化扣分摘星)", () => {
    const r = ok(scheme.evaluate(org({ ...ALL, sanitation: "59.99" })));
    expect(earned(r)).not.toContain("gridGovernance");
    expect(r.rating.stars).toBe(9);
    expect(r.qualified).toBe(false); // 网格管理星 is a basic star
    const grid = r.stars.find((s) => s.id === "gridGovernance")!;
    expect(grid.reason.en).toBe("not earned: the urban-rural sanitation integration score is below 60");
  });

  it("each quantitative item belongs to its own star", () => {
    expect(earned(scheme.evaluate(org({ ...ALL, partyServiceBrand: 10 })))).not.toContain("servePeople");
    expect(earned(scheme.evaluate(org({ ...ALL, illegalConstruction: 0 })))).not.toContain("socialStability");
    expect(ok(scheme.evaluate(org({ ...ALL, partyServiceBrand: 10, illegalConstruction: 0 }))).rating.stars).toBe(8);
  });

  it("群众满意星 needs more than 70%: 7 of 10 is not enough, 71 of 100 is", () => {
    expect(earned(scheme.evaluate(org({ ...ALL, surveySatisfied: 7 })))).not.toContain("massSatisfaction");
    expect(earned(scheme.evaluate(org({ ...ALL, surveySatisfied: 71, surveyValid: 100 })))).toContain("massSatisfaction");
  });

  it("every organization star is veto-eligible, pioneer stars included", () => {
    const r = ok(scheme.evaluate(org({ ...ALL, vetoes: ["massSatisfaction", "tackleHard"] })));
    expect(r.rating.stars).toBe(8);
    expect(r.stars.filter((s) => s.vetoedBy.length).map((s) => s.id)).toEqual(["tackleHard", "massSatisfaction"]);
    expect(r.qualified).toBe(true);
  });

  it("5 to 7 stars: improve (抓规范、抓提升), no action", () => {
    // Lose tackleHard, massSatisfaction (7 of 10 is not above 70 %) and gridGovernance (sanitation 59) → 7 stars.
    const r = ok(scheme.evaluate(org({ ...ALL, tackleHard: false, surveySatisfied: 7, sanitation: 59 })));
    expect([r.rating.stars, r.tier.id, r.tier.actions, r.qualified]).toEqual([7, "improve", [], false]);
  });

  it("4 stars or fewer: rectify, linked to weak-and-lax team rectification", () => {
    const four = { ...ALL, ranksManagement: false, coBuilding: false, workMechanism: false, positionSupport: false, gridGovernance: false, tackleHard: false };
    const r = ok(scheme.evaluate(org(four)));
    // teamBuilding, servePeople, socialStability, massSatisfaction
    expect(r.rating.stars).toBe(4);
    expect(r.tier.id).toBe("rectify");
    expect(r.tier.actions.map((a) => a.id)).toEqual(["weakLaxReview"]);
  });

  it("declares the five publication steps with a 5-day public notice (a default)", () => {
    expect(scheme.ruleset.procedure!.map((p) => p.id)).toEqual(["preliminary", "briefing", "publicNotice", "appeal", "publication"]);
    expect(scheme.ruleset.parameters!.publicNoticeDays!.value).toBe(5);
    expect("default" in scheme.ruleset.parameters!.publicNoticeDays!.source).toBe(true);
  });
});
