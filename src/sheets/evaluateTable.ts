/**
 * The spreadsheet face: cells in, cells out. A header row of fact ids or their Chinese labels,
 * one output row per input row, a bad row's error in its own `error` cell (the others still
 * evaluate), and the whole table evaluated as one cohort (quotas, last place).
 */
import { Q } from "../_lib/decimal.js";
import { closest } from "../_lib/didYouMean.js";
import type { CFact, Model } from "../compile/model.js";
import { subjectError, type SubjectError } from "../words/subjectErrors.js";
import { approximateWords, labelOf, listWords, nextLevelWords, nextStarWords, ratingOf, say, type Locale } from "../words/render.js";
import { clean, countReader, dateReader, factReader, isEmpty, textReader, type Cell, type CellReader } from "./cells.js";

export type { Cell } from "./cells.js";
import { evaluateCohort, type CohortResult } from "../cohort/evaluateCohort.js";
import type { Evaluation, FactChange, NextLevel, NextStar, Result } from "../evaluate/types.js";
import { starAdvice } from "../evaluate/evaluate.js";

/** Options of `evaluateTable`. */
export interface TableOptions {
  /** The evaluation date (ISO `yyyy-MM-dd`) for every row. */
  readonly asOf?: string;
  /**
   * The language of every value cell and error: `"zh"` (ratings as `8星`, labels, steps with due
   * dates, hints and errors in Chinese) or `"en"` (ids and English, for systems). Default: `"zh"`
   * when the header row uses Chinese labels (or `headers: "zh"`), else `"en"`.
   */
  readonly locale?: Locale;
  /** Output header language; defaults to the locale. */
  readonly headers?: "en" | "zh";
  /**
   * Extra output columns after the standard ones: `name`, `qualified`, `rank`, `scores`,
   * `bonusPoints`, `payments`, `due`, `nextLevel`. `name` is added first by itself when the
   * input has a `姓名` / `名称` / `name` column.
   */
  readonly columns?: readonly ExtraColumn[];
}

/** Extra output columns `evaluateTable` can add. */
export type ExtraColumn = "name" | "qualified" | "rank" | "scores" | "bonusPoints" | "payments" | "due" | "nextLevel";

const STANDARD = ["id", "rating", "tier", "stars", "vetoes", "remediation", "nextStar", "error"] as const;
const ZH: Record<string, string> = {
  id: "编号", rating: "星级/等次", tier: "档次", stars: "所得星", vetoes: "一票否决", remediation: "帮教整改", nextStar: "争星提示", error: "错误",
  name: "姓名/名称", qualified: "合格", rank: "排名", scores: "得分", bonusPoints: "加分", payments: "奖补(元/年)", due: "截止日期", nextLevel: "升级提示",
};
/** Input columns that are not facts, by header (ids and Chinese names). */
const SPECIAL: Record<string, "id" | "name" | "eventDate" | "eventLevels" | "eventReason"> = {
  id: "id", 编号: "id", name: "name", 姓名: "name", 名称: "name", 党组织名称: "name",
  downgradeDate: "eventDate", 降级日期: "eventDate", downgradeLevels: "eventLevels", 降级级数: "eventLevels", downgradeReason: "eventReason", 降级原因: "eventReason",
};
const CHINESE = /[\u4e00-\u9fff]/;
/** The errors of a row that has none (shared). */
const NO_ERRORS: readonly SubjectError[] = Object.freeze([]);

interface Column {
  readonly index: number;
  readonly kind: "id" | "name" | "eventDate" | "eventLevels" | "eventReason" | "fact";
  readonly fact?: CFact;
  readonly read: CellReader;
}

