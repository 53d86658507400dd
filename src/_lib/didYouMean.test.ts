import { describe, expect, it } from "vitest";
import { closest, editDistance } from "./didYouMean.js";

describe("did you mean", () => {
  it.each([
    ["satisfation", ["satisfaction", "surveyValid"], "satisfaction"],
    ["gird", ["grid", "regional"], "grid"], // a swap is one edit
    ["orgLifeScor", ["orgLifeScore", "orgAwareness"], "orgLifeScore"],
    ["组织生活量化考核得份", ["组织生活量化考核得分"], "组织生活量化考核得分"],
    ["姓名", ["编号", "id"], undefined], // two-character words are not typos of each other
    ["avg", ["sum", "mean", "max"], undefined],
    ["STARCOUNT", ["starCount"], "starCount"],
  ])("%s → %s", (name, known, expected) => {
    expect(closest(name, known)).toBe(expected);
  });
  it("counts edits", () => {
    expect([editDistance("kitten", "sitting"), editDistance("ab", "ba"), editDistance("", "abc")]).toEqual([3, 1, 3]);
  });
});
