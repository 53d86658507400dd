import { describe, expect, it } from "vitest";
import { compare, compareTable, compile, type RulesetSource } from "../src/index.js";
import { rulesets } from "./untyped.js";

const qianjin = compile(rulesets["qianjin/organization"]);

/**
 * 300 organizations, built so the quotas can be worked by hand. Stars need 16 of 20 on a standard.
 * - 120 "five" (f-000…f-119): every standard ≥ 16, totals 100 − 0.03 i (distinct, all above 96.4);
 * - 60 "four" (g-00…g-59): professional 15, totals 95 − 0.05 j (distinct, below every five);
 * - 120 "three" (h-…): professional and smartService 10: three stars, below every quota.
 */
function cohort() {
  const out: { id: string; facts: Record<string, number> }[] = [];
  for (let i = 0; i < 120; i++) out.push({ id: `f-${String(i).padStart(3, "0")}`, facts: { grid: 20, regional: 20, professional: 20, smartService: 20, standardizedOperation: Math.round((20 - i * 0.03) * 100) / 100 } });
  for (let j = 0; j < 60; j++) out.push({ id: `g-${String(j).padStart(2, "0")}`, facts: { grid: 20, regional: 20, professional: 15, smartService: 20, standardizedOperation: Math.round((20 - j * 0.05) * 100) / 100 } });
  for (let k = 0; k < 120; k++) out.push({ id: `h-${String(k).padStart(3, "0")}`, facts: { grid: 20, regional: 20, professional: 10, smartService: 10, standardizedOperation: Math.round((20 - k * 0.03) * 100) / 100 } });
  return out;
}

describe("compare: Qianjin's five-star share at 15 % and at 20 %, 300 organizations worked by hand", () => {
  // 15 %: cap 45 five-star (f-000…f-044); f-045…f-119 (75) go to four; the four-star pool is
  // 75 + 60 = 135 for a cap of 90: the 75 demoted fives (higher totals) and g-00…g-14 stay,
  // g-15…g-59 (45) go to three.
  // 20 %: cap 60 (f-000…f-059); 60 demoted; pool 120, cap 90: g-00…g-29 stay, g-30…g-59 (30) go.
  // So f-045…f-059 move 4 → 5 and g-15…g-29 move 3 → 4: 30 up, none down.
  // Computed in each test (not when the file is collected), so a mutation tool sees which test ran it.
  const run = () => compare(qianjin, qianjin.with({ fiveStarShare: "0.2" }), cohort());
  it("names the changed parameter", () => {
    const c = run();
    expect(c.parameters).toEqual([{ parameter: "fiveStarShare", before: "0.15", after: "0.2" }]);
  });
  it("counts: 30 up, none down, 270 unchanged; the distributions before and after", () => {
    const c = run();
    expect(c.counts).toEqual({ up: 30, down: 0, same: 270 });
    expect(c.distribution).toEqual({ before: { 5: 45, 4: 90, 3: 165 }, after: { 5: 60, 4: 90, 3: 150 } });
    expect(c.tiers).toEqual({ fourStar: { entered: 15, left: 15 }, fiveStar: { entered: 15, left: 0 }, threeStar: { entered: 0, left: 15 } });
  });
  it("exactly who moved", () => {
    const c = run();
    const up = c.subjects.filter((s) => s.moved === "up").map((s) => s.id);
    expect(up).toEqual([...Array.from({ length: 15 }, (_, i) => `f-${String(45 + i).padStart(3, "0")}`), ...Array.from({ length: 15 }, (_, j) => `g-${15 + j}`)]);
  });
  it("why, with the parameter named: the five-star quota no longer demotes; the four-star quota moves through the cascade", () => {
    const c = run();
    const f = c.subjects.find((s) => s.id === "f-050")!;
    expect([f.before.rating, f.after.rating, f.before.tier, f.after.tier]).toEqual([4, 5, "fourStar", "fiveStar"]);
    expect(f.why.find((w) => w.rule === "quota.fiveStar")!.text).toBe("fiveStarShare 0.15 → 0.2: quota.fiveStar no longer demotes f-050");
    const g = c.subjects.find((s) => s.id === "g-20")!;
    expect([g.before.rating, g.after.rating]).toEqual([3, 4]);
    expect(g.why.find((w) => w.rule === "quota.fourStar")!.text).toBe("fiveStarShare 0.15 → 0.2 (through the cohort's other rules): quota.fourStar no longer demotes g-20");
    // Demoted both times (f-100): the same outcome, no reason given.
    expect(c.subjects.find((s) => s.id === "f-100")!.why).toEqual([]);
  });
  it("bad rows once, with their errors; schemes with different facts are a clear error", () => {
    const withBad = compare(qianjin, qianjin.with({ fiveStarShare: "0.2" }), [...cohort().slice(0, 3), { id: "x", facts: { grid: "many" } }]);
    expect(withBad.errors.map((e) => [e.index, e.id, e.errors[0]!.code])).toEqual([[3, "x", "wrong_type"]]);
    expect(withBad.subjects).toHaveLength(3);
    expect(() => compare(qianjin, compile(rulesets["rushan/member"]), [])).toThrow(/same facts: qianjin\/organization@1\.0\.0 has grid, regional/);
  });
});

