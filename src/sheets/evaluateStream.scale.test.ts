import { describe, expect, it } from "vitest";
import { compile } from "../index.js";
import { rulesets } from "../../test/untyped.js";
import { generate } from "../../test/streamMembers.js";

/**
 * Streaming at scale: a million members through evaluateStream with bounded heap growth. A scale
 * test (seconds, not an answer worked by hand): mutation runs leave it out (vitest.mutation.config.ts).
 */

describe("evaluateStream at scale", () => {
  it("streams 1,000,000 generated members in order, with bounded heap growth", async () => {
    const member = compile(rulesets["rushan/member"]);
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

});
