import { describe, expect, it } from "vitest";
import { compile, workingDays } from "../../src/index.js";
import { rulesets } from "../untyped.js";

const member = compile(rulesets["rushan/member"]);
const branch = compile(rulesets["feicheng/branch"]);
const yantian = compile(rulesets["yantian/organization"]);
const qianjin = compile(rulesets["qianjin/organization"]);

// 张三: ideals assessed but vetoed; org life 6 (not above 6); 3 of 5 satisfied (60 %, not above 60 %);
// three pioneer assessments false → 道德品行星 and 履职尽责星 only: 2 stars, not qualified →
// 帮教中心 one year from 2024-12-31. Next stars: 6 → 6.01; 3 → 4 of 5 (80 % > 60 %); 3 → 5 (100 % > 80 %).
const zhang = {
  id: "m-1", name: "张三",
  facts: { ideals: true, orgAwareness: true, moralConduct: true, exemplar: true, duty: true, volunteer: false, stability: false, tackleHard: false, orgLifeScore: 6, surveySatisfied: 3, surveyValid: 5, vetoes: ["ideals"] },
};

describe("scheme.explain — the text a clerk hands to the subject, worked out by hand", () => {
  it("a Rushan member, in Chinese", () => {
    expect(member.explain(member.evaluate(zhang, { asOf: "2024-12-31" }))).toBe(
      [
        "张三（m-1） — 乳山市社区党员“十星级”评定",
        "评定结果：2星（满10星）；档次：抓整顿、帮教和处置",
        "合格党员：否",
        "得分：群众满意率 60%",
        "得星情况：",
        "  ✗ 理想信念星：被一票否决（理想信念星一票否决项）",
        "  ✗ 组织观念星：组织生活量化考核得分 6，未超过 6",
        "  ✓ 道德品行星",
        "  ✗ 模范表率星：组织生活量化考核得分 6，未超过 6",
        "  ✗ 群众认可星：群众满意率 60%（满意票数 3，有效票数 5），未超过 60%",
        "  ✓ 履职尽责星",
        "  ✗ 志愿友爱星：志愿友爱星定性评定：否",
        "  ✗ 综治维稳星：综治维稳星定性评定：否",
        "  ✗ 攻坚克难星：攻坚克难星定性评定：否",
        "  ✗ 群众满意星：群众满意率 60%（满意票数 3，有效票数 5），未超过 80%",
        "一票否决：理想信念星一票否决项（取消理想信念星）",
        "帮教整改：转入街道帮教中心党支部帮教一年（2025-12-31前）",
        "争星方向：",
        "  理想信念星：被一票否决（理想信念星一票否决项）",
        "  组织观念星：组织生活量化考核得分 6→6.01",
        "  模范表率星：组织生活量化考核得分 6→6.01",
        "  群众认可星：满意票数 3→4",
        "  志愿友爱星：志愿友爱星定性评定 否→是",
        "  综治维稳星：综治维稳星定性评定 否→是",
        "  攻坚克难星：攻坚克难星定性评定 否→是",
        "  群众满意星：满意票数 3→5",
      ].join("\n"),
    );
  });
  it("the same member in English, on request", () => {
    const text = member.explain(member.evaluate(zhang, { asOf: "2024-12-31" }), { locale: "en" });
    expect(text.split("\n").slice(0, 2)).toEqual(["张三 (m-1) — Rushan ten-star rating of community party members", "Rating: 2 stars (of 10 stars); tier: rectify, mentor and dispose"]);
    expect(text).toContain("  ✗ mass recognition star: satisfaction rate 60% (satisfied ballots 3, valid ballots 5) does not exceed 60%");
    expect(text).toContain("Remediation: one year of mentoring at the subdistrict mentoring centre branch (by 2025-12-31)");
  });
  it("a simulation says which parameter decided, and that it is no official rating", () => {
    const sim = member.with({ recognitionRate: "0.5" });
    const text = sim.explain(sim.evaluate(zhang, { asOf: "2024-12-31" }));
    // 60 % > 50 %: 群众认可星 earned under the simulation → 3 stars → branch mentoring.
    expect(text).toContain("评定结果：3星（满10星）");
    expect(text).toContain("  ✓ 群众认可星（按模拟参数）");
    expect(text.split("\n").at(-1)).toBe("注：本结果按模拟参数计算（群众认可星满意率(超过) 0.5（正式值 0.6）），不是正式评定结果。");
  });
  it("a Feicheng branch: level 4 by score (88), one level down mid-year → 3, its allowance, and what level 4 takes", () => {
    // Categories 20 + 18 + 17 + 19 + 16 = 90; total 0.6 × 90 + 0.4 × 85 = 88 → level 4 (80–89); downgraded by 1 → 3.
    // Rural three-star: 300 元 a month. Back to 4 after the downgrade needs level 5: role 85 → 90 makes 54 + 36 = 90.
    const r = branch.evaluate(
      { id: "b-1", name: "东城村党支部", facts: { domain: "rural", team: 20, operation: 18, orgLife: 17, memberMgmt: 19, basicSupport: 16, roleScore: 85 }, events: [{ type: "downgrade", date: "2024-07-01", levels: 1, reason: "巡察发现组织生活不规范" }] },
      { asOf: "2024-12-31" },
    );
    expect(branch.explain(r)).toBe(
      [
        "东城村党支部（b-1） — 肥城市党支部评星定级",
        "评定结果：3星级（满5星级）；档次：三星级党支部",
        "得分：五大类得分 90；综合得分 88",
        "奖补：村党支部书记星级补贴 每月300元（全年3600元）",
        "评定依据：综合得分 88",
        "调整：",
        "  摘星降级（2024-07-01）：由4星级降为3星级，原因：巡察发现组织生活不规范",
        "升级方向：升至4星级：作用发挥得分 85→90",
      ].join("\n"),
    );
  });
  it("a Yantian organization (example 5): 较好, and the evaluation that would make it 好", () => {
    // 530 / 6 = 88.33…; total 0.6 × 530/6 + 0.4 × 86 = 87.4 → 较好. 好 needs a total of 90 after rounding
    // to 2 places: 53 + 0.4 × 92.49 = 89.996 → 90.00.
    const r = yantian.evaluate({ id: "y-5", name: "海山社区党委", facts: { level: "subordinate", type: "community", leader: 90, workSystem: 85, venue: 80, supportMechanism: 95, performance: 88, massContact: 92, evaluation: 86 } });
    expect(yantian.explain(r)).toBe(
      [
        "海山社区党委（y-5） — 盐田区基层党组织党建质量评定",
        "评定结果：较好；档次：较好",
        "得分：指标量化考评得分 88.33；党员群众评议得分 86；总分 87.4",
        "措施：评先评优倾斜",
        "评定依据：总分 87.4",
        "升级方向：升至“好”：党员群众评议得分 86→92.49",
      ].join("\n"),
    );
  });
  it("a rejection is explained by its errors; a result of another scheme is a programmer error", () => {
    expect(member.explain(member.evaluate({ id: "m-2", name: "李四", facts: { ...zhang.facts, orgLifeScore: 11 } }))).toBe(
      "李四（m-2）：数据有误，未能评定（乳山市社区党员“十星级”评定）\n  - “组织生活量化考核得分”（orgLifeScore）不得大于 10，实际为 11",
    );
    expect(() => branch.explain(member.evaluate(zhang))).toThrow('explain() got a result of "rushan/member"');
    expect(() => member.explain(member.evaluate(zhang), { locale: "fr" as never })).toThrow(TypeError);
  });
  it("explains a result rebuilt from JSON from its trace as stored", () => {
    const stored = JSON.parse(JSON.stringify(member.evaluate(zhang, { asOf: "2024-12-31", explain: true, advice: true })));
    expect(member.explain(stored)).toBe(member.explain(member.evaluate(zhang, { asOf: "2024-12-31" })));
  });
});