describe("compare: a Rushan threshold, member by member", () => {
  const member = compile(rulesets["rushan/member"]);
  const base = { ideals: true, orgAwareness: true, moralConduct: true, exemplar: true, duty: true, volunteer: false, stability: false, tackleHard: false, orgLifeScore: 8 };
  // recognitionRate 0.6 → 0.5: 群众认可星 needs more than 50 % instead of more than 60 %.
  const subjects = [
    { id: "a", facts: { ...base, surveySatisfied: 3, surveyValid: 5 } }, // 60 %: not above 60 %, above 50 % → gains 群众认可星
    { id: "b", facts: { ...base, surveySatisfied: 5, surveyValid: 10 } }, // 50 %: above neither → no change
    { id: "c", facts: { ...base, surveySatisfied: 7, surveyValid: 10 } }, // 70 %: above both → no change
    { id: "d", facts: { ...base, surveySatisfied: 11, surveyValid: 20, orgLifeScore: 5 } }, // 55 %: gains it; 3 stars → 4: branch mentoring → talk reminder
  ];
  const run = () => compare(member, member.with({ recognitionRate: "0.5" }), subjects, { asOf: "2024-12-31" });
  it("a gains 群众认可星 (5 → 6 stars); b and c do not move", () => {
    const c = run();
    const [a, b, cc] = c.subjects;
    expect([a!.before.rating, a!.after.rating, a!.starsGained, a!.moved]).toEqual([5, 6, ["massRecognition"], "up"]);
    expect(a!.why.map((w) => w.text)).toContain("recognitionRate 0.6 → 0.5: stars.massRecognition: not earned → earned");
    expect([b!.moved, b!.why, cc!.moved, cc!.why]).toEqual(["same", [], "same", []]);
  });
  it("d: 3 stars → 4, and its remediation changes from branch mentoring to a talk reminder", () => {
    const c = run();
    const d = c.subjects[3]!;
    // ideals, moralConduct, duty (org life 5 ≤ 6 loses orgAwareness and exemplar): 3; with 群众认可星 4.
    expect([d.before.rating, d.after.rating, d.before.steps, d.after.steps, d.before.tier, d.after.tier]).toEqual([3, 4, ["branchMentoring"], ["talkReminder"], "rectify", "rectify"]);
    expect(c.counts).toEqual({ up: 2, down: 0, same: 2 });
  });
  it("accepts a ruleset's own edition as the reform (compile of edited data)", () => {
    const edited = structuredClone(rulesets["rushan/member"]) as { parameters: Record<string, { value: unknown }> };
    edited.parameters.recognitionRate!.value = "0.5";
    const c2 = compare(member, compile(edited as unknown as RulesetSource), subjects);
    expect(c2.counts).toEqual({ up: 2, down: 0, same: 2 });
  });
});