/** Matches header cells to facts (by id or Chinese label, NFKC-normalized); a near miss is an error for every row, never a silently ignored column. */
function mapHeaders(model: Model, header: readonly unknown[]): { columns: Column[]; problems: SubjectError[]; chinese: boolean } {
  const byName = new Map<string, CFact>();
  for (const f of model.facts) {
    byName.set(f.id, f);
    byName.set(clean(f.label.zh), f);
  }
  const specials = Object.keys(SPECIAL).filter((k) => model.events || !SPECIAL[k]!.startsWith("event"));
  const known = [...byName.keys(), ...specials];
  const columns: Column[] = [];
  const problems: SubjectError[] = [];
  const seen = new Map<string, number>();
  let chinese = false;
  header.forEach((cell, index) => {
    const name = typeof cell === "string" ? clean(cell) : typeof cell === "number" ? String(cell) : "";
    if (!name) return;
    const special = specials.includes(name) ? SPECIAL[name] : undefined;
    const fact = special ? undefined : byName.get(name);
    if (!special && !fact) {
      const near = closest(name, known);
      if (near) problems.push(subjectError("unknown_column", [], { column: name, index: index + 1, ruleset: model.id, suggestion: near }));
      return;
    }
    if (CHINESE.test(name)) chinese = true;
    const key = fact ? fact.id : special!;
    if (seen.has(key)) problems.push(subjectError("duplicate_column", [], { column: key, first: seen.get(key)! + 1, second: index + 1 }));
    seen.set(key, index);
    const read =
      fact ? factReader(model, fact, name)
      : special === "eventDate" ? dateReader(name, ["events", 0, "date"])
      : special === "eventLevels" ? countReader(name, ["events", 0, "levels"])
      : textReader(name, special === "id" ? ["id"] : special === "name" ? ["name"] : ["events", 0, "reason"]);
    columns.push({ index, kind: fact ? "fact" : special!, fact, read });
  });
  if (!seen.has("id")) problems.push(subjectError("no_id_column", []));
  return { columns, problems, chinese };
}

function hint(changes: readonly { fact: string; from: unknown; to: unknown }[]): string {
  return changes.map((c) => `${c.fact} ${String(c.from)}→${String(c.to)}`).join(", ");
}

/** `to: changes`, or why the next level cannot be reached (ids, for systems). */
function levelHint(l: NextLevel): string {
  if (l.blockedBy?.length) return `${l.to}: blocked by ${l.blockedBy.join(", ")}`;
  return l.unreachable ? `${l.to}: unreachable` : `${l.to}: ${hint(l.changes)}${approximateWords(l, "en")}`;
}

/**
 * The easiest star to earn next: the first star whose change is the one the next level needs,
 * else the first reachable, else the first blocked. Stars are advised one at a time, stopping at
 * the match.
 */
function nextStarOf(r: Evaluation): { star?: NextStar; level?: NextLevel } {
  const level: NextLevel | undefined = r.remediation.nextLevel;
  const target = level && !level.blockedBy && !level.unreachable ? level.changes : undefined;
  let first: NextStar | undefined, blocked: NextStar | undefined, any: NextStar | undefined;
  for (let i = 0; i < r.stars.length; i++) {
    const s = starAdvice(r, i);
    if (!s) continue;
    any ??= s;
    if (s.changes.length) {
      if (target !== undefined && sameChanges(s.changes, target)) return { star: s };
      first ??= s;
    } else if (s.blockedBy?.length) blocked ??= s;
  }
  if (!any) return { level };
  return { star: first ?? blocked ?? any };
}

/** Whether two suggestions move the same facts to the same values (as their hints would read). */
function sameChanges(a: readonly FactChange[], b: readonly FactChange[]): boolean {
  if (a.length !== b.length) return false;
  // The next level's change is often the very change of a star's remembered advice.
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && (a[i]!.fact !== b[i]!.fact || String(a[i]!.from) !== String(b[i]!.from) || String(a[i]!.to) !== String(b[i]!.to))) return false;
  return true;
}

/** The hint of one star's advice, in the table's language. */
function starHint(model: Model, star: NextStar, locale: Locale): string {
  if (locale === "zh") return nextStarWords(model, star, locale);
  if (star.changes.length) return `${star.star}: ${hint(star.changes)}${approximateWords(star, "en")}`;
  return star.blockedBy?.length ? `${star.star}: blocked by ${star.blockedBy.join(", ")}` : `${star.star}: unreachable`;
}

/** The next-star cell; `once` keeps each advice object's words (rows with the same values share their advice). */
function nextStarHint(model: Model, r: Evaluation, locale: Locale, once: (key: object, make: () => string) => string): string {
  const { star, level } = nextStarOf(r);
  if (star) return once(star, () => starHint(model, star, locale));
  if (!level) return "";
  return locale === "zh" ? nextLevelWords(model, level, locale) : levelHint(level);
}

