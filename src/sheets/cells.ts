/**
 * Cells as clerks write them. Tables only: `evaluate` stays strict for systems. Every text is
 * NFKC-normalized (full-width digits, letters and punctuation become their plain forms) and
 * trimmed; a number may end in `分`; yes/no has the forms Chinese sheets use; list items are ids
 * or Chinese labels; dates have the forms of Chinese sheets, `Date` cells and serial numbers.
 * Anything else, or anything that could mean two things, is an error naming the accepted forms:
 * never a guess.
 */
import type { CFact, Model } from "../compile/model.js";
import { isDate } from "../_lib/text.js";
import { subjectError, type SubjectError } from "../words/subjectErrors.js";

/** A spreadsheet cell as Google Sheets, Excel and WPS give it. */
export type Cell = string | number | boolean | Date | null | undefined;

/** A cell read: its value, or the error that names its column. */
export type Read = { readonly value: unknown; readonly error?: undefined } | { readonly value?: undefined; readonly error: SubjectError };

/** NFKC and trimmed: `　８.５ ` → `8.5`, `（` → `(`. */
export function clean(s: string): string {
  return s.normalize("NFKC").trim();
}

/**
 * Whether a cell is empty (`""`, spaces, `null`, `undefined`). `trim` already removes every space
 * NFKC would turn into one (the full-width U+3000 included), so no normalization on this path:
 * every cell of every row passes here.
 */
export function isEmpty(c: unknown): boolean {
  return c === null || c === undefined || (typeof c === "string" && c.trim() === "");
}

const YES = new Set(["是", "√", "✓", "✔", "合格", "通过", "有", "true", "1", "y", "yes"]);
const NO = new Set(["否", "×", "✗", "✘", "不合格", "不通过", "无", "false", "0", "n", "no"]);
// Matched on cleaned text: one optional sign, digits with at most one point (linear time).
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const LIST_SPLIT = /[、,;\s]+/;
const DASHED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const HANZI = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;

/** A cell's text for an error message (cut; dates and odd values by kind). */
function shown(cell: unknown): string {
  if (typeof cell === "string") return cell.length > 60 ? `${cell.slice(0, 60)}…` : cell;
  if (isDate(cell)) return "(date)";
  if (typeof cell === "number" || typeof cell === "boolean") return String(cell);
  return cell === null ? "null" : `(${typeof cell})`;
}

/** Reads a cell as a fact of the given kind; `column` is the header as the sheet writes it. */
export type CellReader = (cell: unknown) => Read;

/** The reader for one fact's column. */
export function factReader(model: Model, f: CFact, column: string): CellReader {
  const path = ["facts", f.id];
  const bad = (cell: unknown, kind: string, extra: Record<string, readonly string[]> = {}): Read => ({
    error: subjectError("bad_cell", path, { column, got: shown(cell), kind, ...extra, fact: f.id }),
  });
  switch (f.type) {
    case "boolean":
      return (cell) => {
        if (typeof cell === "boolean") return { value: cell };
        if (typeof cell === "number") return cell === 1 ? { value: true } : cell === 0 ? { value: false } : bad(cell, "boolean");
        if (typeof cell !== "string") return bad(cell, "boolean");
        const t = clean(cell).toLowerCase();
        return YES.has(t) ? { value: true } : NO.has(t) ? { value: false } : bad(cell, "boolean");
      };
    case "decimal":
    case "integer":
      return (cell) => {
        if (typeof cell === "number") return Number.isFinite(cell) ? { value: cell } : bad(cell, "number");
        if (typeof cell !== "string") return bad(cell, "number");
        let t = clean(cell);
        if (t.endsWith("分")) t = t.slice(0, -1).trimEnd();
        // Passed on exactly as text: the evaluator checks range, step and digits.
        return NUMBER.test(t) ? { value: t } : bad(cell, "number");
      };
    case "enum": {
      const byName = new Map<string, string>();
      for (const v of f.values!) byName.set(clean(v), v);
      for (const [label, id] of f.enumLabels ?? []) byName.set(clean(label), id);
      const options = [...(f.enumLabels ?? [])].map(([label, id]) => `${label}(${id})`);
      return (cell) => {
        if (typeof cell !== "string") return bad(cell, "enum", { options });
        const id = byName.get(clean(cell));
        return id !== undefined ? { value: id } : bad(cell, "enum", { options });
      };
    }
    case "list": {
      const byName = new Map<string, string>();
      for (const v of f.values!) byName.set(clean(v), v);
      for (const [label, id] of f.enumLabels ?? []) byName.set(clean(label), id);
      // A veto item by its star's name (理想信念星), where that star has exactly one item.
      const byStar = new Map<string, string[]>();
      for (const v of model.vetoes) {
        if (v.starIndex < 0) continue;
        const name = clean(model.stars[v.starIndex]!.label.zh);
        byStar.set(name, [...(byStar.get(name) ?? []), v.id]);
      }
      const options = [...(f.enumLabels ?? [])].map(([label]) => label);
      return (cell) => {
        if (typeof cell !== "string") return bad(cell, "list", { options });
        const t = clean(cell);
        if (t === "无") return { value: [] };
        const items: string[] = [];
        for (const part of t.split(LIST_SPLIT)) {
          if (!part) continue;
          const id = byName.get(part);
          if (id !== undefined) {
            items.push(id);
            continue;
          }
          const star = byStar.get(part);
          if (star?.length === 1) items.push(star[0]!);
          else if (star) return { error: subjectError("bad_cell", path, { column, got: part, kind: "list", ambiguous: star, options: star.map((id) => model.vetoById.get(id)!.label.zh), fact: f.id }) };
          else return bad(part, "list", { options });
        }
        return { value: items };
      };
    }
  }
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isoOf(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1) return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : DAYS[m - 1]!)) return undefined;
  return `${String(y).padStart(4, "0")}-${pad(m)}-${pad(d)}`;
}

