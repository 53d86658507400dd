import { describe, expect, it } from "vitest";
import { compile } from "../../src/index.js";
import { rulesets } from "../untyped.js";
import { ok } from "../helpers.js";

const learning = compile(rulesets["liuzhou/learning"]);
const village = compile(rulesets["liuzhou/village"]);
const rubric = (v: number[]) => ({ id: "l", facts: { projectProgress: v[0], leadershipAttention: v[1], studySystem: v[2], taskCompletion: v[3], learningEffect: v[4], funding: v[5] } });
const areas = (v: (number | string)[]) => ({ id: "v", facts: { organization: v[0], team: v[1], economy: v[2], civility: v[3], massReview: v[4], specialWork: v[5] } });

describe("liuzhou/learning — the 100-point rubric (12 + 28 + 20 + 15 + 20 + 5)", () => {
  it.each([
    [[12, 28, 20, 15, 20, 5], "100", "good"],
    [[10, 25, 18, 14, 18, 5], "90", "good"],
    [[10, 25, 18, 14, 17.5, 5], "89.5", "fairlyGood"],
    [[10, 22, 16, 12, 15, 5], "80", "fairlyGood"],
    [[8, 17, 12, 10, 10, 3], "60", "average"],
    [[8, 17, 12, 10, 9.99, 3], "59.99", "poor"],
  ])("%j → %s, %s", (v, total, grade) => {
    const r = ok(learning.evaluate(rubric(v)));
    expect([r.scores.total, r.rating.grade, r.tier.id, r.tier.actions]).toEqual([total, grade, grade, []]);
  });
  it("each item stops at its points: 12.5 of 12 is bad input", () => {
    const r = learning.evaluate(rubric([12.5, 28, 20, 15, 20, 5]));
    expect(r.ok ? [] : r.errors).toMatchObject([{ path: ["facts", "projectProgress"], message: '"projectProgress" must be at most 12, got 12.5' }]);
  });
});

describe("liuzhou/village — six areas, equal weights, Feicheng's bands", () => {
  it.each([
    [[90, 90, 90, 90, 90, 91], "90.17", 5, "fiveStar"], // 541 / 6 = 90.1666…
    [[90, 90, 90, 90, 90, 90], "90", 5, "fiveStar"],
    [[90, 90, 90, 90, 90, 89], "89.83", 4, "fourStar"], // 539 / 6: below 90, although it shows 89.83
    // 479.99 / 6 = 79.99833…, reported 80 (half-up, 2 places) and decided on that reported value.
    [[80, 80, 80, 80, 80, "79.99"], "80", 4, "fourStar"],
    [[80, 80, 80, 80, 80, "79.97"], "80", 4, "fourStar"], // 479.97 / 6 = 79.995 exactly: a tie, half-up to 80
    [[80, 80, 80, 80, 80, "79.94"], "79.99", 3, "threeStar"], // 479.94 / 6 = 79.99
  ])("%j → mean %s", (v, mean, level, tier) => {
    const r = ok(village.evaluate(areas(v)));
    expect([r.scores.total, r.rating.stars, r.tier.id]).toEqual([mean, level, tier]);
  });
  it("levels 2 and 1", () => {
    expect(ok(village.evaluate(areas([60, 60, 60, 60, 60, 60]))).tier.id).toBe("twoStar");
    expect(ok(village.evaluate(areas([10, 20, 30, 40, 50, 60]))).tier.id).toBe("oneStar");
  });
  it("moves up and down with history (升级 / 降级)", () => {
    const y1 = ok(village.evaluate(areas([75, 75, 75, 75, 75, 75])));
    const y2 = ok(village.evaluate(areas([85, 85, 85, 85, 85, 85]), { history: [y1] }));
    const y3 = ok(village.evaluate(areas([65, 65, 65, 65, 65, 65]), { history: [y1, y2] }));
    expect([y2.change!.from, y2.change!.to, y3.change!.from, y3.change!.to]).toEqual([3, 4, 4, 2]);
  });
});
