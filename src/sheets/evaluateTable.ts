/**
 * The spreadsheet face: cells in, cells out. A header row of fact ids or their Chinese labels,
 * one output row per input row, a bad row's error in its own `error` cell (the others still
 * evaluate), and the whole table evaluated as one cohort (quotas, last place).
 */
import { Q } from "../_lib/decimal.js";
import { closest } from "../_lib/didYouMean.js";
import { show } from "../_lib/text.js";
import type { CFact, Model } from "../compile/model.js";
import { evaluateCohort } from "../cohort/evaluateCohort.js";
import type { Evaluation, NextLevel, NextStar, Result } from "../evaluate/types.js";
import { starAdvice } from "../evaluate/evaluate.js";

/** A spreadsheet cell as Google Sheets, Excel and WPS give it. */
export type Cell = string | number | boolean | Date | null | undefined;

/** Options of `evaluateTable`. */
export interface TableOptions {
  /** The evaluation date (ISO `yyyy-MM-dd`) for every row. */
  readonly asOf?: string;
  /** Output header language: `"en"` (ids, the default) or `"zh"`. */
  readonly headers?: "en" | "zh";
  /** Extra output columns after the standard ones: `qualified`, `rank`, `scores`, `bonusPoints`, `payments`, `due`, `nextLevel`. */
  readonly columns?: readonly ExtraColumn[];
}

/** Extra output columns `evaluateTable` can add. */
export type ExtraColumn = "qualified" | "rank" | "scores" | "bonusPoints" | "payments" | "due" | "nextLevel";

const STANDARD = ["id", "rating", "tier", "stars", "vetoes", "remediation", "nextStar", "error"] as const;
const ZH: Record<string, string> = {
  id: "编号", rating: "星级/等次", tier: "档次", stars: "所得星", vetoes: "一票否决", remediation: "帮教整改", nextStar: "争星提示", error: "错误",
  qualified: "合格", rank: "排名", scores: "得分", bonusPoints: "加分", payments: "奖补(元/年)", due: "截止日期", nextLevel: "升级提示",
};
const ID_HEADERS = new Set(["id", "编号"]);
const SPLIT = /[,，、;；\s]+/;
const TRUE = new Set(["true", "1", "是", "yes", "y"]);
const FALSE = new Set(["false", "0", "否", "no", "n"]);

interface Column {
  readonly index: number;
  readonly fact: CFact | "id";
}