describe("compareTable: the comparison as a sheet, in the table's language", () => {
  const member = compile(rulesets["rushan/member"]);
  const head = ["编号", "姓名", "理想信念星定性评定", "组织观念星定性评定", "道德品行星定性评定", "模范表率星定性评定", "履职尽责星定性评定", "志愿友爱星定性评定", "综治维稳星定性评定", "攻坚克难星定性评定", "组织生活量化考核得分", "满意票数", "有效票数"];
  const table = [
    head,
    ["a", "张三", "√", "√", "√", "√", "√", "×", "×", "×", "8", 3, 5], // 60 %: gains 群众认可星 at 50 % (5 → 6 stars)
    ["b", "李四", "√", "√", "√", "√", "√", "×", "×", "×", "8", 7, 10], // 70 %: no change
    ["c", "王五", "√", "maybe", "√", "√", "√", "×", "×", "×", "8", 7, 10], // an unreadable cell
  ];
  it("Chinese headers: every cell in Chinese, the reason with its parameter", () => {
    const out = compareTable(member, member.with({ recognitionRate: "0.5" }), table);
    expect(out).toEqual([
      ["编号", "姓名/名称", "调整前", "调整后", "变化", "调整前档次", "调整后档次", "新得星", "失去星", "原因", "错误"],
      ["a", "张三", "5星", "6星", "升", "抓规范、抓提升", "抓规范、抓提升", "群众认可星", "", "recognitionRate 0.6→0.5：改为得群众认可星", ""],
      ["b", "李四", "6星", "6星", "不变", "抓规范、抓提升", "抓规范、抓提升", "", "", "", ""],
      ["c", "王五", "", "", "", "", "", "", "", "", "“组织观念星定性评定”列：“maybe”无法识别为是/否；可填写 是/否、√/×、✓/✗、合格/不合格、通过/不通过、有/无、TRUE/FALSE、1/0 或 Y/N"],
    ]);
  });
  it("in English on request: ids and the reason's English words", () => {
    const out = compareTable(member, member.with({ recognitionRate: "0.5" }), table, { locale: "en" });
    expect(out[1]).toEqual(["a", "张三", 5, 6, "up", "improve", "improve", "massRecognition", "", "recognitionRate 0.6 → 0.5: stars.massRecognition: not earned → earned", ""]);
  });
});

describe("compare: grades, payments and names", () => {
  it("Yantian's shares 60/40 → 50/50: a grade moves up and another down (grades compared by their order)", () => {
    const yantian = compile(rulesets["yantian/organization"]);
    const org = (id: string, ind: number, ev: number) => ({ id, name: `组织${id}`, facts: { level: "committee", leader: ind, workSystem: ind, venue: ind, supportMechanism: ind, performance: ind, massContact: ind, evaluation: ev } });
    // a: 0.6 × 80 + 0.4 × 100 = 88 (较好) → 0.5 × 80 + 0.5 × 100 = 90 (好): up.
    // b: 0.6 × 100 + 0.4 × 75 = 90 (好) → 50 + 37.5 = 87.5 (较好): down. c: 90 and 90 both ways: same.
    const c = compare(yantian, yantian.with({ indicatorShare: "0.5", evaluationShare: "0.5" }), [org("a", 80, 100), org("b", 100, 75), org("c", 90, 90)]);
    expect(c.subjects.map((s) => [s.id, s.name, s.before.rating, s.after.rating, s.moved])).toEqual([
      ["a", "组织a", "fairlyGood", "good", "up"],
      ["b", "组织b", "good", "fairlyGood", "down"],
      ["c", "组织c", "good", "good", "same"],
    ]);
    expect(c.counts).toEqual({ up: 1, down: 1, same: 1 });
    expect(c.parameters).toEqual([{ parameter: "indicatorShare", before: "0.6", after: "0.5" }, { parameter: "evaluationShare", before: "0.4", after: "0.5" }]);
    expect(c.subjects[0]!.why.find((w) => w.rule === "rating")!.text).toBe("indicatorShare 0.6 → 0.5, evaluationShare 0.4 → 0.5: rating: fairlyGood → good");
  });
  it("Feicheng's three-star allowance 300 → 350 a month: each rural three-star branch gets 600 more a year, exactly", () => {
    const feicheng = compile(rulesets["feicheng/branch"]);
    const branch = (id: string, domain: string) => ({ id, facts: { domain, team: 14, operation: 14, orgLife: 14, memberMgmt: 14, basicSupport: 14, roleScore: 70 } });
    // 70 + 0.4 × 70 = 0.6 × 70 + 28 = 70: three stars. Two rural, one community (no allowance).
    const c = compare(feicheng, feicheng.with({ allowanceThreeStar: 350 }), [branch("a", "rural"), branch("b", "rural"), branch("c", "community")]);
    expect(c.payments).toEqual({ before: "7200", after: "8400", difference: "1200" });
    expect(c.subjects.map((s) => [s.before.payments, s.after.payments, s.moved])).toEqual([["3600", "4200", "same"], ["3600", "4200", "same"], ["0", "0", "same"]]);
    expect(c.subjects[0]!.why.map((w) => w.text)).toEqual(["allowanceThreeStar 300 → 350: tiers.threeStar.payments.secretaryAllowance: pays 300 per month → pays 350 per month"]);
  });
});