/** Spreadsheet serial day numbers (1900 date system) from 61 (1900-03-01) to 2958465 (9999-12-31). */
const SERIAL_MIN = 61, SERIAL_MAX = 2958465;
const MS_PER_DAY = 86_400_000;
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date cell as an ISO date: `2024-12-31`, `2024/12/31`, `2024.12.31`, `2024年12月31日`
 * (one- or two-digit month and day), a `Date` (the calendar day it shows where the sheet made
 * it: its local fields), or a spreadsheet serial number (its whole days; 1900 date system, from
 * 1900-03-01). Undefined when the cell is none of these or names no real day.
 */
export function readDate(cell: unknown): string | undefined {
  if (isDate(cell)) {
    // Through Date.prototype: a Date of another realm (the sheet's) has the same fields.
    const t = Date.prototype.getTime.call(cell);
    return Number.isNaN(t) ? undefined : isoOf(Date.prototype.getFullYear.call(cell), Date.prototype.getMonth.call(cell) + 1, Date.prototype.getDate.call(cell));
  }
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return undefined;
    const n = Math.floor(cell);
    if (n < SERIAL_MIN || n > SERIAL_MAX) return undefined;
    const d = new Date(SERIAL_EPOCH + n * MS_PER_DAY);
    return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  if (typeof cell !== "string") return undefined;
  const t = clean(cell);
  const m = DASHED.exec(t) ?? HANZI.exec(t);
  if (!m) return undefined;
  const parts = m.length === 5 ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]];
  return isoOf(Number(parts[0]), Number(parts[1]), Number(parts[2]));
}

/** The reader of a date column (events). */
export function dateReader(column: string, path: readonly (string | number)[]): CellReader {
  return (cell) => {
    const iso = readDate(cell);
    return iso !== undefined ? { value: iso } : { error: subjectError("bad_cell", path, { column, got: shown(cell), kind: "date" }) };
  };
}

/** The reader of a whole-number column that is not a fact (a downgrade's levels). */
export function countReader(column: string, path: readonly (string | number)[]): CellReader {
  return (cell) => {
    const t = typeof cell === "number" ? String(cell) : typeof cell === "string" ? clean(cell).replace(/级$/, "") : undefined;
    return t !== undefined && /^\d{1,6}$/.test(t) ? { value: Number(t) } : { error: subjectError("bad_cell", path, { column, got: shown(cell), kind: "number" }) };
  };
}

/** The reader of a text column (id, name, a reason): text as it is (cleaned), numbers as their text. */
export function textReader(column: string, path: readonly (string | number)[]): CellReader {
  return (cell) =>
    typeof cell === "string" ? { value: clean(cell) } : typeof cell === "number" && Number.isFinite(cell) ? { value: String(cell) } : { error: subjectError("bad_cell", path, { column, got: shown(cell), kind: "text" }) };
}
