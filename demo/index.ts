/**
 * `npm run demo`: evaluates the bundled sample Rushan community and prints a summary in Chinese
 * with English ids. Run it after `npm ci`; it imports the library's source directly.
 */
import { compile, rulesets, workingDays, type Evaluation, type Result } from "../src/index.js";
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
    r.tier.actions.forEach((a) => t.actions.add(`${a.id} ${a.label.zh}`));
    byTier.set(r.tier.id, t);
  }
  for (const [id, t] of byTier) {
    line(`  ${id.padEnd(12)} ${t.label}  ×${t.names.length}${t.actions.size ? `  → ${[...t.actions].join("；")}` : ""}`);
  }

  const vetoed = okResults.filter(({ r }) => r.vetoes.length);
  if (vetoed.length) {
    line("\n一票否决 (vetoes)");
    for (const { name, r } of vetoed) {
      line(`  ${name.padEnd(8)} ${r.vetoes.map((v) => `${v.id}（${v.label.zh}）→ 取消 ${v.star}`).join("；")}`);
    }
  }

  const steps = okResults.filter(({ r }) => r.remediation.steps.length);
  if (steps.length) {
    line("\n帮教与处置 (remediation)");
    for (const { name, r } of steps) {
      for (const s of r.remediation.steps) line(`  ${name.padEnd(8)} ${s.id.padEnd(24)} ${s.label.zh}${s.due ? `（截止 ${s.due}）` : ""}`);
    }
  }

  const changed = okResults.filter(({ r }) => r.change && (r.change.gained.length || r.change.lost.length));
  if (changed.length) {
    line("\n与上年相比 (change since last year)");
    for (const { name, r } of changed) {
      const c = r.change!;
      line(`  ${name.padEnd(8)} ${c.from}星 → ${c.to}星  增星 +[${c.gained.join(", ")}]  摘星 -[${c.lost.join(", ")}]`);
    }
  }
  for (const { name, r } of bad) if (!r.ok) line(`  ✖ ${name}: ${r.errors.map((e) => `${e.path.join(".")}: ${e.message}`).join("; ")}`);
}

function explain(name: string, r: Result) {
  if (!r.ok) return;
  line(`${name}（${r.id}）：${(r.rating as { stars: number }).stars}星，档次 ${r.tier.id}（${r.tier.label.zh}），${r.qualified ? "合格" : "未达到合格党员标准"}`);
  for (const s of r.stars) line(`  ${s.earned ? "★" : "☆"} ${s.label.zh.padEnd(6, "　")} ${s.id.padEnd(17)} ${s.reason.zh}`);
  line("  决定过程 (trace):");
  for (const t of r.trace) {
    const src = t.source ? ("quote" in t.source ? `「${t.source.quote}」— ${memberScheme.documents[t.source.document]!.publisher} ${memberScheme.documents[t.source.document]!.date}` : `默认 (default): ${t.source.default}`) : "";
    line(`   · ${t.rule}${t.value !== undefined ? ` = ${t.value}` : ""} — ${t.outcome}`);
    line(`     at ${JSON.stringify(t.path)}  ${src}`);
  }
}