describe("compare: what each side lacks, bad rows on either side, the full reasons", () => {
  const member = compile(rulesets["rushan/member"]);
  const facts = { ideals: true, orgAwareness: true, moralConduct: true, exemplar: true, duty: true, volunteer: false, stability: false, tackleHard: false, orgLifeScore: 8, surveySatisfied: 3, surveyValid: 5 };
  it("a scheme with one more fact cannot be compared: the error names it on its side only", () => {
    const more = structuredClone(rulesets["rushan/member"]) as unknown as { facts: Record<string, unknown> };
    more.facts.extra = { type: "boolean", default: false, label: { zh: "附加", en: "extra" }, source: { default: "a test" } };
    expect(() => compare(member, compile(more as unknown as RulesetSource), [])).toThrow("rushan/member@1.0.0 has nothing that rushan/member@1.0.0 lacks, and lacks extra");
  });
  it("a parameter set to its own value, as a number instead of text, is no change", () => {
    expect(compare(member, member.with({ recognitionRate: 0.6 }), [{ id: "a", facts }]).parameters).toEqual([]);
  });
  it("a subject valid before and bad after (a lower scale makes its score out of range) is listed once, with the reform's error", () => {
    const feicheng = compile(rulesets["feicheng/branch"]);
    const c = compare(feicheng, feicheng.with({ categoryPoints: 18 }), [{ id: "f", facts: { domain: "rural", team: 20, operation: 18, orgLife: 18, memberMgmt: 18, basicSupport: 18, roleScore: 90 } }]);
    expect(c.errors.map((e) => [e.index, e.id, e.errors.map((x) => [x.path.join("."), x.code])])).toEqual([[0, "f", [["facts.team", "above_max"]]]]);
    expect([c.subjects, c.counts]).toEqual([[], { up: 0, down: 0, same: 0 }]);
  });
  it("a star lost, a veto listed on both sides, and every reason of a quota demotion (the tier follows, without a parameter of its own)", () => {
    const c = compare(member.with({ recognitionRate: "0.5" }), member, [{ id: "a", facts: { ...facts, vetoes: ["exemplar"] } }]);
    const s = c.subjects[0]!;
    // At 0.5: ideals, orgAwareness, moralConduct, massRecognition, duty (exemplar vetoed) = 5; at 0.6 massRecognition is lost: 4.
    expect([s.before.rating, s.after.rating, s.starsLost, s.starsGained, s.before.vetoes, s.after.vetoes, s.moved]).toEqual([5, 4, ["massRecognition"], [], ["exemplar"], ["exemplar"], "down"]);
    expect(s.why.map((w) => w.text)).toEqual([
      "recognitionRate 0.5 → 0.6: stars.massRecognition: earned → not earned",
      "rating: 5 → 4",
      "tiers.improve: tier improve → not applied",
      "tiers.rectify: not applied → tier rectify",
      "remediation.fourStars: not applied → steps: talkReminder",
    ]);
    expect(c.payments).toBeUndefined();
  });
  it("the Qianjin quota demotion's full reasons: the quota names the parameter, the tiers follow without one", () => {
    const qj = compile(rulesets["qianjin/organization"]);
    const c = compare(qj, qj.with({ fiveStarShare: "0.2" }), cohort());
    const f = c.subjects.find((s) => s.id === "f-050")!;
    expect(f.why.map((w) => [w.rule, w.parameters.map((p) => p.parameter)])).toEqual([
      ["quota.fiveStar", ["fiveStarShare"]],
      ["tiers.fourStar", []],
      ["tiers.fiveStar", []],
    ]);
    expect(c.payments).toBeUndefined();
  });
});
