import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../src/index.js";
import { ok } from "./helpers.js";

// docs/examples/example-branch.json: the complete example of the write-your-own guide.
const scheme = compile(JSON.parse(readFileSync(new URL("../docs/examples/example-branch.json", import.meta.url), "utf8")));
const all = { meetings: 4, lessons: true, dues: true, serviceScore: 80, satisfaction: "0.95" };

describe("the example ruleset of the write-your-own guide", () => {
  it("compiles, and says what the guide says it does", () => {
    expect([scheme.id, scheme.version, scheme.facts.map((f) => f.id)]).toEqual(["example/branch", "1.0.0", ["meetings", "lessons", "dues", "serviceScore", "satisfaction", "vetoes"]]);
  });
  it("4 meetings (at least 4), 80 points (达到 80 includes 80), 95 % (above 90 %): five stars, commended", () => {
    const r = ok(scheme.evaluate({ id: "a", facts: all }));
    expect([r.rating, r.tier.id, r.tier.actions.map((a) => a.id)]).toEqual([{ kind: "stars", stars: 5, max: 5 }, "fiveStar", ["commend"]]);
  });
  it("a major incident caps it at four stars", () => {
    expect(ok(scheme.evaluate({ id: "a", facts: { ...all, vetoes: ["majorIncident"] } })).rating.stars).toBe(4);
  });
  it("one star (dues only; 90 % is not above 90 %): rectification within six months, and the cheapest second star", () => {
    const r = ok(scheme.evaluate({ id: "b", facts: { meetings: 3, lessons: false, dues: true, serviceScore: "79.5", satisfaction: "0.9" } }, { asOf: "2026-12-31" }));
    expect([r.rating.stars, r.tier.id]).toEqual([1, "weak"]);
    // 2026-12-31 + 6 months is 2027-06-30 (the month's last day).
    expect(r.remediation.steps.map((s) => [s.id, s.due])).toEqual([["rectify", "2027-06-30"]]);
    // 79.5 → 80 is 0.5 of 100 (0.005 of the range), less than 0.9 → 0.91 (0.01) or 3 → 4 meetings (1/12).
    expect(r.remediation.nextLevel).toEqual({ to: 2, changes: [{ fact: "serviceScore", from: 79.5, to: 80 }] });
  });
  it("its notice lasts 7 calendar days: from 2026-12-01, to 2026-12-08", () => {
    expect(scheme.deadline("notice", "2026-12-01")).toBe("2026-12-08");
  });
});