// ── members ──
const memberScheme = compile(rulesets["rushan/member"]);
const memberResults = members.map((m) => {
  const history = (memberHistory[m.id] ?? []).reduce<Result[]>((h, y) => [...h, memberScheme.evaluate({ id: m.id, facts: y.facts }, { asOf: y.asOf, history: h })], []);
  return { name: m.name, r: memberScheme.evaluate({ id: m.id, facts: m.facts }, { asOf, history }) };
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
const orgCohort = orgScheme.evaluateCohort(organizations.map((o) => ({ id: o.id, facts: o.facts })), { asOf });
line("\n末位淘汰 (last-place elimination, cohort of 4)");
for (const a of orgCohort.adjustments) line(`  ${a.id.padEnd(12)} ${a.rule.padEnd(30)} ${a.from}星 → ${a.to}星  ${a.reason.zh}`);
if (!orgCohort.adjustments.length) line("  （无 none）");

// ── one subject in full ──
section("逐星说明 one member in full");
const focus = memberResults.find((x) => x.r.id === "m-031")!;
explain(focus.name, focus.r);

// ── the other schemes ──
const nameOf = (list: { id: string; name: string }[]) => (id: string | undefined) => list.find((x) => x.id === id)?.name ?? String(id);

function cohortSection(title: string, id: string, list: { id: string; name: string; facts: Record<string, unknown>; events?: unknown[] }[], show: (r: Evaluation) => string) {
  const scheme = compile(rulesets[id]!);
  section(`${title} (${id})`);
  const c = scheme.evaluateCohort(list.map(({ id, facts, events }) => ({ id, facts, ...(events ? { events } : {}) })), { asOf });
  const name = nameOf(list);
  for (const r of c.results) {
    if (!r.ok) line(`  ✖ ${name(r.id)}: ${r.errors.map((e) => e.message).join("; ")}`);
    else line(`  ${name(r.id).padEnd(10, "　")} ${show(r)}`);
  }
  if (c.adjustments.length) {
    line("  名额调整 (cohort adjustments):");
    for (const a of c.adjustments) line(`   · ${name(a.id)} ${a.rule}: ${a.from} → ${a.to}${a.tie ? " (并列 tie)" : ""}${a.applied ? "" : " (未执行 not applied)"}`);
  }
  line(`  分布 distribution: ${Object.entries(c.distribution).map(([k, v]) => `${k}: ${v}`).join(", ")}`);
  if (c.payments) line(`  全年奖补合计 payments for the year: ${c.payments.total} 元`);
  return c;
}

const acts = (r: Evaluation) => r.tier.actions.map((a) => a.id).join(",");
cohortSection("前进街道“五化社区” Qianjin", "qianjin/organization", qianjinCommunities, (r) =>
  `总分 ${r.scores.total!.padStart(5)}  ${stars(r.rating.stars!, 5)} ${r.tier.id.padEnd(14)} +${r.tier.bonusPoints}分  ${acts(r)}${r.remediation.steps.length ? `  → ${r.remediation.steps.map((s) => `${s.id} (截止 ${s.due})`).join("; ")}` : ""}`);
cohortSection("盐田区党建质量评定 Yantian", "yantian/organization", yantianOrganizations, (r) =>
  `指标 ${r.scores.indicators!.padStart(5)}  评议 ${r.scores.evaluation!.padStart(3)}  总分 ${r.scores.total!.padStart(5)}  ${r.tier.label.zh} (${r.rating.grade})  ${acts(r)}${r.remediation.steps.length ? `  → ${r.remediation.steps.map((s) => s.id).join(",")}` : ""}`);
cohortSection("肥城市评星定级 Feicheng", "feicheng/branch", feichengBranches, (r) =>
  `总分 ${r.scores.total!.padStart(5)}  ${stars(r.rating.stars!, 5)}${r.vetoes.length ? `  否决→${r.vetoes.map((v) => v.id).join(",")}` : ""}${r.trace.some((t) => t.rule === "events.downgrade") ? "  摘星降级" : ""}  ${(r.tier.payments ?? []).map((p) => `${p.id} ${p.amount}/${p.period === "month" ? "月" : "年"}`).join(", ")}${r.remediation.steps.length ? `  → 四个一` : ""}${acts(r) ? `  ${acts(r)}` : ""}`);
cohortSection("柳州市“创星升级” Liuzhou villages", "liuzhou/village", liuzhouVillages, (r) => `平均 ${r.scores.total!.padStart(5)}  ${stars(r.rating.stars!, 5)} ${r.tier.id}`);
const learning = compile(rulesets["liuzhou/learning"]!).evaluate({ id: liuzhouLearning.id, facts: liuzhouLearning.facts });
if (learning.ok) line(`\n  学习创新工程考核 (liuzhou/learning) ${liuzhouLearning.name}: ${learning.scores.total} 分，${learning.tier.label.zh} (${learning.rating.grade})`);

// ── what would it take, and when is it due ──
section("下一步 what it would take, and deadlines");
const cn2026 = workingDays({
  // China's 2026 National Day holiday and its make-up workday (调休), as the caller supplies them.
  holidays: ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"],
  makeupWorkdays: ["2026-10-10"],
  coverage: { from: "2026-01-01", to: "2026-12-31" },
});
const show = (v: unknown) => (typeof v === "boolean" ? (v ? "是" : "否") : String(v));
function whatItTakes(label: string, id: string, subject: { id: string; facts: Record<string, unknown> }, step?: string, from = "2026-09-28") {
  const scheme = compile(rulesets[id]!);
  const r = scheme.evaluate(subject, { asOf });
  if (!r.ok) return;
  line(`\n${label}（${id}，${r.rating.stars !== undefined ? `${r.rating.stars}星` : r.rating.grade}）`);
  for (const n of r.remediation.nextStar) {
    const what = n.blockedBy ? `一票否决，无法通过努力取得 blocked by ${n.blockedBy.join(", ")}` : n.unreachable ? "无法达到 unreachable" : n.changes.map((c) => `${c.fact} ${show(c.from)} → ${show(c.to)}`).join("，且 ");
    line(`  得 ${n.star.padEnd(17)} ${what}`);
  }
  const nl = r.remediation.nextLevel;
  if (nl) line(`  升到 ${String(nl.to).padEnd(15)} ${nl.blockedBy ? `受限于 blocked by ${nl.blockedBy.join(", ")}` : nl.unreachable ? "无法达到 unreachable" : nl.changes.map((c) => `${c.fact} ${show(c.from)} → ${show(c.to)}`).join("，且 ")}`);
  for (const s of r.remediation.steps) line(`  整改 ${s.id}: ${s.label.zh}${s.due ? `，截止 ${s.due}` : ""}`);
  if (!step) return;
  const weekday = scheme.deadline(step, from);
  const withHolidays = scheme.deadline(step, from, { calendar: cn2026 });
  line(`  程序 ${step}: 自 ${from} 起，截止 ${withHolidays}（含国庆调休）；仅按周一至周五为 ${weekday}`);
}
whatItTakes("党员 王芳（示例）", "rushan/member", { id: "m-demo", facts: { ideals: true, orgAwareness: false, moralConduct: true, exemplar: true, duty: true, volunteer: false, stability: true, tackleHard: true, orgLifeScore: 5.5, surveySatisfied: 3, surveyValid: 5, vetoes: ["clutterNotCleared"] } }, "publicNotice", "2026-09-28");
whatItTakes(qianjinCommunities[4]!.name, "qianjin/organization", qianjinCommunities[4]!, "appeal", "2026-09-28");
whatItTakes(yantianOrganizations[1]!.name, "yantian/organization", yantianOrganizations[1]!);
whatItTakes(yantianOrganizations[4]!.name, "yantian/organization", yantianOrganizations[4]!);
whatItTakes("某村党支部（示例）", "feicheng/branch", { id: "f-demo", facts: { domain: "rural", team: 17, operation: 17, orgLife: 17, memberMgmt: 17, basicSupport: 16, roleScore: 71 } }, "publicityFiling", "2026-09-28");
