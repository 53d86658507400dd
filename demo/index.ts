/**
 * `npm run demo`: evaluates the bundled sample Rushan community and prints a summary in Chinese
 * with English ids. Run it after `npm ci`; it imports the library's source directly.
 */
import { compile, rulesets, workingDays, type BundledRulesetId, type Evaluation, type Result, type RulesetSource } from "../src/index.js";
import { members, memberHistory, organizations } from "./community.js";
import { feichengBranches, liuzhouLearning, liuzhouVillages, qianjinCommunities, yantianOrganizations } from "./schemes.js";

const asOf = "2024-12-31";
const line = (s = "") => console.log(s);
const stars = (n: number, max: number) => "★".repeat(n) + "☆".repeat(max - n);

function section(title: string) {
  line();
  line(`━━ ${title} ${"━".repeat(Math.max(0, 60 - title.length * 2))}`);
}

function summarize(label: string, unit: string, results: { name: string; r: Result }[]) {
  const okResults = results.filter((x): x is { name: string; r: Evaluation } => x.r.ok);
  const bad = results.filter((x) => !x.r.ok);
  line(`${label}：共 ${results.length} ${unit}，有效 ${okResults.length} ${unit}${bad.length ? `，数据有误 ${bad.length} ${unit}` : ""}`);

  line("\n星级分布 (star distribution)");
  const byStars = new Map<number, string[]>();
  for (const { name, r } of okResults) {
    const n = (r.rating as { stars: number }).stars;
    byStars.set(n, [...(byStars.get(n) ?? []), name]);
  }
  for (const n of [...byStars.keys()].sort((a, b) => b - a)) {
    line(`  ${String(n).padStart(2)}星 ${stars(n, 10)}  ×${byStars.get(n)!.length}  ${byStars.get(n)!.join("、")}`);
  }

  line("\n档次 (tiers)");
  const byTier = new Map<string, { label: string; names: string[]; actions: Set<string> }>();
  for (const { name, r } of okResults) {
    const t = byTier.get(r.tier.id) ?? { label: r.tier.label.zh, names: [], actions: new Set<string>() };
    t.names.push(name);
    r.tier.actions.forEach((a) => t.actions.add(a.label.zh));
    byTier.set(r.tier.id, t);
  }
  for (const t of byTier.values()) {
    line(`  ${t.label}  ×${t.names.length}${t.actions.size ? `  → ${[...t.actions].join("；")}` : ""}`);
  }

  const vetoed = okResults.filter(({ r }) => r.vetoes.length);
  if (vetoed.length) {
    line("\n一票否决 (vetoes)");
    for (const { name, r } of vetoed) {
      line(`  ${name.padEnd(8, "　")} ${r.vetoes.map((v) => `${v.label.zh} → 取消${r.stars.find((s) => s.id === v.star)?.label.zh ?? v.star}`).join("；")}`);
    }
  }

  const steps = okResults.filter(({ r }) => r.remediation.steps.length);
  if (steps.length) {
    line("\n帮教与处置 (remediation)");
    for (const { name, r } of steps) {
      for (const s of r.remediation.steps) line(`  ${name.padEnd(8, "　")} ${s.label.zh}${s.due ? `（截止 ${s.due}）` : ""}`);
    }
  }

  const changed = okResults.filter(({ r }) => r.change && (r.change.gained.length || r.change.lost.length));
  if (changed.length) {
    line("\n与上年相比 (change since last year)");
    for (const { name, r } of changed) {
      const c = r.change!;
      const label = (id: string) => r.stars.find((s) => s.id === id)?.label.zh ?? id;
      const parts = [c.gained.length ? `新得 ${c.gained.map(label).join("、")}` : "", c.lost.length ? `失去 ${c.lost.map(label).join("、")}` : ""].filter(Boolean);
      line(`  ${name.padEnd(8, "　")} ${c.from}星 → ${c.to}星  ${parts.join("；")}`);
    }
  }
  for (const { name, r } of bad) if (!r.ok) line(`  ✖ ${name}：${r.errors.map((e) => e.zh).join("；")}`);
}

// ── members ──
const memberScheme = compile(rulesets["rushan/member"]);
const memberResults = members.map((m) => {
  const history = (memberHistory[m.id] ?? []).reduce<Result[]>((h, y) => [...h, memberScheme.evaluate({ id: m.id, facts: y.facts }, { asOf: y.asOf, history: h })], []);
  return { name: m.name, r: memberScheme.evaluate({ id: m.id, name: m.name, facts: m.facts }, { asOf, history }) };
});

