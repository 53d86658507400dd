/**
 * The text a clerk hands to the subject: rating and tier with their actions, each star earned or
 * not with the values that decided it, vetoes, cohort adjustments and events, remediation steps
 * with due dates, and what it would take for the next star. Chinese by default, English on
 * request; generated from the result and its trace (with the values each condition compared).
 */
import { Q } from "../_lib/decimal.js";
import type { ConditionShape, Model, Operand } from "../compile/model.js";
import { valuedTrace } from "../evaluate/evaluate.js";
import type { Evaluation, Rejection, Result, TraceEntry } from "../evaluate/types.js";
import { labelOf, listWords, nextLevelWords, nextStarWords, ratingWords, say, starWords, type Locale } from "./render.js";

/** Options of `scheme.explain`. */
export interface ExplainOptions {
  /** `"zh"` (the default) or `"en"`. */
  readonly locale?: Locale;
}

/** A rate (its label says 率 or rate) between 0 and 1 as a percentage, exactly: `0.6` → `60%`. */
function shown(model: Model, name: string, value: string, locale: Locale): string {
  const label = labelOf(model, name);
  if (value === "true" || value === "false") return locale === "zh" ? (value === "true" ? "是" : "否") : value === "true" ? "yes" : "no";
  if (label && (label.zh.includes("率") || /\b(rate|share)\b/i.test(label.en)) && /^\d+(\.\d+)?$/.test(value)) {
    const q = Q.of(value);
    if (q.cmp(Q.of(1)) <= 0) return `${q.mul(Q.of(100)).toString()}%`;
  }
  return value;
}

const FAILED_ZH: Record<string, string> = { ">": "未超过", ">=": "未达到", "<": "不低于", "<=": "高于", "==": "不等于", "!=": "等于" };
const FAILED_EN: Record<string, string> = { ">": "does not exceed", ">=": "is below", "<": "is not below", "<=": "exceeds", "==": "is not", "!=": "is" };

/** An operand with its value: `群众满意率 60%（满意票数 3，有效票数 5）`; a parameter or a literal by its value alone when `bare`. */
function operand(model: Model, o: Operand, values: Readonly<Record<string, string>>, trace: readonly TraceEntry[], locale: Locale, bare: boolean): string {
  if (o.name === undefined) return o.text;
  const v = values[o.name];
  const label = labelOf(model, o.name);
  const isParam = !model.factById.has(o.name) && !model.scores.some((s) => s.id === o.name);
  const value = v === undefined ? "?" : shown(model, o.name, v, locale);
  if (bare && isParam) return value;
  const head = `${label ? say(label, locale) : o.name} ${value}`;
  // A score: what it was computed from (the score's own trace entry has the values).
  const sc = trace.find((t) => t.rule === `scores.${o.name}`);
  if (!sc?.values) return head;
  const parts = Object.entries(sc.values).filter(([k]) => k !== o.name && model.factById.has(k));
  if (!parts.length) return head;
  const inner = parts.map(([k, x]) => `${say(labelOf(model, k)!, locale)} ${shown(model, k, x, locale)}`).join(locale === "zh" ? "，" : ", ");
  return locale === "zh" ? `${head}（${inner}）` : `${head} (${inner})`;
}

/** Why a condition failed, in words, from its shape and the values it compared. */
function failedWords(model: Model, shape: ConditionShape, entry: TraceEntry, trace: readonly TraceEntry[], locale: Locale): string {
  const values = entry.values ?? {};
  if (shape.kind === "fact") {
    const label = labelOf(model, shape.name);
    const v = values[shape.name];
    const name = label ? say(label, locale) : shape.name;
    return v === undefined ? name : `${name}${locale === "zh" ? "：" : ": "}${shown(model, shape.name, v, locale)}`;
  }
  if (shape.kind === "compare") {
    const left = operand(model, shape.left, values, trace, locale, false);
    const right = operand(model, shape.right, values, trace, locale, true);
    return locale === "zh" ? `${left}，${FAILED_ZH[shape.op]} ${right}` : `${left} ${FAILED_EN[shape.op]} ${right}`;
  }
  const vals = Object.entries(values).map(([k, x]) => `${say(labelOf(model, k) ?? { zh: k, en: k }, locale)} ${shown(model, k, x, locale)}`);
  const head = locale === "zh" ? `不满足 ${shape.text}` : `${shape.text} does not hold`;
  return vals.length ? `${head}${locale === "zh" ? `（${vals.join("，")}）` : ` (${vals.join(", ")})`}` : head;
}

