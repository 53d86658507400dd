import { describe, expect, it } from "vitest";
import { compile, rulesets } from "../index.js";

const member = compile(rulesets["rushan/member"]);
const qianjin = compile(rulesets["qianjin/organization"]);
const HEAD = ["id", "rating", "tier", "stars", "vetoes", "remediation", "nextStar", "error"];

// Headers: ids and Chinese labels mixed, plus a name column that names no fact.
const header = ["编号", "姓名", "理想信念星定性评定", "orgAwareness", "moralConduct", "exemplar", "duty", "volunteer", "stability", "tackleHard", "组织生活量化考核得分", "surveySatisfied", "有效票数", "一票否决项"];

describe("evaluateTable — cells as spreadsheets give them", () => {
  const table = [
    header,
    // TRUE/FALSE, 是/否, 1/0 and real booleans; numbers as text; an empty veto cell.
    ["m-1", "王芳", "TRUE", "是", 1, true, "true", "FALSE", "否", 0, "6", "9", 10, ""],
    // A veto list separated by 、 mixing an id and a Chinese label; a Date where a number belongs.
    ["m-2", "李强", true, true, true, true, true, true, true, true, new Date(2024, 0, 1), 9, 10, "ideals、没有带头清理自家门前乱堆乱放"],
    // Missing org-life score (null) and 11 of 10.
    ["m-3", "赵敏", true, true, true, true, true, true, true, true, null, 11, 10, null],
    [],
    ["", "", "", "", "", "", "", "", "", "", "", "", "", ""],
    [3004, "孙伟", "是", "是", "是", "是", "否", "否", "否", "否", " 6.01 ", "7", "10", "ideals; exemplar"],
  ];
  // Chinese headers make a Chinese table by default; systems ask for ids and English.
  const makeOut = () => member.evaluateTable(table, { asOf: "2024-12-31", locale: "en" });

  it("returns a header row and one row per input row, in order; the 姓名 column comes back as name", () => {
    const out = makeOut();
    expect(out[0]).toEqual([...HEAD, "name"]);
    expect(out).toHaveLength(table.length);
  });
  it("row 1: 1/0, 是/否 and TRUE/FALSE read as booleans; '6' is not above 6 → stars and hint worked by hand", () => {
    const out = makeOut();
    // ideals ✓, orgAwareness ✗ (6 ≤ 6), moralConduct ✓, exemplar ✗ (6 ≤ 6), massRecognition ✓ (0.9), duty ✓, volunteer ✗, stability ✗, tackleHard ✗, massSatisfaction ✓ → 5 stars.
    expect(out[1]).toEqual(["m-1", 5, "improve", "ideals,moralConduct,massRecognition,duty,massSatisfaction", "", "", "orgAwareness: orgLifeScore 6→6.01", "", "王芳"]);
  });
  it("row 2: a date in a number column is an error for that row only", () => {
    const out = makeOut();
    expect(out[2]![0]).toBe("m-2");
    expect(out[2]![7]).toBe('column "组织生活量化考核得分": "(date)" is not a number; write digits such as 8.5, ８.５ or 7.5分');
    expect(out[2]!.slice(1, 7)).toEqual(["", "", "", "", "", ""]);
  });
  it("row 3: every problem of the row is named, with its fact", () => {
    const out = makeOut();
    expect(out[3]![7]).toBe('orgLifeScore: missing required fact "orgLifeScore" (组织生活量化考核得分); surveySatisfied: "surveySatisfied" must be at most "surveyValid" (10), got 11');
  });
  it("blank rows stay blank", () => {
    const out = makeOut();
    expect(out[4]).toEqual(["", "", "", "", "", "", "", "", ""]);
    expect(out[5]).toEqual(["", "", "", "", "", "", "", "", ""]);
  });
  it("row 6: a numeric id, numbers as padded text, a veto list split on ';'", () => {
    const out = makeOut();
    // ideals vetoed, exemplar vetoed; orgAwareness ✓ (6.01 > 6), moralConduct ✓, massRecognition ✓ (0.7), others ✗ → 3 stars → branch mentoring.
    // Cheapest next star: 群众满意星 by 7 → 9 of 10 (8 is exactly 80 %, not above): 2/10 of the range, less than any assessment (all of it).
    expect(out[6]).toEqual(["3004", 3, "rectify", "orgAwareness,moralConduct,massRecognition", "ideals,exemplar", "branchMentoring", "massSatisfaction: surveySatisfied 7→9", "", "孙伟"]);
  });
});