line(`${memberScheme.title.zh} / ${memberScheme.title.en}`);
line(`规则集 ruleset ${memberScheme.id}@${memberScheme.version}，评定日期 asOf ${asOf}`);
section("党员 members");
summarize("党员", "名", memberResults);

// ── organizations ──
const orgScheme = compile(rulesets["rushan/organization"]);
const orgResults = organizations.map((o) => ({ name: o.name, r: orgScheme.evaluate({ id: o.id, facts: o.facts }, { asOf }) }));
section("党组织 organizations");
summarize("党组织", "个", orgResults);

// ── organizations' cohort: 末位淘汰 on the quantitative items ──
const orgCohort = orgScheme.evaluateCohort(organizations.map((o) => ({ id: o.id, name: o.name, facts: o.facts })), { asOf });
line("\n末位淘汰 (last-place elimination, cohort of 4)");
for (const a of orgCohort.adjustments) line(`  ${organizations.find((o) => o.id === a.id)!.name}　${a.from}星 → ${a.to}星  ${a.reason.zh}`);
if (!orgCohort.adjustments.length) line("  （无 none）");

// ── one subject in full: the explanation a clerk hands over ──
section("评定说明 scheme.explain: one member in full");
const focus = memberResults.find((x) => x.r.id === "m-031")!;
line(memberScheme.explain(focus.r));

// ── the public notice of the organizations ──
section("公示 scheme.publication");
line(orgScheme.publication(orgCohort, { from: "2025-01-06", year: 2024 }).text);

// ── a clerk's sheet, as a spreadsheet script passes it ──
section("表格 evaluateTable: a clerk's sheet in Chinese");
const sheet = [
  ["编号", "姓名", "理想信念星定性评定", "组织观念星定性评定", "道德品行星定性评定", "模范表率星定性评定", "履职尽责星定性评定", "志愿友爱星定性评定", "综治维稳星定性评定", "攻坚克难星定性评定", "组织生活量化考核得分", "满意票数", "有效票数", "一票否决项"],
  ["m-101", "王芳", "√", "√", "合格", "√", "是", "否", "√", "×", "７.５分", "３８", "４２", ""],
  ["m-102", "李强", "√", "×", "合格", "√", "是", "是", "否", "否", "6分", 25, 42, "理想信念星"],
  ["m-103", "赵敏", "√", "√", "合格", "也许", "是", "是", "是", "是", "8", 30, 42, ""],
];
for (const row of memberScheme.evaluateTable(sheet, { asOf })) line(`  ${row.map((c) => (c === "" ? "—" : c)).join(" | ")}`);

// ── the other schemes ──
const nameOf = (list: { id: string; name: string }[]) => (id: string | undefined) => list.find((x) => x.id === id)?.name ?? String(id);

function cohortSection(title: string, id: BundledRulesetId, list: { id: string; name: string; facts: Record<string, unknown>; events?: unknown[] }[], show: (r: Evaluation) => string) {
  // Rows of any of the schemes: compiled as any ruleset (the facts are checked at run time).
  const scheme = compile(rulesets[id] as RulesetSource);
  section(`${title} (${id})`);
  const c = scheme.evaluateCohort(list.map(({ id, name, facts, events }) => ({ id, name, facts, ...(events ? { events } : {}) })), { asOf });
  const name = nameOf(list);
  for (const r of c.results) {
    if (!r.ok) line(`  ✖ ${name(r.id)}：${r.errors.map((e) => e.zh).join("；")}`);
    else line(`  ${name(r.id).padEnd(10, "　")} ${show(r)}`);
  }
  if (c.adjustments.length) {
    line("  名额调整 (cohort adjustments):");
    for (const a of c.adjustments) line(`   · ${name(a.id)}：${a.reason.zh}${a.applied ? "" : "（未执行 not applied）"}`);
  }
  line(`  分布 distribution: ${Object.entries(c.distribution).map(([k, v]) => `${k}: ${v}`).join(", ")}`);
  if (c.payments) line(`  全年奖补合计 payments for the year: ${c.payments.total} 元`);
  return c;
}

const acts = (r: Evaluation) => r.tier.actions.map((a) => a.label.zh).join("、");
cohortSection("前进街道“五化社区” Qianjin", "qianjin/organization", qianjinCommunities, (r) =>
  `总分 ${r.scores.total!.padStart(5)}  ${stars(r.rating.stars!, 5)} ${r.tier.label.zh}  +${r.tier.bonusPoints}分${acts(r) ? `  ${acts(r)}` : ""}${r.remediation.steps.length ? `  → ${r.remediation.steps.map((s) => `${s.label.zh}（截止 ${s.due}）`).join("；")}` : ""}`);
