import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { bare } from "./globalBuild.js";

// The Chinese workbook of the "Chinese first" issue, read back through the global build in a bare
// vm context, with the cells built outside it (so a Date is another realm's, as a sheet host's is).

describe("a clerk's Chinese workbook through the global build", () => {
  it("Rushan members: full-width digits, 分, √/×, 合格, veto names; ten rows with real mistakes, each an error cell in Chinese naming its column", () => {
    const head = ["编号", "姓名", "理想信念星定性评定", "组织观念星定性评定", "道德品行星定性评定", "模范表率星定性评定", "履职尽责星定性评定", "志愿友爱星定性评定", "综治维稳星定性评定", "攻坚克难星定性评定", "组织生活量化考核得分", "满意票数", "有效票数", "一票否决项"];
    const rows = [
      ["m-01", "王建国", "√", "√", "√", "√", "√", "√", "√", "√", "９.５", "４０", "４２", ""],
      ["m-02", "李秀英", "合格", "合格", "合格", "合格", "是", "否", "否", "否", "7.5分", 30, 42, "无"],
      ["m-03", "张伟", "√", "√", "√", "√", "✓", "✓", "✗", "×", " 6 分 ", 36, 42, "理想信念星"],
      ["m-04", "刘芳", "不合格", "合格", "合格", "不合格", "否", "否", "否", "否", "5", "20", "42", ""],
      ["ｍ－05", "陈明", "TRUE", "TRUE", "TRUE", "TRUE", "Y", "N", "1", "0", "8", 34, 42, "没有带头清理自家门前乱堆乱放、群众认可星"],
      ["m-06", "杨丽", "有", "有", "有", "有", "通过", "不通过", "有", "无", "6.01", 26, 42, "；"],
      // ten rows with real mistakes
      ["m-11", "赵强", "√?", "√", "√", "√", "√", "√", "√", "√", "8", 30, 42, ""],
      ["m-12", "黄静", "√", "√", "√", "√", "√", "√", "√", "√", "八", 30, 42, ""],
      ["m-13", "周杰", "√", "√", "√", "√", "√", "√", "√", "√", "11", 30, 42, ""],
      ["m-14", "吴敏", "√", "√", "√", "√", "√", "√", "√", "√", "8", 11, 10, ""],
      ["m-15", "徐磊", "√", "√", "√", "√", "√", "√", "√", "√", "8", 30, 42, "理想星"],
      ["m-16", "孙燕", "√", "√", "√", "√", "√", "√", "√", "√", "8", 30, 42, "模范表率星"],
      ["", "马超", "√", "√", "√", "√", "√", "√", "√", "√", "8", 30, 42, ""],
      ["m-18", "朱红", "√", "√", "√", "√", "√", "√", "√", "√", "", 30, 42, ""],
      ["m-19", "胡斌", "√", "√", "√", "√", "√", "√", "√", "√", "8", 0, "0", ""],
      ["m-20", "郭霞", "√", "√", "√", "√", "√", "√", "√", "√", "8", "3.5", 42, ""],
    ];
    const ctx = bare();
    ctx.table = [head, ...rows];
    const out = vm.runInContext(`Xingji.compile(Xingji.rulesets["rushan/member"]).evaluateTable(table, { asOf: "2024-12-31" })`, ctx) as unknown[][];
    // Worked by hand: stars need org life > 6, satisfaction > 60 % / > 80 %; tiers ≥ 8 / 5–7 / ≤ 4;
    // ≤ 2 stars → 帮教中心 for a year. m-03: " 6 分 " is 6, not above; m-05: ｍ－05 is m-05, and a
    // veto list of an item and a star's name; m-06: "；" is an empty list.
    expect(out.slice(1)).toEqual([
      ["m-01","10星","抓完善、抓巩固","理想信念星、组织观念星、道德品行星、模范表率星、群众认可星、履职尽责星、志愿友爱星、综治维稳星、攻坚克难星、群众满意星","","","","","王建国"],
      ["m-02","6星","抓规范、抓提升","理想信念星、组织观念星、道德品行星、模范表率星、群众认可星、履职尽责星","","","群众满意星：满意票数 30→34","","李秀英"],
      ["m-03","5星","抓规范、抓提升","道德品行星、群众认可星、履职尽责星、志愿友爱星、群众满意星","理想信念星一票否决项","","组织观念星：组织生活量化考核得分 6→6.01","","张伟"],
      ["m-04","1星","抓整顿、帮教和处置","道德品行星","","转入街道帮教中心党支部帮教一年（2025-12-31前）","组织观念星：组织生活量化考核得分 5→6.01","","刘芳"],
      ["m-05","6星","抓规范、抓提升","理想信念星、组织观念星、道德品行星、履职尽责星、综治维稳星、群众满意星","群众认可星一票否决项、没有带头清理自家门前乱堆乱放","","志愿友爱星：志愿友爱星定性评定 否→是","","陈明"],
      ["m-06","7星","抓规范、抓提升","理想信念星、组织观念星、道德品行星、模范表率星、群众认可星、履职尽责星、综治维稳星","","","群众满意星：满意票数 26→34","","杨丽"],
      ["m-11","","","","","","","“理想信念星定性评定”列：“√?”无法识别为是/否；可填写 是/否、√/×、✓/✗、合格/不合格、通过/不通过、有/无、TRUE/FALSE、1/0 或 Y/N","赵强"],
      ["m-12","","","","","","","“组织生活量化考核得分”列：“八”不是数字；可填写 8.5、８.５ 或 7.5分 这样的数字","黄静"],
      ["m-13","","","","","","","“组织生活量化考核得分”（orgLifeScore）不得大于 10，实际为 11","周杰"],
      ["m-14","","","","","","","“满意票数”（surveySatisfied）不得大于“有效票数”（10），实际为 11","吴敏"],
      ["m-15","","","","","","","“一票否决项”列：“理想星”不是本方案的项目；可填写下列项目（名称或编号，用、，,；;或空格分隔）：理想信念星一票否决项、组织观念星一票否决项、道德品行星一票否决项、模范表率星一票否决项、群众认可星一票否决项、没有带头清理自家门前乱堆乱放","徐磊"],
      ["m-16","","","","","","","“一票否决项”列：“模范表率星”对应多个项目（模范表率星一票否决项、没有带头清理自家门前乱堆乱放），请写明具体项目","孙燕"],
      ["","","","","","","","第 14 行缺少编号","马超"],
      ["m-18","","","","","","","缺少必填项“组织生活量化考核得分”（orgLifeScore）","朱红"],
      ["m-19","","","","","","","“有效票数”（surveyValid）不得小于 1，实际为 0","胡斌"],
      ["m-20","","","","","","","“满意票数”（surveySatisfied）应为整数，实际为 3.5","郭霞"]
    ]);
  });

  it("Feicheng branches: a downgrade dated in every form a sheet gives, one impossible date", () => {
    const head = ["编号", "名称", "领域", "班子建设得分", "运行机制得分", "组织生活得分", "党员管理得分", "基础保障得分", "作用发挥得分", "降级日期", "降级级数", "降级原因"];
    // 20 × 5 = 100, role 100: total 100 → level 5; one level down → 4 (四星级党支部).
    const facts = ["农村", "２０", 20, "20分", 20, 20, 100];
    const dates: unknown[] = ["2024-07-01", "2024/7/1", "2024.07.01", "2024年7月1日", new Date(2024, 6, 1), 45474, "2024-13-01"];
    const ctx = bare();
    ctx.table = [head, ...dates.map((d, i) => [`b-${i + 1}`, `第${i + 1}支部`, ...facts, d, 1, "巡察发现组织生活不规范"])];
    const out = vm.runInContext(`Xingji.compile(Xingji.rulesets["feicheng/branch"]).evaluateTable(table, { asOf: "2024-12-31" })`, ctx) as unknown[][];
    for (let i = 1; i <= 6; i++) expect([out[i]![1], out[i]![2], out[i]![7]]).toEqual(["4星级", "四星级党支部", ""]);
    expect(out[7]![7]).toBe("“降级日期”列：“2024-13-01”不是日期；可填写 2024-12-31、2024/12/31、2024.12.31、2024年12月31日、日期单元格或其序列号");
  });

  it("explain and publication work there too, in Chinese", () => {
    const ctx = bare();
    const text = vm.runInContext(
      `var s = Xingji.compile(Xingji.rulesets["rushan/member"]);
       var c = s.evaluateCohort([{ id: "m-1", name: "张三", facts: { ideals: true, orgAwareness: true, moralConduct: true, exemplar: true, duty: true, volunteer: true, stability: true, tackleHard: true, orgLifeScore: 8, surveySatisfied: 9, surveyValid: 10 } }]);
       s.explain(c.results[0]).split("\\n")[1] + "|" + s.publication(c, { from: "2025-01-03", year: 2024 }).title`,
      ctx,
    );
    expect(text).toBe("评定结果：10星（满10星）；档次：抓完善、抓巩固|乳山市社区党员“十星级”评定2024年度评定结果公示");
  });
});
