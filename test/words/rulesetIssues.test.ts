import { describe, expect, it } from "vitest";
import { compile, rulesets, type RulesetSource } from "../../src/index.js";
import { rulesetIssues } from "../helpers.js";

const base = rulesets["rushan/member"];
/** The [message head, zh head] of the one issue a change of the Rushan member ruleset causes. */
function issueOf(change: (r: { stars: { id: string; group: string; when: (string | { if: string })[] }[]; tiers: { min?: number; max?: number }[]; facts: Record<string, Record<string, unknown>> }) => void) {
  const r = structuredClone(base) as never;
  change(r);
  const issues = rulesetIssues(() => compile(r as RulesetSource));
  expect(issues).toHaveLength(1);
  return issues[0]!.zh.split("\n")[0];
}

describe("every RulesetIssue has a Chinese zh beside its English message", () => {
  it.each([
    ["an unknown name, with its suggestion and place", (r: Parameters<Parameters<typeof issueOf>[0]>[0]) => ((r.stars[1]!.when[1] as { if: string }).if = "orgLifeScor > 6"), "未知名称 \"orgLifeScor\"（不是事实项、参数或得分）（是否应为 \"orgLifeScore\"？）（表达式 \"orgLifeScor > 6\" 第 1 个字符处）"],
    ["a syntax error", (r: Parameters<Parameters<typeof issueOf>[0]>[0]) => ((r.stars[1]!.when[1] as { if: string }).if = "orgLifeScore > > 6"), "语法错误（第 16 个字符）：此处应为一个值，却出现 \">\""],
    ["a full-width ≥, with its hint", (r: Parameters<Parameters<typeof issueOf>[0]>[0]) => ((r.stars[1]!.when[1] as { if: string }).if = "orgLifeScore ≥ 6"), "语法错误（第 14 个字符）：无法识别的字符 \"≥\"：请写 \">=\""],
    ["a type mismatch", (r: Parameters<Parameters<typeof issueOf>[0]>[0]) => ((r.stars[1]!.when[1] as { if: string }).if = "orgLifeScore + true > 1"), "\"+\" 的右边应为数字，但 此表达式 是布尔值（是/否）（表达式 \"orgLifeScore + true > 1\" 第 16 个字符处）"],
    ["a duplicate star id", (r: Parameters<Parameters<typeof issueOf>[0]>[0]) => ((r.stars[5]!.id = "ideals"), (r.stars[5]!.when = ["duty"])), "编号 \"ideals\" 重复（另见 stars[0]）"],
    ["an unknown group", (r: Parameters<Parameters<typeof issueOf>[0]>[0]) => (r.stars[2]!.group = "basik"), "未知的分组 \"basik\"（是否应为 \"basic\"？）"],
    ["a tier gap", (r: Parameters<Parameters<typeof issueOf>[0]>[0]) => (r.tiers[0]!.min = 9), "没有档次覆盖星级 8（在档次 \"improve\" 和 \"consolidate\" 之间）；档次须覆盖 0 到 10 的每个星级"],
    ["an unknown key", (r: Parameters<Parameters<typeof issueOf>[0]>[0]) => (r.facts.ideals!.lable = {}), "未知的键 \"lable\"（是否应为 \"label\"？）"],
    ["a wrong enum value", (r: Parameters<Parameters<typeof issueOf>[0]>[0]) => (r.facts.ideals!.type = "bool"), "应为 \"boolean\", \"decimal\", \"integer\", \"enum\", \"list\" 之一，实际为文本 \"bool\""],
  ])("%s", (_, change, zh) => {
    expect(issueOf(change)).toBe(zh);
  });
  it("overrides: a bad value, an unknown parameter, a value that breaks the ruleset elsewhere", () => {
    const member = compile(base);
    expect(rulesetIssues(() => member.with({ recognitionRate: "0.9" })).map((i) => i.zh)).toEqual(['参数 "recognitionRate" 不得大于 satisfactionRate (0.8)，实际为 0.9']);
    expect(rulesetIssues(() => member.with({ recognitionRat: 1 })).map((i) => i.zh)).toEqual(['规则集 "rushan/member" 没有参数 "recognitionRat"（是否应为 "recognitionRate"？）']);
    expect(rulesetIssues(() => compile({ extends: "qianjin/organisation" }))[0]!.zh).toMatch(/^未知的规则集 "qianjin\/organisation"；内置规则集：.*（是否应为 "qianjin\/organization"？）$/);
  });
  it("a wording no rule covers keeps its English after the Chinese name of its kind", async () => {
    const { rulesetIssueZh } = await import("../../src/words/rulesetIssues.js");
    expect(rulesetIssueZh("invalid_value", "something new went wrong")).toBe("取值无效：something new went wrong");
  });
});