function extra(model: Model, r: Evaluation, col: ExtraColumn, locale: Locale): string | number | boolean {
  const zh = locale === "zh";
  switch (col) {
    case "name":
      return r.name ?? "";
    case "qualified":
      return r.qualified === undefined ? "" : zh ? (r.qualified ? "合格" : "不合格") : r.qualified;
    case "rank":
      return r.rank?.position ?? "";
    case "scores":
      return Object.entries(r.scores)
        .map(([k, v]) => `${zh ? (labelOf(model, k)?.zh ?? k) : k}=${v}`)
        .join(zh ? "；" : ", ");
    case "bonusPoints":
      return r.tier.bonusPoints !== undefined ? Number(r.tier.bonusPoints) : "";
    case "payments": {
      const p = r.tier.payments;
      if (!p) return "";
      return Number(p.reduce((acc, x) => acc.add(Q.of(x.perYear)), Q.ZERO).toString());
    }
    case "due":
      return r.remediation.steps.map((s) => s.due ?? "").filter(Boolean).join(zh ? "、" : ", ");
    case "nextLevel": {
      const l = r.remediation.nextLevel;
      return l ? (zh ? nextLevelWords(model, l, locale) : levelHint(l)) : "";
    }
  }
}

/** A row's errors in the table's language. Errors from the evaluator name their fact (in English as `fact: message`). */
function errorCell(errors: readonly SubjectError[], locale: Locale, fromEvaluator: boolean): string {
  if (locale === "zh") return errors.map((e) => e.zh).join("；");
  return errors
    .map((e) => {
      if (!fromEvaluator) return e.message;
      const where = e.path.filter((x) => x !== "facts").join(".");
      return `${where || "subject"}: ${e.message}`;
    })
    .join("; ");
}

/** A table read into subjects: one entry per input row (blank rows and bad rows included). */
export interface ReadTable {
  /** The table's language (the option, or Chinese headers). */
  readonly locale: Locale;
  /** Whether the input has a name column. */
  readonly hasName: boolean;
  /** Per input row: its id and name, its errors, or the index of its subject. */
  readonly rows: readonly { readonly errors: readonly SubjectError[]; readonly id: string; readonly name?: string; readonly subject?: number }[];
  /** The subjects of the good rows. */
  readonly subjects: readonly { readonly id: string; readonly name?: string; readonly facts: Record<string, unknown>; readonly events?: unknown[] }[];
}

/**
 * Reads a table into subjects, as clerks write cells (see `cells.ts`): headers matched to facts,
 * every cell read, a row with unreadable cells kept with its errors. Shared by `evaluateTable`
 * and `compareTable`.
 */
export function readTable(model: Model, table: unknown, options: { readonly locale?: Locale; readonly headers?: "en" | "zh" }, what = "evaluateTable"): ReadTable {
  if (!Array.isArray(table) || table.length === 0 || !Array.isArray(table[0])) {
    throw new TypeError(`${what}() expects a table: an array of rows, the first row holding the headers`);
  }
  if (options.locale !== undefined && options.locale !== "zh" && options.locale !== "en") throw new TypeError(`options.locale must be "zh" or "en", got ${JSON.stringify(options.locale)}`);
  const { columns, problems, chinese } = mapHeaders(model, table[0] as unknown[]);
  const locale: Locale = options.locale ?? options.headers ?? (chinese ? "zh" : "en");
  const rows = table.slice(1) as unknown[];
  const subjects: { id: string; name?: string; facts: Record<string, unknown>; events?: unknown[] }[] = [];
  const pending: { errors: readonly SubjectError[]; id: string; name?: string; subject?: number }[] = [];

  rows.forEach((raw, r) => {
    const cells = (Array.isArray(raw) ? raw : []) as Cell[];
    if (cells.every(isEmpty)) {
      pending.push({ errors: NO_ERRORS, id: "" });
      return;
    }
    // Most rows have no problem: their list is made only when one is found.
    let errors: SubjectError[] | undefined = problems.length ? [...problems] : undefined;
    const facts: Record<string, unknown> = {};
    let id = "";
    let name: string | undefined;
    let event: Record<string, unknown> | undefined;
    for (const c of columns) {
      const cell = cells[c.index];
      if (isEmpty(cell)) continue;
      const read = c.read(cell);
      if (read.error) {
        (errors ??= []).push(read.error);
        continue;
      }
      if (c.kind === "fact") facts[c.fact!.id] = read.value;
      else if (c.kind === "id") id = read.value as string;
      else if (c.kind === "name") name = read.value as string;
      else (event ??= { type: "downgrade" })[c.kind === "eventDate" ? "date" : c.kind === "eventLevels" ? "levels" : "reason"] = read.value;
    }
    if (!id && !errors?.some((e) => e.path[0] === "id")) (errors ??= []).push(subjectError("missing_id", ["id"], { row: r + 2 }));
    if (errors) {
      pending.push({ errors, id, name });
      return;
    }
    pending.push({ errors: NO_ERRORS, id, name, subject: subjects.length });
    const subject: (typeof subjects)[number] = { id, facts };
    if (name !== undefined) subject.name = name;
    if (event) subject.events = [event];
    subjects.push(subject);
  });
  return { locale, hasName: columns.some((c) => c.kind === "name"), rows: pending, subjects };
}

