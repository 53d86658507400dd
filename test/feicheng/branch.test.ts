import { describe, expect, it } from "vitest";
import { compile } from "../../src/index.js";
import { rulesets } from "../untyped.js";
import { ok } from "../helpers.js";

const scheme = compile(rulesets["feicheng/branch"]);
/** Categories summing to `sum` (spread evenly, each ≤ 20) and a role score. */
function branch(sum: number, role: number | string, more: Record<string, unknown> = {}) {
  const each = sum / 5;
  return { id: "f", facts: { domain: "rural", team: each, operation: each, orgLife: each, memberMgmt: each, basicSupport: each, roleScore: role, ...more } };
}
const EXAMPLE = { domain: "rural", team: 19, operation: 18, orgLife: 19, memberMgmt: 18, basicSupport: 19, roleScore: 95 };

describe("feicheng/branch — worked example 6", () => {
  it("rural, categories 93, role 95 → total 93.8, level 5; a religiousInfiltration veto caps it at 4: 400 a month, 4800 a year", () => {
    const clean = ok(scheme.evaluate({ id: "f", facts: EXAMPLE }));
    expect([clean.scores.total, clean.rating]).toEqual(["93.8", { kind: "level", stars: 5, max: 5 }]);
    const r = ok(scheme.evaluate({ id: "f", facts: { ...EXAMPLE, vetoes: ["religiousInfiltration"] } }));
    expect(r.rating).toEqual({ kind: "level", stars: 4, max: 5 });
    expect(r.vetoes).toEqual([{ id: "religiousInfiltration", label: { zh: "宗教势力渗透蔓延", en: "religious infiltration" }, effect: "capLevel", cap: 4 }]);
    expect(r.tier.payments).toEqual([{ id: "secretaryAllowance", label: { zh: "村党支部书记星级补贴", en: "village secretary allowance" }, amount: "400", period: "month", perYear: "4800" }]);
    const cohort = scheme.evaluateCohort([{ id: "f", facts: { ...EXAMPLE, vetoes: ["religiousInfiltration"] } }]);
    expect(cohort.payments).toEqual({ total: "4800" });
  });
});

// The level bands at their boundaries are data: rulesets/feicheng/branch.fixtures.json.

describe("feicheng/branch — vetoes cap the level at 4", () => {
  const vetoes = ["committeeSeriousViolation", "criminalGangErosion", "religiousInfiltration", "electionMisconduct", "collectiveAssetsDisorder", "majorIncident", "orgLifeVoid"];
  it.each(vetoes)("%s turns a five-star branch into four stars", (v) => {
    expect(ok(scheme.evaluate({ id: "f", facts: { ...EXAMPLE, vetoes: [v] } })).rating.stars).toBe(4);
  });
  it("the city review's rejection caps at 4 too, and shows as a capLevel veto", () => {
    const r = ok(scheme.evaluate({ id: "f", facts: { ...EXAMPLE, cityReviewRejected: true } }));
    expect(r.rating.stars).toBe(4);
    expect(r.vetoes.map((v) => [v.id, v.effect, v.cap])).toEqual([["cityReviewRejected", "capLevel", 4]]);
  });
  it("a veto does not touch a level already below the cap", () => {
    expect(ok(scheme.evaluate(branch(70, 70, { vetoes: ["majorIncident"] }))).rating.stars).toBe(3);
  });
  it("the four unnamed situations are marked as defaults in the trace", () => {
    const r = ok(scheme.evaluate({ id: "f", facts: { ...EXAMPLE, vetoes: ["majorIncident", "religiousInfiltration"] } }));
    expect(r.trace.filter((t) => t.rule.startsWith("vetoes.")).map((t) => [t.rule, t.isDefault])).toEqual([["vetoes.religiousInfiltration", false], ["vetoes.majorIncident", true]]);
  });
});

