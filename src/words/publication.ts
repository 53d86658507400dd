/**
 * The public notice (公示) of a cohort's results: a title from the scheme and the year, the rated
 * subjects in rating order, the notice period from the ruleset's publication step (calendar days
 * counted per 民法典 Art. 201/203 on the caller's calendar) and the appeal deadline where the
 * ruleset declares one; as rows and as plain text.
 */
import { parseIsoDate } from "../_lib/dates.js";
import { stepDue, weekdays, type WorkingDayCalendar } from "../calendar/workingDays.js";
import type { CohortResult } from "../cohort/evaluateCohort.js";
import type { Model } from "../compile/model.js";
import type { Evaluation } from "../evaluate/types.js";
import { listWords, ratingOf, say, type Locale } from "./render.js";

/** Options of `scheme.publication`. */
export interface PublicationOptions {
  /** The day the notice is posted (ISO `yyyy-MM-dd`); the period counts from the day after. */
  readonly from: string;
  /** The calendar the period is counted on (Monday–Friday by default). */
  readonly calendar?: WorkingDayCalendar;
  /** `"zh"` (the default) or `"en"`. */
  readonly locale?: Locale;
  /** The rating year named in the title; by default the year of `from`. */
  readonly year?: number;
}

/** A row of the notice. */
export interface PublicationRow {
  /** 1, 2, 3…; subjects with the same rating share none (the order is rating, then input order). */
  readonly position: number;
  readonly id: string;
  readonly name?: string;
  /** The rating in words (`9星`, `4星级`, `较好`). */
  readonly rating: string;
  /** The earned stars' labels. */
  readonly stars: readonly string[];
  /** The tier's label. */
  readonly tier: string;
}

/** The public notice of a cohort. */
export interface Publication {
  readonly title: string;
  /** The rated subjects, best rating first. */
  readonly rows: readonly PublicationRow[];
  /** The notice period (first and last day), where the ruleset declares a publication step with a duration. */
  readonly period?: { readonly from: string; readonly to: string; readonly days: number; readonly step: string };
  /** The last day to appeal, where the ruleset declares an appeal step with a duration. */
  readonly appealBy?: string;
  /** Subjects left out because their data was bad (they were not rated): id and how many errors. */
  readonly excluded: readonly { readonly id: string | undefined; readonly errors: number }[];
  /** The notice as plain text. */
  readonly text: string;
}

/** Rating order: numeric ratings high to low, grades in their band order. */
function order(model: Model): (r: Evaluation) => number {
  const r = model.rating;
  if (r.kind === "grades") return (x) => r.grades.indexOf(x.rating.grade!);
  return (x) => -x.rating.stars!;
}


/**
 * The public notice of a cohort's results. Throws a `TypeError` for a missing or malformed
 * `from`, or a cohort of another scheme.
 */
export function publication(model: Model, cohort: CohortResult, options: PublicationOptions): Publication {
  if (!cohort || typeof cohort !== "object" || !Array.isArray((cohort as { results?: unknown }).results)) throw new TypeError("publication() expects the result of evaluateCohort()");
  if (!options || typeof options.from !== "string" || !parseIsoDate(options.from)) throw new TypeError(`publication() needs options.from, the day the notice is posted ("yyyy-MM-dd"), got ${JSON.stringify(options?.from)}`);
  const locale: Locale = options.locale ?? "zh";
  if (locale !== "zh" && locale !== "en") throw new TypeError(`options.locale must be "zh" or "en", got ${JSON.stringify(locale)}`);
  const zh = locale === "zh";
  const calendar = options.calendar ?? weekdays;
  const year = options.year ?? Number(options.from.slice(0, 4));
  const rated: Evaluation[] = [];
  const excluded: { id: string | undefined; errors: number }[] = [];
  for (const r of cohort.results) {
    if (r.ruleset?.id !== model.id) throw new TypeError(`publication() got a result of "${String(r.ruleset?.id)}"; publish it with that scheme, not "${model.id}"`);
    if (r.ok && (!Array.isArray(r.stars) || !r.tier || !r.rating)) throw new TypeError("publication() needs full results (as evaluateCohort() returned them): a compact() result keeps no star labels");
    if (r.ok) rated.push(r);
    else excluded.push({ id: r.id, errors: r.errors.length });
  }
  const key = order(model);
  const sorted = rated.map((r, i) => ({ r, i, k: key(r) })).sort((a, b) => a.k - b.k || a.i - b.i);
  const rows: PublicationRow[] = sorted.map(({ r }, p) =>
    Object.freeze({
      position: p + 1,
      id: r.id,
      ...(r.name !== undefined ? { name: r.name } : {}),
      rating: ratingOf(model, r.rating, locale),
      stars: Object.freeze(r.stars.filter((s) => s.earned).map((s) => say(s.label, locale))),
      tier: say(r.tier.label, locale),
    }),
  );

  // The publication step: the one whose label says 公示, with a duration; the appeal step by id.
  const notice = model.procedure.find((s) => s.label.zh.includes("公示") && (s.calendarDays !== undefined || s.workingDays !== undefined));
  const to = notice ? stepDue(notice, options.from, calendar) : undefined;
  const period = notice && to ? Object.freeze({ from: options.from, to, days: (notice.calendarDays ?? notice.workingDays)!, step: notice.id }) : undefined;
  const appeal = model.procedure.find((s) => s.id === "appeal");
  const appealBy = appeal ? stepDue(appeal, options.from, calendar) : undefined;

  const title = zh ? `${model.source.title.zh}${year}年度评定结果公示` : `${model.source.title.en}: ${year} results, public notice`;
  const lines = [title, ""];
  lines.push(zh ? `现将${year}年度评定结果公示如下（共${rows.length}${model.source.subject === "member" ? "名" : "个"}）：` : `The ${year} results (${rows.length}):`);
  for (const row of rows) {
    const who = row.name !== undefined ? (zh ? `${row.name}（${row.id}）` : `${row.name} (${row.id})`) : row.id;
    const stars = row.stars.length ? (zh ? `　${listWords(row.stars, locale)}` : `  ${listWords(row.stars, locale)}`) : "";
    lines.push(zh ? `${row.position}. ${who}　${row.rating}　${row.tier}${stars}` : `${row.position}. ${who}  ${row.rating}  ${row.tier}${stars}`);
  }
  if (period) {
    const unit = notice!.calendarDays !== undefined ? (zh ? "天" : "days") : zh ? "个工作日" : "working days";
    lines.push("", zh ? `公示期：${period.from} 至 ${period.to}（${period.days}${unit}，自公示次日起算）。` : `Notice period: ${period.from} to ${period.to} (${period.days} ${unit}, counted from the day after posting).`);
  }
  if (appealBy) lines.push(zh ? `如有异议，请于 ${appealBy} 前提出申诉（${appeal!.label.zh}）。` : `Appeals (${appeal!.label.en}) by ${appealBy}.`);
  return Object.freeze({
    title,
    rows: Object.freeze(rows),
    ...(period ? { period } : {}),
    ...(appealBy ? { appealBy } : {}),
    excluded: Object.freeze(excluded.map((e) => Object.freeze(e))),
    text: lines.join("\n"),
  });
}
