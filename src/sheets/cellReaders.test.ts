import { describe, expect, it } from "vitest";
import { compile, rulesets } from "../index.js";
import { modelOf } from "../scheme/models.js";
import { countReader, dateReader, factReader, isEmpty, readDate, textReader } from "./cells.js";

const member = modelOf(compile(rulesets["rushan/member"]));
const yantian = modelOf(compile(rulesets["yantian/organization"]));
const reader = (model: typeof member, fact: string, column = fact) => factReader(model, model.factById.get(fact)!, column);

describe("yes/no cells: every form the issue names, and nothing else", () => {
  const yn = reader(member, "ideals", "理想信念星定性评定");
  it.each(["是", "√", "✓", "✔", "合格", "通过", "有", "TRUE", "true", "1", "Y", "y", "yes", "ＹＥＳ", " 是 "])("%j → true", (c) => expect(yn(c)).toEqual({ value: true }));
  it.each(["否", "×", "✗", "✘", "不合格", "不通过", "无", "FALSE", "false", "0", "N", "n", "no", "　否　"])("%j → false", (c) => expect(yn(c)).toEqual({ value: false }));
  it("numbers 1 and 0, booleans as they are; 2, a date or an object is an error naming the column and what it got", () => {
    expect([yn(1), yn(0), yn(true), yn(false)]).toEqual([{ value: true }, { value: false }, { value: true }, { value: false }]);
    expect(yn(2).error).toMatchObject({ code: "bad_cell", path: ["facts", "ideals"], params: { column: "理想信念星定性评定", got: "2", kind: "boolean" } });
    expect(yn(new Date(2024, 0, 1)).error!.params.got).toBe("(date)");
    expect(yn(null).error!.params.got).toBe("null");
    expect(yn({}).error!.params.got).toBe("(object)");
    expect(yn("x".repeat(100)).error!.params.got).toBe(`${"x".repeat(60)}…`);
  });
});

describe("number cells", () => {
  const n = reader(member, "orgLifeScore", "组织生活量化考核得分");
  it.each([
    ["8", "8"], [".5", ".5"], ["5.", "5."], ["+3", "+3"], ["-1", "-1"], ["７.５分", "7.5"], [" 6 分 ", "6"], ["６", "6"],
  ])("%j → %j (passed on exactly; the evaluator checks range and digits)", (c, v) => expect(n(c)).toEqual({ value: v }));
  it.each(["", "-", "1.2.3", "5.x", "八", "1e3", "1,000", "6分分", "分"])("%j is an error", (c) => expect(n(c).error?.params.kind).toBe("number"));
  it("numbers pass as they are; NaN, Infinity and booleans are errors", () => {
    expect(n(7.25)).toEqual({ value: 7.25 });
    expect([n(Number.NaN).error?.code, n(Number.POSITIVE_INFINITY).error?.code, n(true).error?.params.got]).toEqual(["bad_cell", "bad_cell", "true"]);
  });
});

describe("enum and list cells", () => {
  it("an enum by id or Chinese label, the label matched after NFKC (full-width parentheses); anything else lists the choices", () => {
    const level = reader(yantian, "level", "党组织层级");
    expect([level("committee"), level("基层党（工）委"), level("基层党(工)委"), level("下一级党组织")]).toEqual([{ value: "committee" }, { value: "committee" }, { value: "committee" }, { value: "subordinate" }]);
    expect(level("支部").error!.params).toMatchObject({ kind: "enum", options: ["基层党(工)委(committee)", "下一级党组织(subordinate)"] });
    expect(level(3).error!.params.kind).toBe("enum");
  });
  it("list items by id, label or star name, split on every separator (runs of them too)", () => {
    const v = reader(member, "vetoes", "一票否决项");
    expect(v("ideals、、exemplar")).toEqual({ value: ["ideals", "exemplar"] });
    expect(v("理想信念星；组织观念星一票否决项, massRecognition\nideals")).toEqual({ value: ["ideals", "orgAwareness", "massRecognition", "ideals"] });
    expect(v("无")).toEqual({ value: [] });
    expect(v("理想信念星 x").error!.params).toMatchObject({ got: "x", kind: "list" });
    expect(v(5).error!.params.kind).toBe("list");
    expect(v("模范表率星").error!.params).toMatchObject({ ambiguous: ["exemplar", "clutterNotCleared"], options: ["模范表率星一票否决项", "没有带头清理自家门前乱堆乱放"] });
  });
});

describe("dates at their edges", () => {
  it.each([
    ["2000-02-29", "2000-02-29"], // divisible by 400: a leap year
    ["1900-02-29", undefined], // divisible by 100, not 400: not a leap year
    ["2024-02-29", "2024-02-29"],
    ["2023-02-29", undefined],
    ["2024-00-10", undefined],
    ["2024-12-00", undefined],
    ["2024-04-31", undefined],
    ["x2024-12-31", undefined],
    ["2024-12-31x", undefined],
    ["2024年12月31", "2024-12-31"],
    ["2024年12月31日x", undefined],
    ["x2024年12月31日", undefined],
  ])("%j → %j", (c, iso) => expect(readDate(c)).toBe(iso));
  it("the last serial number is 9999-12-31", () => {
    expect([readDate(2958465), readDate(2958466)]).toEqual(["9999-12-31", undefined]);
  });
});

describe("the other columns of a table", () => {
  it("a downgrade's levels: digits, or digits and 级; anything else an error", () => {
    const levels = countReader("降级级数", ["events", 0, "levels"]);
    expect([levels(2), levels("1级"), levels(" ２ "), levels("12")]).toEqual([{ value: 2 }, { value: 1 }, { value: 2 }, { value: 12 }]);
    for (const bad of ["一级", "1.5", "-1", true, null]) expect(levels(bad).error).toMatchObject({ code: "bad_cell", path: ["events", 0, "levels"], params: { column: "降级级数", kind: "number" } });
  });
  it("a date column: the day, or an error naming the column and the cell", () => {
    const date = dateReader("降级日期", ["events", 0, "date"]);
    expect(date("2024年7月1日")).toEqual({ value: "2024-07-01" });
    expect(date("7月1日").error).toMatchObject({ code: "bad_cell", path: ["events", 0, "date"], params: { column: "降级日期", got: "7月1日", kind: "date" } });
  });
  it("text (an id, a name, a reason): cleaned text, or a number's text; NaN, booleans and objects are errors", () => {
    const text = textReader("编号", ["id"]);
    expect([text(" ｍ－1 "), text(3004)]).toEqual([{ value: "m-1" }, { value: "3004" }]);
    for (const bad of [Number.NaN, true, {}]) expect(text(bad).error).toMatchObject({ code: "bad_cell", params: { column: "编号", kind: "text" } });
  });
  it("empty: blank text, spaces (full-width too), null, undefined; not 0 or false", () => {
    expect(["", "  ", "　", null, undefined].map(isEmpty)).toEqual([true, true, true, true, true]);
    expect([0, false, "0"].map(isEmpty)).toEqual([false, false, false]);
  });
});
