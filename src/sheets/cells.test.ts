import { describe, expect, it } from "vitest";
import { compile, rulesets } from "../index.js";
import { readDate } from "./cells.js";

describe("readDate — the forms of Chinese sheets, Date cells and serial numbers", () => {
  it.each([
    ["2024-12-31", "2024-12-31"],
    ["2024/12/31", "2024-12-31"],
    ["2024.12.31", "2024-12-31"],
    ["2024年12月31日", "2024-12-31"],
    ["2024年7月1日", "2024-07-01"],
    ["2024/7/1", "2024-07-01"],
    ["２０２４－１２－３１", "2024-12-31"], // full-width digits and hyphen (U+FF0D), normalized
    [" 2024-02-29 ", "2024-02-29"],
  ])("%j → %j", (cell, iso) => {
    expect(readDate(cell)).toBe(iso);
  });
  it("serial numbers (1900 date system): 45474 is 2024-07-01, 45657 is 2024-12-31; a time of day is dropped", () => {
    // 2024-01-01 is serial 45292; + 182 days (Jan 31, Feb 29, Mar 31, Apr 30, May 31, Jun 30) = 45474.
    expect(readDate(45474)).toBe("2024-07-01");
    expect(readDate(45474.75)).toBe("2024-07-01");
    expect(readDate(45657)).toBe("2024-12-31");
    expect(readDate(61)).toBe("1900-03-01");
  });
  it("a Date is the calendar day it shows where it was made", () => {
    expect(readDate(new Date(2024, 6, 1))).toBe("2024-07-01");
    expect(readDate(new Date(2024, 11, 31, 23, 59))).toBe("2024-12-31");
    expect(readDate(new Date(Number.NaN))).toBeUndefined();
  });
  it("anything else, or a day that does not exist, is no date: never a guess", () => {
    for (const bad of ["2024-02-30", "2023-02-29", "2024-13-01", "7月1日", "2024-7", "2024/12-31", "20241231", "", "明天", "2024年12月31号"]) expect(readDate(bad)).toBeUndefined();
    for (const bad of [60, 0, -5, 2958466, Number.NaN, true, null, {}]) expect(readDate(bad)).toBeUndefined();
  });
});

const member = compile(rulesets["rushan/member"]);
const HEAD_ZH = ["编号", "姓名", "理想信念星定性评定", "组织观念星定性评定", "道德品行星定性评定", "模范表率星定性评定", "履职尽责星定性评定", "志愿友爱星定性评定", "综治维稳星定性评定", "攻坚克难星定性评定", "组织生活量化考核得分", "满意票数", "有效票数", "一票否决项"];