/**
 * Evaluates a table: the first row holds headers (fact ids or their Chinese labels, `id` or
 * `编号`, optionally `姓名` / `名称` / `name`, and a scheme's event columns); returns a header
 * row and one row per input row with the columns `id`, `rating`, `tier`, `stars`, `vetoes`,
 * `remediation`, `nextStar`, `error` (then `name` and any extra `columns`). Cells are read as
 * clerks write them (see `cells.ts`); values and errors are written in the table's locale.
 */
export function evaluateTable(model: Model, table: unknown, options: TableOptions = {}): (string | number | boolean)[][] {
  return tableResults(model, table, options).cells;
}

/**
 * `evaluateTable`'s work, with what it read and the cohort it evaluated: a caller that needs the
 * results too (the workbench explains rows and publishes the notice) reads and rates the table once.
 */
export function tableResults(model: Model, table: unknown, options: TableOptions = {}): { cells: (string | number | boolean)[][]; read: ReadTable; cohort: CohortResult } {
  const read = readTable(model, table, options);
  const { locale, hasName, rows: pending, subjects } = read;
  const zh = locale === "zh";
  const extras: ExtraColumn[] = [...(hasName && !options.columns?.includes("name") ? ["name" as const] : []), ...(options.columns ?? [])];
  const names = [...STANDARD, ...extras];
  const head = (options.headers ?? locale) === "zh" ? names.map((n) => ZH[n] ?? n) : names.slice();
  const width = names.length;
  const out: (string | number | boolean)[][] = [head];

  const cohort = evaluateCohort(model, subjects, options.asOf === undefined ? undefined : { asOf: options.asOf });
  const nameAt = extras.indexOf("name");
  // Results share their frozen star and veto arrays (interned): each array's cell is written once per table.
  const cellOf = new Map<object, string>();
  const once = (key: object, make: () => string): string => {
    let v = cellOf.get(key);
    if (v === undefined) cellOf.set(key, (v = make()));
    return v;
  };
  for (const p of pending) {
    const row: (string | number | boolean)[] = new Array(width).fill("");
    row[0] = p.id;
    if (nameAt >= 0) row[STANDARD.length + nameAt] = p.name ?? "";
    if (p.subject === undefined) {
      if (p.errors.length) row[7] = errorCell(p.errors, locale, false);
      out.push(row);
      continue;
    }
    const res: Result = cohort.results[p.subject]!;
    if (!res.ok) {
      row[7] = errorCell(res.errors, locale, true);
      out.push(row);
      continue;
    }
    if (zh) {
      row[1] = ratingOf(model, res.rating, locale);
      row[2] = say(res.tier.label, locale);
      row[3] = once(res.stars, () => listWords(res.stars.filter((s) => s.earned).map((s) => s.label.zh), locale));
      row[4] = once(res.vetoes, () => listWords(res.vetoes.map((v) => v.label.zh), locale));
      row[5] = once(res.remediation.steps, () => listWords(res.remediation.steps.map((s) => (s.due ? `${s.label.zh}（${s.due}前）` : s.label.zh)), locale));
    } else {
      row[1] = res.rating.stars ?? res.rating.grade!;
      row[2] = res.tier.id;
      row[3] = once(res.stars, () => res.stars.filter((s) => s.earned).map((s) => s.id).join(","));
      row[4] = once(res.vetoes, () => res.vetoes.map((v) => v.id).join(","));
      row[5] = once(res.remediation.steps, () => res.remediation.steps.map((s) => s.id).join(","));
    }
    row[6] = nextStarHint(model, res, locale, once);
    extras.forEach((col, i) => (row[STANDARD.length + i] = extra(model, res, col, locale)));
    out.push(row);
  }
  return { cells: out, read, cohort };
}
