/**
 * The comparison as a spreadsheet gives and takes it: a table in (as `evaluateTable` reads it),
 * one row out per input row, in the table's language.
 */
import { modelOf } from "../scheme/models.js";
import type { Model } from "../compile/model.js";
import { readTable } from "../sheets/evaluateTable.js";
import { listWords, ratingWords, starWords, type Locale } from "../words/render.js";
import { compare, type ComparedSubject, type Reason } from "./compare.js";

/** Options of `compareTable`. */
export interface CompareTableOptions {
  /** The evaluation date (ISO `yyyy-MM-dd`) for every row. */
  readonly asOf?: string;
  /** `"zh"` or `"en"`; by default `"zh"` under Chinese headers, as `evaluateTable`. */
  readonly locale?: Locale;
}

const HEAD = {
  en: ["id", "name", "before", "after", "moved", "tierBefore", "tierAfter", "starsGained", "starsLost", "why", "error"],
  zh: ["编号", "姓名/名称", "调整前", "调整后", "变化", "调整前档次", "调整后档次", "新得星", "失去星", "原因", "错误"],
} as const;

/** A reason in Chinese: the parameters, then what the rule now does. */
function reasonZh(model: Model, w: Reason): string {
  const params = w.parameters.map((p) => `${p.parameter} ${p.before}→${p.after}`).join("、");
  const r = w.rule;
  let what: string;
  if (r.startsWith("quota.")) {
    const q = model.cohort?.quotas.find((x) => `quota.${x.id}` === r);
    const name = q ? `名额限制（${ratingWords(model, q.rating, "zh")}）` : r;
    what = w.before === "not applied" ? `${name}改为降级` : w.after === "not applied" ? `${name}不再降级` : `${name}结果改变`;
  } else if (r.startsWith("lastPlace.")) {
    what = w.before === "not applied" ? "末位淘汰改为摘星" : w.after === "not applied" ? "不再末位淘汰" : "末位淘汰结果改变";
  } else if (r.startsWith("stars.")) {
    const star = starWords(model, r.slice(6), "zh");
    what = w.after === "earned" ? `改为得${star}` : `不再得${star}`;
  } else what = `${r}：${w.before} → ${w.after}`;
  return params ? `${params}：${what}` : what;
}

function reasonEn(w: Reason): string {
  return w.text;
}

/** The reasons a person reads: those with a changed parameter behind them (else all). */
function reasonsOf(s: ComparedSubject): readonly Reason[] {
  const withParams = s.why.filter((w) => w.parameters.length > 0);
  return withParams.length ? withParams : s.why;
}

/**
 * Compares two schemes over a table (a header row of fact ids or Chinese labels, `id`/`编号`, and
 * optionally `姓名`/`名称`), the whole table as one cohort under each. Returns a header row and one
 * row per input row: id, name, the rating before and after, moved (up / down / same), the tier
 * before and after, stars gained and lost, why (the changed parameters and the rules they moved),
 * and the row's error. Values in the table's language.
 *
 * @throws TypeError for something that is not a table, or for schemes that take different facts.
 */
export function compareTable(base: unknown, reform: unknown, table: unknown, options: CompareTableOptions = {}): (string | number)[][] {
  const model = modelOf(base);
  const read = readTable(model, table, options, "compareTable");
  const zh = read.locale === "zh";
  const c = compare(base, reform, read.subjects, options.asOf === undefined ? undefined : { asOf: options.asOf });
  const reformModel = modelOf(reform);
  const bySubject = new Map<number, ComparedSubject>(c.subjects.map((s) => [s.index, s]));
  const errorBySubject = new Map(c.errors.map((e) => [e.index, e.errors]));
  const out: (string | number)[][] = [[...HEAD[read.locale]]];
  const stars = (ids: readonly string[]) => listWords(ids.map((id) => (zh ? starWords(model, id, "zh") : id)), read.locale);
  for (const row of read.rows) {
    const line: (string | number)[] = [row.id, row.name ?? "", "", "", "", "", "", "", "", "", ""];
    if (row.subject === undefined) {
      if (row.errors.length) line[10] = row.errors.map((e) => (zh ? e.zh : e.message)).join(zh ? "；" : "; ");
      out.push(line);
      continue;
    }
    const errors = errorBySubject.get(row.subject);
    if (errors) {
      line[10] = errors.map((e) => (zh ? e.zh : `${e.path.filter((x) => x !== "facts").join(".") || "subject"}: ${e.message}`)).join(zh ? "；" : "; ");
      out.push(line);
      continue;
    }
    const s = bySubject.get(row.subject)!;
    line[2] = zh ? ratingWords(model, s.before.rating, "zh") : s.before.rating;
    line[3] = zh ? ratingWords(reformModel, s.after.rating, "zh") : s.after.rating;
    line[4] = zh ? { up: "升", down: "降", same: "不变" }[s.moved] : s.moved;
    line[5] = zh ? (model.tierByRating.get(s.before.rating)?.label.zh ?? s.before.tier) : s.before.tier;
    line[6] = zh ? (reformModel.tierByRating.get(s.after.rating)?.label.zh ?? s.after.tier) : s.after.tier;
    line[7] = stars(s.starsGained);
    line[8] = stars(s.starsLost);
    line[9] = reasonsOf(s).map((w) => (zh ? reasonZh(reformModel, w) : reasonEn(w))).join(zh ? "；" : "; ");
    out.push(line);
  }
  return out;
}
