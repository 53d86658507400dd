import { describe, expect, it } from "vitest";
import { compile } from "../../src/index.js";
import { rulesets } from "../untyped.js";
import { ok } from "../helpers.js";

const village = compile(rulesets["liuzhou/village"]);
const areas = (v: (number | string)[]) => ({ id: "v", facts: { organization: v[0], team: v[1], economy: v[2], civility: v[3], massReview: v[4], specialWork: v[5] } });

// The rubric totals at every grade boundary, and bad input, are data: rulesets/liuzhou/learning.fixtures.json.

describe("liuzhou/village — six areas, equal weights, Feicheng's bands", () => {
  // The means at every band boundary (half-up ties included) and levels 2 and 1 are data: rulesets/liuzhou/village.fixtures.json.
  it("moves up and down with history (升级 / 降级)", () => {
    const y1 = ok(village.evaluate(areas([75, 75, 75, 75, 75, 75])));
    const y2 = ok(village.evaluate(areas([85, 85, 85, 85, 85, 85]), { history: [y1] }));
    const y3 = ok(village.evaluate(areas([65, 65, 65, 65, 65, 65]), { history: [y1, y2] }));
    expect([y2.change!.from, y2.change!.to, y3.change!.from, y3.change!.to]).toEqual([3, 4, 4, 2]);
  });
});