describe("evaluateTable in Chinese — the Rushan sample, cell by cell", () => {
  // Worked by hand from rushan/member 1.0.0 (stars need org life > 6, satisfaction > 60 % / > 80 %;
  // tiers ≥ 8 / 5–7 / ≤ 4; 4 stars → 谈心提醒, ≤ 2 → 帮教中心, one year from asOf).
  const makeOut = () => member.evaluateTable(
    [
      HEAD_ZH,
      // Every assessment √, a full-width score, 40 of 42 (95 %): all ten stars.
      ["m-001", "王建国", "√", "√", "√", "√", "√", "√", "√", "√", "９.５", "40", "42", ""],
      // 是/✓ true; ×/否/不通过 false; 6分 is not above 6 (no 组织观念星, no 模范表率星); 30/42 = 71 %: 群众认可星 only.
      // 4 stars → 谈心提醒; the next star: 组织生活 6 → 6.01 (1/1000 of its range) earns 组织观念星 (and 模范表率星).
      ["m-002", "李秀英", "是", "是", "是", "是", "✓", "×", "否", "不通过", "6分", 30, 42, "无"],
      // 合格/有/TRUE/Y true; a veto written as its star's name: 理想信念星 cancelled → 9 stars; the next star is blocked.
      ["m-003", "张伟", "合格", "合格", "合格", "合格", "有", "有", "TRUE", "Y", 8, 36, 42, "理想信念星"],
      // 1/0, N, FALSE, 无, 不合格; "7.5 分"; full-width ２０ of ４２ = 47.6 %: 理想信念星, 道德品行星 → 2 stars → centre mentoring until 2025-12-31.
      // The next star: 20 → 26 of 42 (26/42 = 61.9 % > 60 %, 25/42 = 59.5 % is not) for 群众认可星, 6/42 of the range: less than any assessment.
      ["m-004", "刘芳", "1", "0", "1", "0", "N", "FALSE", "无", "不合格", "7.5 分", "２０", "４２", ""],
      // Three mistakes, each named with its column and the accepted forms.
      ["m-005", "陈明", "maybe", "是", "是", "是", "是", "是", "是", "是", "8..5", 30, 42, "模范表率星"],
    ],
    { asOf: "2024-12-31" },
  );
  it("the header row and every cell", () => {
    const out = makeOut();
    expect(out).toEqual([
      ["编号", "星级/等次", "档次", "所得星", "一票否决", "帮教整改", "争星提示", "错误", "姓名/名称"],
      ["m-001", "10星", "抓完善、抓巩固", "理想信念星、组织观念星、道德品行星、模范表率星、群众认可星、履职尽责星、志愿友爱星、综治维稳星、攻坚克难星、群众满意星", "", "", "", "", "王建国"],
      ["m-002", "4星", "抓整顿、帮教和处置", "理想信念星、道德品行星、群众认可星、履职尽责星", "", "谈心提醒", "组织观念星：组织生活量化考核得分 6→6.01", "", "李秀英"],
      ["m-003", "9星", "抓完善、抓巩固", "组织观念星、道德品行星、模范表率星、群众认可星、履职尽责星、志愿友爱星、综治维稳星、攻坚克难星、群众满意星", "理想信念星一票否决项", "", "理想信念星：被一票否决（理想信念星一票否决项）", "", "张伟"],
      ["m-004", "2星", "抓整顿、帮教和处置", "理想信念星、道德品行星", "", "转入街道帮教中心党支部帮教一年（2025-12-31前）", "群众认可星：满意票数 20→26", "", "刘芳"],
      [
        "m-005", "", "", "", "", "", "",
        "“理想信念星定性评定”列：“maybe”无法识别为是/否；可填写 是/否、√/×、✓/✗、合格/不合格、通过/不通过、有/无、TRUE/FALSE、1/0 或 Y/N；" +
          "“组织生活量化考核得分”列：“8..5”不是数字；可填写 8.5、８.５ 或 7.5分 这样的数字；" +
          "“一票否决项”列：“模范表率星”对应多个项目（模范表率星一票否决项、没有带头清理自家门前乱堆乱放），请写明具体项目",
        "陈明",
      ],
    ]);
  });
  it("the same sheet in English on request: ids, as systems read them", () => {
    const en = member.evaluateTable([HEAD_ZH, ["m-002", "李秀英", "是", "是", "是", "是", "✓", "×", "否", "不通过", "6分", 30, 42, "无"]], { locale: "en", asOf: "2024-12-31" });
    expect(en).toEqual([
      ["id", "rating", "tier", "stars", "vetoes", "remediation", "nextStar", "error", "name"],
      ["m-002", 4, "rectify", "ideals,moralConduct,massRecognition,duty", "", "talkReminder", "orgAwareness: orgLifeScore 6→6.01", "", "李秀英"],
    ]);
  });
  it("English headers make an English table; headers: 'zh' makes a Chinese one", () => {
    const ids = ["id", "ideals", "orgAwareness", "moralConduct", "exemplar", "duty", "volunteer", "stability", "tackleHard", "orgLifeScore", "surveySatisfied", "surveyValid"];
    // All assessments, org life 8, 30/42 = 71 %: every star but 群众满意星 (> 80 %) → 9.
    const row = ["m", true, true, true, true, true, true, true, true, 8, 30, 42];
    expect(member.evaluateTable([ids, row])[1]![1]).toBe(9);
    expect(member.evaluateTable([ids, row], { headers: "zh" })[1]![1]).toBe("9星");
    expect(() => member.evaluateTable([ids, row], { locale: "fr" as never })).toThrow('options.locale must be "zh" or "en"');
  });
});

describe("evaluateTable — event columns with dates in every form (Feicheng's mid-year downgrade)", () => {
  const branch = compile(rulesets["feicheng/branch"]);
  const head = ["编号", "名称", "领域", "班子建设得分", "运行机制得分", "组织生活得分", "党员管理得分", "基础保障得分", "作用发挥得分", "降级日期", "降级级数", "降级原因"];
  // 20 × 5 = 100 basic, role 100: total 0.6 × 100 + 0.4 × 100 = 100 → level 5; one level down → 4 (四星级党支部).
  const facts = ["农村", "２０", 20, "20分", 20, 20, 100];
  const dates: unknown[] = ["2024-07-01", "2024/7/1", "2024.07.01", "2024年7月1日", new Date(2024, 6, 1), 45474];
  const rows = dates.map((d, i) => [`b-${i + 1}`, `第${i + 1}支部`, ...facts, d, "1级", "巡察发现组织生活不规范"]);
  rows.push(["b-7", "第7支部", ...facts, "2024-02-30", 1, "x"]);
  rows.push(["b-8", "第8支部", ...facts, "", "", ""]);
  const makeOut = () => branch.evaluateTable([head, ...rows], { asOf: "2024-12-31", columns: ["payments"] });
  it("every date form gives the same downgrade: 4星级, 四星级党支部, a rural four-star allowance of 400 × 12", () => {
    const out = makeOut();
    for (let i = 0; i < 6; i++) expect([out[i + 1]![0], out[i + 1]![1], out[i + 1]![2], out[i + 1]![7], out[i + 1]![8], out[i + 1]![9]]).toEqual([`b-${i + 1}`, "4星级", "四星级党支部", "", `第${i + 1}支部`, 4800]);
  });
  it("a day that does not exist is an error cell naming the column; a row without an event is not downgraded", () => {
    const out = makeOut();
    expect(out[7]![7]).toBe("“降级日期”列：“2024-02-30”不是日期；可填写 2024-12-31、2024/12/31、2024.12.31、2024年12月31日、日期单元格或其序列号");
    expect([out[8]![1], out[8]![2], out[8]![9]]).toEqual(["5星级", "五星级党支部", 6000 + 10000]);
  });
});