cohortSection("盐田区党建质量评定 Yantian", "yantian/organization", yantianOrganizations, (r) =>
  `指标 ${r.scores.indicators!.padStart(5)}  评议 ${r.scores.evaluation!.padStart(3)}  总分 ${r.scores.total!.padStart(5)}  ${r.tier.label.zh}${acts(r) ? `  ${acts(r)}` : ""}${r.remediation.steps.length ? `  → ${r.remediation.steps.map((s) => s.label.zh).join("、")}` : ""}`);
cohortSection("肥城市评星定级 Feicheng", "feicheng/branch", feichengBranches, (r) =>
  `总分 ${r.scores.total!.padStart(5)}  ${stars(r.rating.stars!, 5)}${r.vetoes.length ? `  否决：${r.vetoes.map((v) => v.label.zh).join("、")}` : ""}${r.trace.some((t) => t.rule === "events.downgrade") ? "  摘星降级" : ""}${(r.tier.payments ?? []).length ? `  ${r.tier.payments!.map((p) => `${p.label.zh} ${p.amount}元/${p.period === "month" ? "月" : "年"}`).join("、")}` : ""}${r.remediation.steps.length ? `  → ${r.remediation.steps.map((s) => s.label.zh).join("、")}` : ""}${acts(r) ? `  ${acts(r)}` : ""}`);
cohortSection("柳州市“创星升级” Liuzhou villages", "liuzhou/village", liuzhouVillages, (r) => `平均 ${r.scores.total!.padStart(5)}  ${stars(r.rating.stars!, 5)} ${r.tier.label.zh}`);
const learning = compile(rulesets["liuzhou/learning"]!).evaluate({ id: liuzhouLearning.id, facts: liuzhouLearning.facts });
if (learning.ok) line(`\n  学习创新工程考核 (liuzhou/learning) ${liuzhouLearning.name}：${learning.scores.total} 分，${learning.tier.label.zh}`);

// ── what would it take, and when is it due ──
section("下一步 what it would take, and deadlines");
const cn2026 = workingDays({
  // China's 2026 National Day holiday and its make-up workday (调休), as the caller supplies them.
  holidays: ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"],
  makeupWorkdays: ["2026-10-10"],
  coverage: { from: "2026-01-01", to: "2026-12-31" },
});
function whatItTakes(label: string, id: BundledRulesetId, subject: { id: string; facts: Record<string, unknown> }, step?: string, from = "2026-09-28") {
  const scheme = compile(rulesets[id] as RulesetSource);
  const r = scheme.evaluate({ ...subject, name: label }, { asOf });
  if (!r.ok) return;
  // The explanation's lines on rating, remediation and what it would take.
  const text = scheme.explain(r).split("\n");
  line("");
  for (const l of text) if (l.startsWith(text[0]!) || l.startsWith("评定结果") || l.startsWith("帮教整改") || l.startsWith("争星方向") || l.startsWith("升级方向") || l.startsWith("  ") && !l.startsWith("  ✓") && !l.startsWith("  ✗")) line(l);
  if (!step) return;
  const weekday = scheme.deadline(step, from);
  const withHolidays = scheme.deadline(step, from, { calendar: cn2026 });
  const p = scheme.procedure.find((x) => x.id === step)!;
  line(`程序 ${p.label.zh}：自 ${from} 起，截止 ${withHolidays}（含国庆调休）；仅按周一至周五为 ${weekday}`);
}
whatItTakes("王芳（示例）", "rushan/member", { id: "m-demo", facts: { ideals: true, orgAwareness: false, moralConduct: true, exemplar: true, duty: true, volunteer: false, stability: true, tackleHard: true, orgLifeScore: 5.5, surveySatisfied: 3, surveyValid: 5, vetoes: ["clutterNotCleared"] } }, "publicNotice", "2026-09-28");
whatItTakes(qianjinCommunities[4]!.name, "qianjin/organization", qianjinCommunities[4]!, "appeal", "2026-09-28");
whatItTakes(yantianOrganizations[1]!.name, "yantian/organization", yantianOrganizations[1]!);
whatItTakes(yantianOrganizations[4]!.name, "yantian/organization", yantianOrganizations[4]!);
whatItTakes("某村党支部（示例）", "feicheng/branch", { id: "f-demo", facts: { domain: "rural", team: 17, operation: 17, orgLife: 17, memberMgmt: 17, basicSupport: 16, roleScore: 71 } }, "publicityFiling", "2026-09-28");