/** The words of a star: earned, vetoed, lost in the cohort, or the condition that failed. */
function starLine(model: Model, r: Evaluation, i: number, trace: readonly TraceEntry[], locale: Locale): string {
  const st = r.stars[i]!;
  const zh = locale === "zh";
  const name = say(st.label, locale);
  if (st.earned) {
    const decided = trace.find((t) => t.rule === `stars.${st.id}`);
    return decided?.overridden ? `  ✓ ${name}${zh ? "（按模拟参数）" : " (under the simulated parameters)"}` : `  ✓ ${name}`;
  }
  const sep = zh ? "：" : ": ";
  if (st.vetoedBy.length) {
    const items = listWords(st.vetoedBy.map((v) => say(model.vetoById.get(v)?.label ?? { zh: v, en: v }, locale)), locale);
    return `  ✗ ${name}${sep}${zh ? `被一票否决（${items}）` : `cancelled by veto (${items})`}`;
  }
  const lost = trace.find((t) => t.rule.startsWith("lastPlace.") && model.cohort?.lastPlace.some((l) => model.stars[l.starIndex]?.id === st.id && `lastPlace.${l.fact.id}` === t.rule));
  if (lost) {
    const rule = model.cohort!.lastPlace.find((l) => `lastPlace.${l.fact.id}` === lost.rule)!;
    return `  ✗ ${name}${sep}${zh ? `末位淘汰（${rule.fact.label.zh}排名末位）` : `last place on ${rule.fact.label.en}`}`;
  }
  const cs = model.stars[i]!;
  // The clause that failed: its trace entry is at stars[i].when[k].
  const entry = trace.find((t) => t.rule === `stars.${st.id}` && t.path.length === 4);
  const k = entry ? (entry.path[3] as number) : -1;
  const shape = k >= 0 ? cs.clauses[k]?.shape : undefined;
  return `  ✗ ${name}${sep}${shape && entry ? failedWords(model, shape, entry, trace, locale) : say(st.reason, locale)}`;
}

/** Cohort rules and events, from their trace entries. */
function adjustmentLines(model: Model, trace: readonly TraceEntry[], locale: Locale): string[] {
  const zh = locale === "zh";
  const out: string[] = [];
  for (const t of trace) {
    if (t.rule.startsWith("quota.")) {
      const q = model.cohort?.quotas.find((x) => `quota.${x.id}` === t.rule);
      if (!q) continue;
      const share = q.shareParts.text;
      out.push(
        zh
          ? `  名额限制：${ratingWords(model, q.rating, locale)}占比不超过${share}，调整为${ratingWords(model, q.demoteTo, locale)}`
          : `  quota: at most ${share} may hold ${ratingWords(model, q.rating, locale)}; adjusted to ${ratingWords(model, q.demoteTo, locale)}`,
      );
    } else if (t.rule === "events.downgrade") {
      if (!t.values) continue;
      const { from, to, date, reason } = t.values as { from: string; to: string; date: string; reason: string };
      out.push(
        zh
          ? `  摘星降级（${date}）：由${ratingWords(model, Number(from), locale)}降为${ratingWords(model, Number(to), locale)}，原因：${reason}`
          : `  downgraded on ${date} from ${ratingWords(model, Number(from), locale)} to ${ratingWords(model, Number(to), locale)}: ${reason}`,
      );
    }
  }
  return out;
}