describe("evaluateTable — headers", () => {
  it("a header that nearly matches a fact is an error on every row, never a silently ignored column", () => {
    const out = member.evaluateTable([
      ["id", "ideals", "orgAwareness", "moralConduct", "exemplar", "duty", "volunteer", "stability", "tackleHard", "orgLifeScor", "surveySatisfied", "surveyValid"],
      ["m-1", true, true, true, true, true, true, true, true, 8, 9, 10],
    ]);
    expect(out[1]![7]).toBe('column 10 "orgLifeScor" is not a fact of rushan/member (did you mean "orgLifeScore"?)');
    const zh = member.evaluateTable([["编号", "组织生活量化考核得份"], ["m-1", 8]]);
    expect(zh[1]![7]).toBe("第 2 列“组织生活量化考核得份”不是本方案的事实项（是否应为“组织生活量化考核得分”？）");
    expect(out[1]![1]).toBe("");
  });
  it("two columns for one fact, or no id column, are errors too", () => {
    const out = member.evaluateTable([["ideals", "理想信念星定性评定"], [true, true]], { locale: "en" });
    expect(out[1]![7]).toBe('columns 1 and 2 both give "ideals"; no "id" (编号) column; row 2 has no id');
    expect(member.evaluateTable([["ideals", "理想信念星定性评定"], [true, true]])[1]![7]).toBe("第 1 列和第 2 列都填写“ideals”；缺少“编号”（id）列；第 2 行缺少编号");
  });
  it("Chinese output headers and extra columns", () => {
    // A one-row table is a cohort of one: floor(1 × 0.3) = 0 four-star places, so minCap 1 keeps it.
    const out = qianjin.with({ minCap: 1 }).evaluateTable(
      [["编号", "grid", "regional", "professional", "smartService", "standardizedOperation"], ["q", 18, 16, 15.5, 20, 17]],
      { headers: "zh", locale: "en", columns: ["scores", "bonusPoints", "rank", "nextLevel"] },
    );
    expect(out).toEqual([
      ["编号", "星级/等次", "档次", "所得星", "一票否决", "帮教整改", "争星提示", "错误", "得分", "加分", "排名", "升级提示"],
      ["q", 4, "fourStar", "grid,regional,smartService,standardizedOperation", "", "", "professional: professional 15.5→16", "", "total=86.5", 8, 1, "5: professional 15.5→16"],
    ]);
  });
  it("rejects something that is not a table as a programmer error", () => {
    expect(() => member.evaluateTable([] as never)).toThrow(TypeError);
    expect(() => member.evaluateTable("a,b" as never)).toThrow(TypeError);
  });
});

describe("evaluateTable — a table is one cohort", () => {
  it("applies Qianjin's quotas across the rows; a bad row does not count toward N", () => {
    // Worked example 4 as a sheet, plus one broken row: N stays 10.
    const rows = Array.from({ length: 10 }, (_, i) => [`o${i}`, 20, 20, 20, 20 - Math.min(4, i), 20 - Math.max(0, i - 4)]);
    const out = qianjin.evaluateTable([["id", "grid", "regional", "professional", "smartService", "standardizedOperation"], ...rows, ["bad", "x", 16, 16, 16, 16]]);
    expect(out.slice(1, 11).map((r) => r[1])).toEqual([5, 4, 4, 4, 3, 3, 3, 3, 3, 3]);
    expect(out[11]![7]).toBe('column "grid": "x" is not a number; write digits such as 8.5, ８.５ or 7.5分');
  });
});

describe("evaluateTable — cells no spreadsheet gives", () => {
  it("an object whose toString is not a function, or that has no prototype, is an error cell on its row; the other rows evaluate", () => {
    const head = ["id", "grid", "regional", "professional", "smartService", "standardizedOperation"];
    const out = qianjin.evaluateTable([head, ["o1", { toString: 0 }, 16, 16, 16, 16], ["o2", 16, 16, 16, 16, Object.create(null)], [{ toString: 0 }, 16, 16, 16, 16, 16], ["o4", 16, 16, 16, 16, 16]]);
    expect(out.map((r) => [r[0], r[1], r[7]])).toEqual([
      ["id", "rating", "error"],
      ["o1", "", 'column "grid": "(object)" is not a number; write digits such as 8.5, ８.５ or 7.5分'],
      ["o2", "", 'column "standardizedOperation": "(object)" is not a number; write digits such as 8.5, ８.５ or 7.5分'],
      ["", "", 'column "id": "(object)" is not text'],
      // The one valid row is a cohort of 1: five-star cap floor(1 × 15%) = 0 → 4, four-star cap floor(1 × 30%) = 0 → 3.
      ["o4", 3, ""],
    ]);
  });
});