describe("scheme.publication — the public notice (公示), worked out by hand", () => {
  const makeC = () => member.evaluateCohort([
    zhang,
    { id: "m-2", name: "李四", facts: { ...zhang.facts, vetoes: [], volunteer: true } }, // ideals back, volunteer: 4 stars
    { id: "m-3", name: "王五", facts: { ...zhang.facts, vetoes: [], volunteer: true, orgLifeScore: 8, surveySatisfied: 5 } }, // 10 − stability − tackleHard = 8
    { id: "m-4", facts: {} }, // bad data: not published, but counted as excluded
  ]);
  it("Rushan: rows in rating order; 5 calendar days from the day after 2025-01-03 end 2025-01-08 (a Wednesday); appeal within the notice", () => {
    const c = makeC();
    const p = member.publication(c, { from: "2025-01-03", year: 2024 });
    expect(p.text).toBe(
      [
        "乳山市社区党员“十星级”评定2024年度评定结果公示",
        "",
        "现将2024年度评定结果公示如下（共3名）：",
        "1. 王五（m-3）　8星　抓完善、抓巩固　理想信念星、组织观念星、道德品行星、模范表率星、群众认可星、履职尽责星、志愿友爱星、群众满意星",
        "2. 李四（m-2）　4星　抓整顿、帮教和处置　理想信念星、道德品行星、履职尽责星、志愿友爱星",
        "3. 张三（m-1）　2星　抓整顿、帮教和处置　道德品行星、履职尽责星",
        "",
        "公示期：2025-01-03 至 2025-01-08（5天，自公示次日起算）。",
        "如有异议，请于 2025-01-08 前提出申诉（党组织党员申诉）。",
      ].join("\n"),
    );
    expect(p.rows.map((r) => [r.position, r.id, r.rating])).toEqual([[1, "m-3", "8星"], [2, "m-2", "4星"], [3, "m-1", "2星"]]);
    expect(p.period).toEqual({ from: "2025-01-03", to: "2025-01-08", days: 5, step: "publicNotice" });
    expect(p.excluded).toEqual([{ id: "m-4", errors: 11 }]);
  });
  it("a period ending on a day off ends on the next working day (Art. 203), on the caller's calendar", () => {
    const c = makeC();
    // From 2024-09-26: 5 days end 2024-10-01 (National Day); the 2024 holiday runs to 10-07 → 2024-10-08.
    const cal = workingDays({ holidays: ["2024-10-01", "2024-10-02", "2024-10-03", "2024-10-04", "2024-10-07"], makeupWorkdays: ["2024-09-29", "2024-10-12"] });
    const p = member.publication(c, { from: "2024-09-26", calendar: cal, year: 2024 });
    expect([p.period?.to, p.appealBy]).toEqual(["2024-10-08", "2024-10-08"]);
  });
  it("Feicheng: 公示备案 five days; Qianjin: no notice step, an appeal of 15 working days", () => {
    const b = branch.evaluateCohort([{ id: "b-1", name: "东城村党支部", facts: { domain: "rural", team: 20, operation: 18, orgLife: 17, memberMgmt: 19, basicSupport: 16, roleScore: 85 } }]);
    const pb = branch.publication(b, { from: "2025-01-06", year: 2024 });
    expect(pb.text.split("\n")).toEqual([
      "肥城市党支部评星定级2024年度评定结果公示",
      "",
      "现将2024年度评定结果公示如下（共1个）：",
      "1. 东城村党支部（b-1）　4星级　四星级党支部",
      "",
      "公示期：2025-01-06 至 2025-01-13（5天，自公示次日起算）。",
    ]);
    // 2025-01-06 + 5 days = 01-11, a Saturday → Monday 01-13.
    const q = qianjin.evaluateCohort([{ id: "q", facts: { grid: 18, regional: 16, professional: 15.5, smartService: 20, standardizedOperation: 17 } }]);
    const pq = qianjin.publication(q, { from: "2025-01-06", year: 2024, locale: "en" });
    // 15 working days after Monday 2025-01-06 (weekdays only): 2025-01-27.
    expect([pq.period, pq.appealBy]).toEqual([undefined, "2025-01-27"]);
    expect(pq.text.split("\n").at(-1)).toBe("Appeals (appeal: new material within 15 working days) by 2025-01-27.");
  });
  it("needs the posting day; refuses another scheme's cohort", () => {
    const c = makeC();
    expect(() => member.publication(c, {} as never)).toThrow("publication() needs options.from");
    expect(() => branch.publication(c, { from: "2025-01-03" })).toThrow('publication() got a result of "rushan/member"');
  });
});