describe("feicheng/branch — tiers and payments", () => {
  it("five-star rural: 500 a month (6000 a year) and 10000 working funds a year", () => {
    const r = ok(scheme.evaluate({ id: "f", facts: EXAMPLE }));
    expect(r.tier.payments!.map((p) => [p.id, p.amount, p.period, p.perYear])).toEqual([["secretaryAllowance", "500", "month", "6000"], ["workingFunds", "10000", "year", "10000"]]);
    expect(r.tier.actions.map((a) => a.id)).toEqual(["demonstrationCandidate"]);
  });
  it("five-star community: no village allowance and, by default, no working funds", () => {
    expect(ok(scheme.evaluate({ id: "f", facts: { ...EXAMPLE, domain: "community" } })).tier.payments).toEqual([]);
    const open = scheme.with({ fundsRuralOnly: false });
    expect(ok(open.evaluate({ id: "f", facts: { ...EXAMPLE, domain: "community" } })).tier.payments!.map((p) => p.id)).toEqual(["workingFunds"]);
  });
  it("three stars rural: 300 a month; levels 1 and 2 are lowStar with 包保整顿", () => {
    expect(ok(scheme.evaluate(branch(70, 75))).tier.payments!.map((p) => p.perYear)).toEqual(["3600"]);
    for (const [sum, role] of [[60, 60], [40, 40]] as const) {
      const r = ok(scheme.evaluate(branch(sum, role)));
      expect([r.tier.id, r.tier.actions.map((a) => a.id), r.tier.payments]).toEqual(["lowStar", ["leaderBaobao"], []]);
    }
  });
  it("a cohort sums the year's payments exactly", () => {
    // 5★ rural 6000 + 10000; 4★ rural 4800; 3★ rural 3600; 5★ community 0 → 24400.
    const c = scheme.evaluateCohort([
      { id: "a", facts: EXAMPLE },
      { id: "b", facts: { ...EXAMPLE, vetoes: ["orgLifeVoid"] } },
      branch(70, 75),
      { id: "d", facts: { ...EXAMPLE, domain: "community" } },
    ]);
    expect(c.payments).toEqual({ total: "24400" });
    expect(c.distribution).toEqual({ "3": 1, "4": 1, "5": 2 });
  });
  it("a weak and lax branch gets the four measures of 四个一", () => {
    expect(ok(scheme.evaluate({ id: "f", facts: { ...EXAMPLE, weakLax: true } })).remediation.steps.map((s) => s.id)).toEqual([
      "cityLeaderLiaison", "townshipLeaderAssist", "firstSecretary", "cityDeptPairing",
    ]);
  });
});

describe("feicheng/branch — dynamics (一年一评、能上能下)", () => {
  it("a mid-year downgrade lowers the level after the veto cap, with its reason in the trace", () => {
    const events = [{ type: "downgrade", date: "2024-07-01", levels: 1, reason: "巡察发现组织生活不规范" }];
    const r = ok(scheme.evaluate({ id: "f", facts: { ...EXAMPLE, vetoes: ["majorIncident"] }, events }, { asOf: "2024-12-31" }));
    expect(r.rating.stars).toBe(3); // 5, capped at 4, then down 1
    const t = r.trace.find((e) => e.rule === "events.downgrade")!;
    expect(t.outcome).toBe("downgraded 4 → 3 on 2024-07-01: 巡察发现组织生活不规范");
    expect(t.source).toMatchObject({ quote: expect.stringContaining("坚决摘星降级") });
    expect(r.tier.payments!.map((p) => p.amount)).toEqual(["300"]);
  });
  it("a downgrade cannot go below level 1; a malformed event is bad input", () => {
    const r = ok(scheme.evaluate({ id: "f", facts: branch(60, 60).facts, events: [{ type: "downgrade", date: "2024-03-01", levels: 3, reason: "x" }] }));
    expect(r.rating.stars).toBe(1);
    const bad = scheme.evaluate({ id: "f", facts: EXAMPLE, events: [{ type: "demote", date: "2024-13-01", levels: 0 }] });
    expect(bad.ok ? [] : bad.errors.map((e) => e.path.join("."))).toEqual(["events.0.type"]);
    const late = scheme.evaluate({ id: "f", facts: EXAMPLE, events: [{ type: "downgrade", date: "2025-01-02", levels: 1, reason: "x" }] }, { asOf: "2024-12-31" });
    expect(late.ok ? [] : late.errors).toMatchObject([{ path: ["events", 0, "date"], message: "the event on 2025-01-02 is after asOf (2024-12-31)" }]);
  });
  it("levels move both ways against last year", () => {
    const y1 = ok(scheme.evaluate(branch(70, 70), { asOf: "2023-12-31" }));
    const y2 = ok(scheme.evaluate({ id: "f", facts: EXAMPLE }, { asOf: "2024-12-31", history: [y1] }));
    const y3 = ok(scheme.evaluate(branch(60, 60), { asOf: "2025-12-31", history: [y1, y2] }));
    expect([y2.change, y3.change]).toEqual([{ gained: [], lost: [], from: 3, to: 5 }, { gained: [], lost: [], from: 5, to: 2 }]);
  });
});