/** Matches header cells to facts; a near miss is an error for every row, never a silently ignored column. */
function mapHeaders(model: Model, header: readonly Cell[]): { columns: Column[]; problems: string[] } {
  const byName = new Map<string, CFact>();
  for (const f of model.facts) {
    byName.set(f.id, f);
    byName.set(f.label.zh, f);
  }
  const known = [...byName.keys(), "id", "编号"];
  const columns: Column[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  header.forEach((cell, index) => {
    const name = typeof cell === "string" ? cell.trim() : typeof cell === "number" ? String(cell) : "";
    if (!name) return;
    const fact: CFact | "id" | undefined = ID_HEADERS.has(name) ? "id" : byName.get(name);
    if (!fact) {
      const near = closest(name, known);
      if (near) problems.push(`column ${index + 1} "${name}" is not a fact of ${model.id} (did you mean "${near}"?)`);
      return;
    }
    const key = fact === "id" ? "id" : fact.id;
    if (seen.has(key)) problems.push(`columns ${seen.get(key)! + 1} and ${index + 1} both give "${key}"`);
    seen.set(key, index);
    columns.push({ index, fact });
  });
  if (!seen.has("id")) problems.push(`no "id" (编号) column`);
  return { columns, problems };
}

function isEmpty(c: Cell): boolean {
  return c === null || c === undefined || (typeof c === "string" && c.trim() === "");
}

/** Reads one cell as the fact's type; returns an error message when it cannot. */
function readCell(f: CFact, cell: Cell): { value?: unknown; error?: string } {
  if (cell instanceof Date) return { error: `"${f.id}" has a date, but it is a ${f.type === "boolean" ? "yes/no" : f.type} fact` };
  if (typeof cell !== "string" && typeof cell !== "number" && typeof cell !== "boolean") return { error: `"${f.id}" has a cell that is not text, a number or TRUE/FALSE (${show(cell)})` };
  switch (f.type) {
    case "boolean": {
      if (typeof cell === "boolean") return { value: cell };
      const t = String(cell).trim().toLowerCase();
      if (TRUE.has(t)) return { value: true };
      if (FALSE.has(t)) return { value: false };
      return { error: `"${f.id}" must be TRUE/FALSE, 是/否 or 1/0, got ${show(cell)}` };
    }
    case "decimal":
    case "integer":
      // Numbers pass as they are; text is passed on exactly (the evaluator checks it).
      return { value: typeof cell === "string" ? cell.trim() : cell };
    case "enum": {
      const t = String(cell).trim();
      const byLabel = f.enumLabels?.get(t);
      return { value: byLabel ?? t };
    }
    case "list": {
      const items = String(cell).trim().split(SPLIT).filter(Boolean);
      return { value: items.map((x) => f.enumLabels?.get(x) ?? x) };
    }
  }
}

function hint(changes: readonly { fact: string; from: unknown; to: unknown }[]): string {
  return changes.map((c) => `${c.fact} ${String(c.from)}→${String(c.to)}`).join(", ");
}

/** `to: changes`, or why the next level cannot be reached. */
function levelHint(l: NextLevel): string {
  if (l.blockedBy?.length) return `${l.to}: blocked by ${l.blockedBy.join(", ")}`;
  return l.unreachable ? `${l.to}: unreachable` : `${l.to}: ${hint(l.changes)}`;
}

/**
 * The easiest star to earn next, as a short hint: the first star whose change is the one the next
 * level needs, else the first reachable. Stars are advised one at a time, stopping at the match.
 */
function nextStarHint(r: Evaluation): string {
  const level: NextLevel | undefined = r.remediation.nextLevel;
  const target = level && !level.blockedBy && !level.unreachable ? hint(level.changes) : undefined;
  let first: NextStar | undefined, blocked: NextStar | undefined, any: NextStar | undefined;
  for (let i = 0; i < r.stars.length; i++) {
    const s = starAdvice(r, i);
    if (!s) continue;
    any ??= s;
    if (s.changes.length) {
      if (target !== undefined && hint(s.changes) === target) return `${s.star}: ${hint(s.changes)}`;
      first ??= s;
    } else if (s.blockedBy?.length) blocked ??= s;
  }
  if (!any) return level ? levelHint(level) : "";
  if (first) return `${first.star}: ${hint(first.changes)}`;
  return blocked ? `${blocked.star}: blocked by ${blocked.blockedBy!.join(", ")}` : `${any.star}: unreachable`;
}

function extra(r: Evaluation, col: ExtraColumn): string | number | boolean {
  switch (col) {
    case "qualified":
      return r.qualified ?? "";
    case "rank":
      return r.rank?.position ?? "";
    case "scores":
      return Object.entries(r.scores).map(([k, v]) => `${k}=${v}`).join(", ");
    case "bonusPoints":
      return r.tier.bonusPoints !== undefined ? Number(r.tier.bonusPoints) : "";
    case "payments": {
      const p = r.tier.payments;
      if (!p) return "";
      return Number(p.reduce((acc, x) => acc.add(Q.of(x.perYear)), Q.ZERO).toString());
    }
    case "due":
      return r.remediation.steps.map((s) => s.due ?? "").filter(Boolean).join(", ");
    case "nextLevel": {
      const l = r.remediation.nextLevel;
      return l ? levelHint(l) : "";
    }
  }
}

/**
 * Evaluates a table: the first row holds headers (fact ids or their Chinese labels, and `id` or
 * `编号`); returns a header row and one row per input row with the columns `id`, `rating`,
 * `tier`, `stars`, `vetoes`, `remediation`, `nextStar`, `error` (then any extra `columns`).
 */
export function evaluateTable(model: Model, table: unknown, options: TableOptions = {}): (string | number | boolean)[][] {
  if (!Array.isArray(table) || table.length === 0 || !Array.isArray(table[0])) {
    throw new TypeError("evaluateTable() expects a table: an array of rows, the first row holding the headers");
  }
  const extras = options.columns ?? [];
  const names = [...STANDARD, ...extras];
  const head = options.headers === "zh" ? names.map((n) => ZH[n] ?? n) : names.slice();
  const width = names.length;
  const { columns, problems } = mapHeaders(model, table[0] as Cell[]);

  const rows = table.slice(1) as unknown[];
  const out: (string | number | boolean)[][] = [head];
  const subjects: { id: string; facts: Record<string, unknown> }[] = [];
  const pending: { row: number; errors: string[]; id: string; subject?: number }[] = [];

  rows.forEach((raw, r) => {
    const cells = (Array.isArray(raw) ? raw : []) as Cell[];
    if (cells.every(isEmpty)) {
      pending.push({ row: r, errors: [], id: "" });
      return;
    }
    const errors = [...problems];
    const facts: Record<string, unknown> = {};
    let id = "";
    for (const c of columns) {
      const cell = cells[c.index];
      if (c.fact === "id") {
        id = typeof cell === "string" ? cell.trim() : typeof cell === "number" ? String(cell) : "";
        continue;
      }
      if (isEmpty(cell)) continue;
      const read = readCell(c.fact, cell);
      if (read.error) errors.push(read.error);
      else facts[c.fact.id] = read.value;
    }
    if (!id) errors.push(`row ${r + 2} has no id`);
    if (errors.length) {
      pending.push({ row: r, errors, id });
      return;
    }
    pending.push({ row: r, errors, id, subject: subjects.length });
    subjects.push({ id, facts });
  });

  const cohort = evaluateCohort(model, subjects, options.asOf === undefined ? undefined : { asOf: options.asOf });
  for (const p of pending) {
    const row: (string | number | boolean)[] = new Array(width).fill("");
    if (p.subject === undefined) {
      if (p.errors.length) {
        row[0] = p.id;
        row[7] = p.errors.join("; ");
      }
      out.push(row);
      continue;
    }
    const res: Result = cohort.results[p.subject]!;
    row[0] = p.id;
    if (!res.ok) {
      row[7] = res.errors.map((e) => `${e.path.filter((x) => x !== "facts").join(".") || "subject"}: ${e.message}`).join("; ");
      out.push(row);
      continue;
    }
    row[1] = res.rating.stars ?? res.rating.grade!;
    row[2] = res.tier.id;
    row[3] = res.stars.filter((s) => s.earned).map((s) => s.id).join(",");
    row[4] = res.vetoes.map((v) => v.id).join(",");
    row[5] = res.remediation.steps.map((s) => s.id).join(",");
    row[6] = nextStarHint(res);
    extras.forEach((col, i) => (row[STANDARD.length + i] = extra(res, col)));
    out.push(row);
  }
  return out;
}