function rejectionText(model: Model, r: Rejection, locale: Locale): string {
  const who = r.name !== undefined ? `${r.name}（${r.id ?? "?"}）` : (r.id ?? (locale === "zh" ? "（无编号）" : "(no id)"));
  const lines = r.errors.map((e) => `  - ${locale === "zh" ? e.zh : e.message}`);
  return locale === "zh" ? [`${who}：数据有误，未能评定（${model.source.title.zh}）`, ...lines].join("\n") : [`${who}: the data has errors; not rated (${model.source.title.en})`, ...lines].join("\n");
}

/**
 * The explanation of one result, as text a clerk can hand to the subject. Throws a `TypeError`
 * when the result is of another scheme (its labels and rules would be wrong).
 */
export function explain(model: Model, result: Result, options: ExplainOptions = {}): string {
  if (result === null || typeof result !== "object" || typeof (result as { ok?: unknown }).ok !== "boolean") throw new TypeError("explain() expects a result that evaluate() or evaluateCohort() returned");
  if (result.ruleset?.id !== model.id) throw new TypeError(`explain() got a result of "${String(result.ruleset?.id)}"; explain it with that scheme, not "${model.id}"`);
  const locale: Locale = options.locale ?? "zh";
  if (locale !== "zh" && locale !== "en") throw new TypeError(`options.locale must be "zh" or "en", got ${JSON.stringify(locale)}`);
  if (!result.ok) return rejectionText(model, result, locale);
  if (!Array.isArray(result.stars) || !Array.isArray(result.trace) || !result.tier || !result.remediation) {
    throw new TypeError("explain() needs a full result (as evaluate() returned it, or its JSON): a compact() result keeps no stars or trace to explain");
  }
  const r = result;
  const zh = locale === "zh";
  const trace = valuedTrace(model, r);
  const sep = zh ? "：" : ": ";
  const lines: string[] = [];
  const who = r.name !== undefined ? (zh ? `${r.name}（${r.id}）` : `${r.name} (${r.id})`) : r.id;
  lines.push(`${who} — ${say(model.source.title, locale)}`);

  // Rating and tier.
  const value = r.rating.grade ?? r.rating.stars!;
  const max = r.rating.max !== undefined ? (zh ? `（满${ratingWords(model, r.rating.max, locale)}）` : ` (of ${ratingWords(model, r.rating.max, locale)})`) : "";
  lines.push(`${zh ? "评定结果" : "Rating"}${sep}${ratingWords(model, value, locale)}${max}${zh ? "；档次" : "; tier"}${sep}${say(r.tier.label, locale)}`);
  if (r.qualified !== undefined && model.source.qualified) lines.push(`${say(model.source.qualified.label, locale)}${sep}${zh ? (r.qualified ? "是" : "否") : r.qualified ? "yes" : "no"}`);
  const scores = Object.entries(r.scores);
  if (scores.length) lines.push(`${zh ? "得分" : "Scores"}${sep}${scores.map(([k, v]) => `${say(labelOf(model, k) ?? { zh: k, en: k }, locale)} ${shown(model, k, v, locale)}`).join(zh ? "；" : "; ")}`);
  if (r.tier.actions.length) lines.push(`${zh ? "措施" : "Actions"}${sep}${listWords(r.tier.actions.map((a) => say(a.label, locale)), locale)}`);
  if (r.tier.bonusPoints !== undefined) lines.push(`${zh ? "加分" : "Bonus points"}${sep}${r.tier.bonusPoints}`);
  if (r.tier.payments?.length) {
    lines.push(
      `${zh ? "奖补" : "Payments"}${sep}${r.tier.payments
        .map((p) => (zh ? `${p.label.zh} ${p.period === "month" ? "每月" : "每年"}${p.amount}元（全年${p.perYear}元）` : `${p.label.en} ${p.amount} yuan a ${p.period} (${p.perYear} a year)`))
        .join(zh ? "；" : "; ")}`,
    );
  }

  // Stars.
  if (r.stars.length) {
    lines.push(zh ? "得星情况：" : "Stars:");
    for (let i = 0; i < r.stars.length; i++) lines.push(starLine(model, r, i, trace, locale));
  } else {
    // Banded schemes: the score that decided the rating.
    const rt = trace.find((t) => t.rule === "rating");
    const rs = model.rating.kind !== "starCount" ? model.rating.score.id : undefined;
    if (rt?.values && rs && rt.values[rs] !== undefined) lines.push(`${zh ? "评定依据" : "Decided by"}${sep}${say(labelOf(model, rs) ?? { zh: rs, en: rs }, locale)} ${rt.values[rs]}`);
  }

  // Vetoes and caps.
  if (r.vetoes.length) {
    lines.push(
      `${zh ? "一票否决" : "Vetoes"}${sep}${r.vetoes
        .map((v) => {
          const what =
            v.effect === "cancelStar" ? (zh ? `取消${starWords(model, v.star!, locale)}` : `cancels the ${starWords(model, v.star!, locale)}`)
            : v.effect === "capLevel" ? (zh ? `最高评为${ratingWords(model, v.cap!, locale)}` : `at most ${ratingWords(model, v.cap!, locale)}`)
            : zh ? "取消评定资格" : "disqualifies";
          return zh ? `${v.label.zh}（${what}）` : `${v.label.en} (${what})`;
        })
        .join(zh ? "；" : "; ")}`,
    );
  }
  const adjusted = adjustmentLines(model, trace, locale);
  if (adjusted.length) lines.push(zh ? "调整：" : "Adjustments:", ...adjusted);

  // Remediation, and what it would take to do better.
  if (r.remediation.steps.length) {
    lines.push(`${zh ? "帮教整改" : "Remediation"}${sep}${listWords(r.remediation.steps.map((s) => (s.due ? (zh ? `${s.label.zh}（${s.due}前）` : `${s.label.en} (by ${s.due})`) : say(s.label, locale))), locale)}`);
  }
  const next = r.remediation.nextStar.filter((n) => n.changes.length || n.blockedBy?.length);
  if (next.length) {
    lines.push(zh ? "争星方向：" : "To earn more stars:");
    for (const n of next) lines.push(`  ${nextStarWords(model, n, locale)}`);
  }
  const level = r.remediation.nextLevel;
  if (level && !r.stars.length) lines.push(`${zh ? "升级方向" : "To reach the next rating"}${sep}${nextLevelWords(model, level, locale)}`);

  // Against last year.
  if (r.change) {
    const c = r.change;
    const parts: string[] = [];
    if (c.gained.length) parts.push(`${zh ? "新得" : "gained"} ${listWords(c.gained.map((s) => starWords(model, s, locale)), locale)}`);
    if (c.lost.length) parts.push(`${zh ? "失去" : "lost"} ${listWords(c.lost.map((s) => starWords(model, s, locale)), locale)}`);
    const move = `${ratingWords(model, c.from, locale)} → ${ratingWords(model, c.to, locale)}`;
    lines.push(`${zh ? "与上年相比" : "Since last year"}${sep}${move}${parts.length ? (zh ? `；${parts.join("；")}` : `; ${parts.join("; ")}`) : ""}`);
  }

  // A simulation says so.
  const overrides = new Map<string, { value: string; official: string }>();
  for (const t of trace) for (const o of t.overrides ?? []) overrides.set(o.parameter, o);
  if (overrides.size) {
    const list = [...overrides].map(([p, o]) => `${say(labelOf(model, p) ?? { zh: p, en: p }, locale)} ${o.value}${zh ? `（正式值 ${o.official}）` : ` (official ${o.official})`}`);
    lines.push(zh ? `注：本结果按模拟参数计算（${list.join("；")}），不是正式评定结果。` : `Note: a simulation with changed parameters (${list.join("; ")}), not an official rating.`);
  }
  return lines.join("\n");
}