describe("feicheng/branch — the allowance follows the level, whatever 低星级 means (lowStarMax)", () => {
  // The seed pays 500/400/300 a month to 5/4/3-star rural branches, unconditionally; 低星级 has no
  // cut-off in the seed, so who counts as low-star (包保整顿) is the default lowStarMax = 2.
  const level = (r: ReturnType<typeof scheme.evaluate>) => ok(r).rating.stars;
  const outcome = (s: typeof scheme, f: ReturnType<typeof branch>) => {
    const r = ok(s.evaluate(f));
    return [r.rating.stars, r.tier.id, r.tier.actions.map((a) => a.id), r.tier.payments!.map((p) => p.perYear)];
  };
  const two = branch(60, 60), three = branch(70, 75);
  it("the fixtures are a 2-star and a 3-star rural branch", () => {
    expect([level(scheme.evaluate(two)), level(scheme.evaluate(three))]).toEqual([2, 3]);
  });
  it("by default: 3 stars are paid 300 a month with no 包保; 2 stars get 包保 and no allowance", () => {
    expect(outcome(scheme, three)).toEqual([3, "threeStar", [], ["3600"]]);
    expect(outcome(scheme, two)).toEqual([2, "lowStar", ["leaderBaobao"], []]);
  });
  it("lowStarMax 1: a 2-star branch is still not paid (it was 300 a month), and is no longer under 包保", () => {
    expect(outcome(scheme.with({ lowStarMax: 1 }), two)).toEqual([2, "lowStar", [], []]);
    expect(outcome(scheme.with({ lowStarMax: 1 }), three)).toEqual([3, "threeStar", [], ["3600"]]);
  });
  it("lowStarMax 3 (低星级 read as 三星以下) compiles: a 3-star branch keeps its 300 a month and is under 包保", () => {
    expect(outcome(scheme.with({ lowStarMax: 3 }), three)).toEqual([3, "threeStar", ["leaderBaobao"], ["3600"]]);
    expect(outcome(scheme.with({ lowStarMax: 3 }), branch(80, 85))).toEqual([4, "fourStar", [], ["4800"]]);
  });
});

describe("feicheng/branch — the trace names the tier items that applied", () => {
  const items = (r: ReturnType<typeof scheme.evaluate>) => ok(r).trace.map((t) => t.rule).filter((rule) => rule.startsWith("tiers."));
  const full = { domain: "rural", team: 20, operation: 20, orgLife: 20, memberMgmt: 20, basicSupport: 20, roleScore: 100 };
  it("five stars, rural: both payments; not rural: neither, unless working funds are opened to every branch", () => {
    expect(items(scheme.evaluate({ id: "f", facts: full }))).toEqual(["tiers.fiveStar", "tiers.fiveStar.payments.secretaryAllowance", "tiers.fiveStar.payments.workingFunds"]);
    expect(items(scheme.evaluate({ id: "f", facts: { ...full, domain: "community" } }))).toEqual(["tiers.fiveStar"]);
    expect(items(scheme.with({ fundsRuralOnly: false }).evaluate({ id: "f", facts: { ...full, domain: "community" } }))).toEqual(["tiers.fiveStar", "tiers.fiveStar.payments.workingFunds"]);
  });
  it("four stars, rural: the allowance but not the leader's assignment (4 > lowStarMax 2); one star: the assignment", () => {
    // Categories 80 and role 85: total 0.6·80 + 0.4·85 = 82, level 4; categories 50 and role 20: 30 + 8 = 38, level 1.
    expect(items(scheme.evaluate(branch(80, 85)))).toEqual(["tiers.fourStar", "tiers.fourStar.payments.secretaryAllowance"]);
    expect(items(scheme.evaluate(branch(50, 20)))).toEqual(["tiers.lowStar", "tiers.lowStar.actions.leaderBaobao"]);
  });
});
