import { readFileSync } from "node:fs";
import vm from "node:vm";
import { describe, expect, it } from "vitest";

const global = readFileSync(new URL("../dist/xingji.global.js", import.meta.url), "utf8");
const recipe = (name: string) => readFileSync(new URL(`../docs/recipes/scripts/${name}`, import.meta.url), "utf8");

const MEMBERS = [
  ["编号", "姓名", "理想信念星定性评定", "orgAwareness", "moralConduct", "exemplar", "duty", "volunteer", "stability", "tackleHard", "组织生活量化考核得分", "surveySatisfied", "surveyValid", "一票否决项"],
  ["m-1", "王芳", "是", "是", "是", "是", "是", "否", "否", "否", 7, 8, 10, ""],
  ["m-2", "李强", "是", "否", "否", "否", "是", "是", "否", "否", 5, 1, 10, ""],
  ["m-3", "赵敏", "是", "是", "是", "是", "是", "是", "是", "是", "", 9, 10, ""],
];

/** A small stand-in for WPS 表格's JSA objects: a sheet of cells with Range, Cells.Item, CurrentRegion, Resize, Value2. */
function wpsSheet(grid: unknown[][]) {
  const cells = new Map<string, unknown>();
  grid.forEach((row, r) => row.forEach((v, c) => cells.set(`${r + 1},${c + 1}`, v)));
  const range = (row: number, col: number, rows: number, cols: number): Record<string, unknown> => ({
    Row: row,
    Column: col,
    Rows: { Count: rows },
    Columns: { Count: cols },
    get Value2() {
      return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => cells.get(`${row + i},${col + j}`) ?? null));
    },
    set Value2(v: unknown[][]) {
      v.forEach((r, i) => r.forEach((x, j) => cells.set(`${row + i},${col + j}`, x)));
    },
    Resize: (r2: number, c2: number) => range(row, col, r2, c2),
    get CurrentRegion() {
      return range(1, 1, grid.length, grid[0]!.length);
    },
  });
  const sheet = {
    Range: (addr: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
      return range(Number(m[2]), m[1]!.charCodeAt(0) - 64, 1, 1);
    },
    Cells: { Item: (r: number, c: number) => range(r, c, 1, 1) },
  };
  return { sheet, read: (r: number, c: number) => cells.get(`${r},${c}`) };
}

describe("spreadsheet recipes, run on the real global build", () => {
  it("WPS 表格 JSA: reads the data region's Value2, writes the results to its right", () => {
    const { sheet, read } = wpsSheet(MEMBERS);
    const ctx = vm.createContext({ Application: { ActiveSheet: sheet } }, { codeGeneration: { strings: false, wasm: false } });
    vm.runInContext(global, ctx);
    vm.runInContext(recipe("wps-jsa.js"), ctx);
    vm.runInContext("星级评定()", ctx);
    // Data is 14 columns wide; results start at column 16, row 1, with Chinese headers.
    const row = (r: number) => Array.from({ length: 8 }, (_, j) => read(r, 16 + j));
    expect(row(1)).toEqual(["编号", "星级/等次", "档次", "所得星", "一票否决", "帮教整改", "争星提示", "错误"]);
    expect(read(1, 24)).toBe("姓名/名称");
    // m-1: ideals, orgAwareness, moralConduct, exemplar (org life 7 > 6), massRecognition (0.8), duty → 6 stars; all basic stars → no step.
    expect(row(2).slice(0, 6)).toEqual(["m-1", "6星", "抓规范、抓提升", "理想信念星、组织观念星、道德品行星、模范表率星、群众认可星、履职尽责星", "", ""]);
    expect(read(2, 24)).toBe("王芳");
    // m-2: ideals, duty, volunteer → 3 stars → branch mentoring.
    expect(row(3).slice(0, 5)).toEqual(["m-2", "3星", "抓整顿、帮教和处置", "理想信念星、履职尽责星、志愿友爱星", ""]);
    expect(row(3)[5]).toBe("所在支部帮教一年（2025-12-31前）");
    // m-3: an empty org-life cell is a missing fact: the row says so, the others are rated.
    expect(row(4)[7]).toBe("缺少必填项“组织生活量化考核得分”（orgLifeScore）");
  });

  it("Google Apps Script: =XINGJI(rulesetId, range, date) with a Date cell, compiled once", () => {
    const ctx = vm.createContext({
      Utilities: { formatDate: (d: Date, _tz: string, _f: string) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}` },
      Session: { getScriptTimeZone: () => "Asia/Shanghai" },
    });
    vm.runInContext(global, ctx);
    vm.runInContext(recipe("google-apps-script.js"), ctx);
    ctx.table = MEMBERS;
    ctx.asOf = vm.runInContext("new Date(2024, 11, 31)", ctx); // a Date of the script realm, as Sheets passes it
    const out = vm.runInContext("XINGJI('rushan/member', table, asOf)", ctx) as unknown[][];
    expect(out).toHaveLength(4);
    // Chinese headers: a Chinese table. m-2: three stars → branch mentoring for one year from 2024-12-31.
    expect(out[2]![5]).toBe("所在支部帮教一年（2025-12-31前）");
    expect(out[3]![7]).toBe("缺少必填项“组织生活量化考核得分”（orgLifeScore）"); // m-3
    expect(vm.runInContext("Object.keys(XINGJI_SCHEMES_).join()", ctx)).toBe("rushan/member");
    expect(() => vm.runInContext("XINGJI('rushan/members', table)", ctx)).toThrow('unknown ruleset rushan/members; bundled: ');
  });

  it("Excel custom functions: registered as RATE; an omitted optional argument arrives as null", () => {
    const registry: Record<string, (...a: unknown[]) => unknown> = {};
    class CFError extends Error {
      constructor(readonly code: string, message: string) {
        super(message);
      }
    }
    const ctx = vm.createContext({ CustomFunctions: { associate: (id: string, f: (...a: unknown[]) => unknown) => (registry[id] = f), Error: CFError, ErrorCode: { invalidValue: "#VALUE!" } } });
    vm.runInContext(global, ctx);
    vm.runInContext(recipe("excel-custom-functions.js"), ctx);
    const out = registry.RATE!("qianjin/organization", [["id", "grid", "regional", "professional", "smartService", "standardizedOperation"], ["q", 18, 16, 15.5, 20, 17]], null) as unknown[][];
    // One organization is a cohort of one: floor(1 × 0.3) = 0 four-star places → three stars.
    expect(out[1]!.slice(0, 3)).toEqual(["q", 3, "threeStar"]);
    expect(() => registry.RATE!("nope", [["id"]], null)).toThrow("unknown ruleset nope");
  });
});
