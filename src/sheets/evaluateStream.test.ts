import { describe, expect, it } from "vitest";
import { compile } from "../index.js";
import { rulesets } from "../../test/untyped.js";

const member = compile(rulesets["rushan/member"]);

async function* generate(n: number) {
  for (let i = 0; i < n; i++) {
    yield {
      id: `m-${i}`,
      facts: {
        ideals: i % 2 === 0, orgAwareness: true, moralConduct: i % 3 !== 0, exemplar: true, duty: i % 5 !== 0, volunteer: true, stability: i % 7 !== 0, tackleHard: true,
        orgLifeScore: (i % 1001) / 100, surveyValid: 20, surveySatisfied: i % 21,
      },
    };
  }
}

describe("evaluateStream", () => {
  it("streams 1,000,000 generated members in order, with bounded heap growth", async () => {
    const N = 1_000_000;
    const before = process.memoryUsage().heapUsed;
    let count = 0, peak = 0, okCount = 0, tenStars = 0;
    for await (const r of member.evaluateStream(generate(N), { asOf: "2024-12-31" })) {
      if (r.id !== `m-${count}`) throw new Error(`out of order at ${count}`);
      count++;
      if (r.ok) {
        okCount++;
        if (r.rating.stars === 10) tenStars++;
      }
      if (count % 100_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    const growthMB = (peak - before) / 2 ** 20;
    console.log(`evaluateStream: ${count} members, heap growth at most ${growthMB.toFixed(1)} MB`);
    expect(count).toBe(N);
    expect(okCount).toBe(N);
    // Ten stars need i even, i % 3, 5, 7 ≠ 0, org life > 6 (i % 1001 ≥ 601) and more than 80 % (i % 21 ≥ 17): some, not all.
    expect(tenStars).toBeGreaterThan(0);
    // Holding 1,000,000 results would take hundreds of MB; a stream stays far below.
    expect(growthMB).toBeLessThan(96);
  }, 120_000);

  it("takes sync iterables too, and bad subjects come out as ok: false in place", async () => {
    const out = [];
    for await (const r of member.evaluateStream([{ id: "a", facts: {} }, { id: "b", facts: { ideals: "yes" } }])) out.push([r.id, r.ok]);
    expect(out).toEqual([["a", false], ["b", false]]);
  });

  it("refuses a ruleset with cohort rules unless told to ignore them", async () => {
    const qianjin = compile(rulesets["qianjin/organization"]);
    await expect(async () => {
      for await (const _ of qianjin.evaluateStream([])) void _;
    }).rejects.toThrow('ruleset "qianjin/organization" has cohort rules (quota.fiveStar, quota.fourStar)');
    const out = [];
    for await (const r of qianjin.evaluateStream([{ id: "q", facts: { grid: 20, regional: 20, professional: 20, smartService: 20, standardizedOperation: 20 } }], { cohortRules: "ignore" })) out.push(r.ok && r.rating.stars);
    expect(out).toEqual([5]);
  });
});
