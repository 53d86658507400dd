import { describe, expect, it } from "vitest";
import { remember } from "./remember.js";

describe("remember", () => {
  it("keeps up to the limit, then starts over with the new entry", () => {
    const m = new Map<number, string>();
    for (let i = 0; i < 3; i++) expect(remember(m, i, `v${i}`, 3)).toBe(`v${i}`);
    expect([...m.keys()]).toEqual([0, 1, 2]);
    remember(m, 3, "v3", 3);
    expect([...m.entries()]).toEqual([[3, "v3"]]);
  });
});
