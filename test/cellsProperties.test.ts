/**
 * Cells as clerks write them, as properties: every form a clerk may use for a value reads as the
 * same value (full-width digits, 分, spaces; every date form and the serial number), and a cell
 * in none of the forms is an error, never a guess. Seeded (FC_SEED to replay).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile, rulesets } from "../src/index.js";
import { readDate } from "../src/sheets/cells.js";
import { seeded } from "./arbitraries.js";

const FULL = (s: string) => s.replace(/[0-9.]/g, (c) => (c === "." ? "．" : String.fromCharCode(0xff10 + Number(c))));
const member = compile(rulesets["rushan/member"]);
const HEAD = ["编号", "理想信念星定性评定", "组织观念星定性评定", "道德品行星定性评定", "模范表率星定性评定", "履职尽责星定性评定", "志愿友爱星定性评定", "综治维稳星定性评定", "攻坚克难星定性评定", "组织生活量化考核得分", "满意票数", "有效票数"];

describe("cells as clerks write them — properties", () => {
  it("a date in every form (ISO, /, ., 年月日 with or without zero padding, a Date, a serial number) reads as the same day", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1901, 0, 1), max: Date.UTC(2099, 11, 31) }), (ms) => {
        const d = new Date(ms);
        const y = d.getUTCFullYear(), m = d.getUTCMonth() + 1, day = d.getUTCDate();
        const iso = `${y}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        const serial = Math.round((Date.UTC(y, m - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
        const forms: unknown[] = [iso, `${y}/${m}/${day}`, `${y}.${String(m).padStart(2, "0")}.${day}`, `${y}年${m}月${day}日`, FULL(iso).replace(/-/g, "－"), new Date(y, m - 1, day, 12), serial, serial + 0.5];
        for (const f of forms) if (readDate(f) !== iso) throw new Error(`${String(f)} read as ${readDate(f)}, not ${iso}`);
      }),
      seeded(300),
    );
  });

  it("a score written with full-width digits, 分 or spaces rates exactly as the plain number", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.constantFrom(0, 1, 2, 3), (life100, valid, sat, form) => {
        const satisfied = Math.min(sat, valid);
        const life = String(life100 / 100);
        const written = [life, FULL(life), `${life}分`, ` ${FULL(life)} 分 `][form]!;
        const row = (l: string) => ["m", "√", "√", "是", "合格", "✓", "×", "否", "不合格", l, String(satisfied), String(valid)];
        const [plain, clerk] = [member.evaluateTable([HEAD, row(life)], { locale: "en" }), member.evaluateTable([HEAD, row(written)], { locale: "en" })];
        expect(clerk[1]).toEqual(plain[1]);
      }),
      seeded(200),
    );
  });

  it("any other text in a yes/no or a number column is an error cell naming the column, never a value", () => {
    const accepted = new Set(["是", "否", "√", "×", "✓", "✗", "✔", "✘", "合格", "不合格", "通过", "不通过", "有", "无", "true", "false", "1", "0", "y", "n", "yes", "no"]);
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), (text) => {
        const t = text.normalize("NFKC").trim().toLowerCase();
        fc.pre(t !== "" && !accepted.has(t));
        const out = member.evaluateTable([HEAD, ["m", text, "√", "√", "√", "√", "√", "√", "√", "8", "9", "10"]]);
        expect(out[1]![1]).toBe("");
        expect(String(out[1]![7])).toContain("“理想信念星定性评定”列");
      }),
      seeded(300),
    );
  });
});
