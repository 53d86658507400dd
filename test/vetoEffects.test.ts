import { describe, expect, it } from "vitest";
import { compile, RulesetError } from "../src/index.js";
import { rulesets } from "./untyped.js";
import { ALL_MEMBER_BOOLEANS, edited, ok } from "./helpers.js";

/**
 * Each veto effect on each kind of rating, worked by hand: a cap never raises a rating, and a
 * disqualifying veto (no bundled ruleset has one) sends a star count to 0, levels to the lowest
 * level and grades to the last grade. Schemes are built inside each test.
 */

/** Feicheng: five categories at `c` and the role score at `role`: total 0.6 × 5c + 0.4 × role. */
const branch = (c: number, role: number, vetoes: string[] = []) => ({ id: "b", facts: { domain: "rural", team: c, operation: c, orgLife: c, memberMgmt: c, basicSupport: c, roleScore: role, vetoes } });

describe("a capping veto (Feicheng: at most 4)", () => {
  it("caps a level above the cap and leaves one below it: 20s and 100 → 100, level 5 → 4; 12s and 60 → 60, level 2 stays 2", () => {
    const scheme = compile(rulesets["feicheng/branch"]);
    expect(ok(scheme.evaluate(branch(20, 100, ["majorIncident"]))).rating.stars).toBe(4);
    expect(ok(scheme.evaluate(branch(12, 60, ["majorIncident"]))).rating.stars).toBe(2);
    // At the cap it stays: 0.6 × 85 + 0.4 × 75 = 81 → level 4.
    expect(ok(scheme.evaluate(branch(17, 75, ["majorIncident"]))).rating.stars).toBe(4);
  });
});

describe("a disqualifying veto", () => {
  it("levels: the lowest level whatever the score (Feicheng with majorIncident disqualifying: 100 → level 1)", () => {
    const scheme = compile(edited("feicheng/branch", (r) => {
      const v = r.vetoes.find((x: { id: string }) => x.id === "majorIncident");
      v.effect = "disqualify";
      delete v.cap;
    }));
    const r = ok(scheme.evaluate(branch(20, 100, ["majorIncident"])));
    expect(r.rating.stars).toBe(1);
    expect(r.vetoes.map((v) => [v.id, v.effect])).toEqual([["majorIncident", "disqualify"]]);
    expect(ok(scheme.evaluate(branch(20, 100))).rating.stars).toBe(5);
  });

  it("a star count: every star vetoed, 0 stars (Rushan member with ideals disqualifying)", () => {
    const scheme = compile(edited("rushan/member", (r) => (r.vetoes.find((x: { id: string }) => x.id === "ideals").effect = "disqualify")));
    const r = ok(scheme.evaluate({ id: "m", facts: { ...ALL_MEMBER_BOOLEANS, orgLifeScore: 8, surveySatisfied: 9, surveyValid: 10, vetoes: ["ideals"] } }));
    expect(r.rating.stars).toBe(0);
    expect(r.stars.every((s) => !s.earned && s.vetoedBy.includes("ideals"))).toBe(true);
    expect(r.stars.find((s) => s.id === "duty")!.reason.zh).toBe("一票否决：理想信念星一票否决项，取消该星评定资格");
    // The advice: every star is blocked by the veto; the next level too.
    expect(r.remediation.nextLevel).toEqual({ to: 1, changes: [], blockedBy: ["ideals"] });
  });

  it("grades: the last grade (Liuzhou learning with a disqualifying veto: 100 points → poor, 差)", () => {
    const scheme = compile(edited("liuzhou/learning", (r) => {
      r.facts.vetoes = { type: "list", of: "vetoes", default: [], label: { zh: "一票否决情形", en: "vetoes" }, source: { default: "a test veto list" } };
      r.vetoes = [{ id: "fraud", label: { zh: "弄虚作假", en: "fraud" }, effect: "disqualify", source: { default: "a test veto" } }];
    }));
    const good = { projectProgress: 12, leadershipAttention: 28, studySystem: 20, taskCompletion: 15, learningEffect: 20, funding: 5 }; // total 100
    const grades = [scheme.evaluate({ id: "a", facts: good }), scheme.evaluate({ id: "b", facts: { ...good, vetoes: ["fraud"] } })].map((r) => ok(r).rating.grade);
    expect(grades[0]).toBe("good");
    expect(grades[1]).toBe("poor");
  });
});

describe("a cap the rating cannot take is a RulesetError, not a subject without a tier (found by npm run fuzz)", () => {
  it("a literal cap of 0 on Feicheng's levels 1–5, and a parameter set to 6, each at its path with Chinese", () => {
    const zero = edited("feicheng/branch", (r) => (r.vetoes[0].cap = 0));
    expect(() => compile(zero)).toThrow(RulesetError);
    try {
      compile(zero);
    } catch (e) {
      expect((e as RulesetError).issues.map((i) => [i.path, i.message, i.zh])).toEqual([
        [["vetoes", 0, "cap"], `cap of veto "committeeSeriousViolation" is 0, outside the rating's 1–5`, `一票否决项 "committeeSeriousViolation" 的最高星级 0 超出星级范围 1–5`],
      ]);
    }
    expect(() => compile(rulesets["feicheng/branch"]).with({ vetoCapLevel: 6 })).toThrow(/cap of veto "committeeSeriousViolation" is 6 \(parameter "vetoCapLevel"\), outside the rating's 1–5/);
  });
});
