/**
 * What a subject's bad data is called, in both languages: every `SubjectError` has a stable
 * `code`, its `params`, an English `message` and a Chinese `zh`. A form localizes by `code` and
 * `params`; a clerk reads `zh`.
 */
import { isDate, quote, show } from "../_lib/text.js";

/**
 * The kinds of bad subject data. Stable: forms and integrations switch on them.
 *
 * | code | params | when |
 * |---|---|---|
 * | `not_a_subject` | `got` | a cohort entry that is not an object `{ id, facts }` |
 * | `missing_id` | `got` (or `row`, in a table) | no `id` (a string) |
 * | `bad_name` | `got` | a `name` that is not text |
 * | `missing_facts` | — | no `facts` object |
 * | `missing_fact` | `fact`, `label` | a required fact is absent |
 * | `unknown_fact` | `fact`, `suggestion?` | a fact the ruleset does not declare |
 * | `wrong_type` | `fact`, `label`, `expected` (`boolean`, `number`, `list`, `item`), `got` | a value of the wrong kind |
 * | `not_whole_number` | `fact`, `label`, `got` | a decimal where a whole number is declared |
 * | `below_min` | `fact`, `label`, `limit`, `got`, `limitFact?` | under the declared minimum (or another fact) |
 * | `above_max` | `fact`, `label`, `limit`, `got`, `limitFact?` | over the declared maximum (or another fact) |
 * | `off_step` | `fact`, `label`, `step`, `got` | not a multiple of the declared step |
 * | `too_many_digits` | `fact`, `label`, `limit`, `got` | more significant digits than can be kept exactly |
 * | `not_allowed` | `fact`, `label`, `got`, `allowed`, `suggestion?` | a value outside an enum |
 * | `unknown_item` | `fact`, `label`, `got`, `allowed`, `suggestion?` | a list item outside the catalogue (veto items) |
 * | `divides_by_zero` | — | a score divides by zero with these facts |
 * | `no_events` | `ruleset` | events given to a scheme that declares none |
 * | `bad_event` | `field`, `got` | an event's `type`, `date`, `levels` or `reason` is wrong |
 * | `event_after_as_of` | `date`, `asOf` | an event dated after the evaluation date |
 * | `bad_history` | `reason` (`not_a_list`, `not_a_result`, `no_stars`, `no_rating`, `unknown_step`), `step?` | a history entry that is not an earlier result |
 * | `history_other_ruleset` | `got`, `expected` | a result of another scheme |
 * | `history_simulation` | `version` | a result of an overridden edition given to the official scheme |
 * | `history_other_subject` | `got`, `expected` | another subject's result |
 * | `bad_cell` | `column`, `got`, `kind` (`boolean`, `number`, `enum`, `list`, `date`, `text`), `options?`, `ambiguous?` | tables: a cell that cannot be read as its column's kind (the words list the accepted forms) |
 * | `unknown_column` | `column`, `index`, `ruleset`, `suggestion` | tables: a header that is a near miss of a fact |
 * | `duplicate_column` | `column`, `first`, `second` | tables: two columns give the same fact |
 * | `no_id_column` | — | tables: no `id` / `编号` column |
 */
export type SubjectErrorCode =
  | "not_a_subject"
  | "missing_id"
  | "bad_name"
  | "missing_facts"
  | "missing_fact"
  | "unknown_fact"
  | "wrong_type"
  | "not_whole_number"
  | "below_min"
  | "above_max"
  | "off_step"
  | "too_many_digits"
  | "not_allowed"
  | "unknown_item"
  | "divides_by_zero"
  | "no_events"
  | "bad_event"
  | "event_after_as_of"
  | "bad_history"
  | "history_other_ruleset"
  | "history_simulation"
  | "history_other_subject"
  | "bad_cell"
  | "unknown_column"
  | "duplicate_column"
  | "no_id_column";

/** A value inside an error's params: a fact id, a limit, the value that was sent (shown as text when it is not a string or number). */
export type ErrorParam = string | number | boolean | readonly string[];

/** The params of a subject error (see {@link SubjectErrorCode} for which each code carries). */
export type ErrorParams = Readonly<Record<string, ErrorParam>>;

/** A problem with a subject's data: where (a path inside the subject), what (a stable code and its params), and the words in English and Chinese. */
export interface SubjectError {
  /** Path inside the subject, e.g. `["facts", "satisfaction"]`, `["history", 0, "id"]`. */
  readonly path: readonly (string | number)[];
  /** What is wrong, stable for forms to switch on. */
  readonly code: SubjectErrorCode;
  /** The error's particulars: the fact, its Chinese label, the limit, the value sent. */
  readonly params: ErrorParams;
  /** English. */
  readonly message: string;
  /** Chinese (中文). */
  readonly zh: string;
}

/** A value a caller sent, shown in Chinese: strings in “”, cut; other kinds by name. */
export function showZh(v: unknown): string {
  switch (typeof v) {
    case "string":
      return v.length <= 80 ? `“${v}”` : `“${v.slice(0, 80)}”…（共 ${v.length} 个字符）`;
    case "number":
      return String(v);
    case "boolean":
      return v ? "TRUE" : "FALSE";
    case "bigint":
      return "一个 BigInt 数";
    case "undefined":
      return "空";
    case "object":
      return v === null ? "空值 null" : Array.isArray(v) ? "一个列表" : isDate(v) ? "一个日期" : "一个对象";
    default:
      return `一个 ${typeof v}`;
  }
}

/** The value sent, as a param: strings and numbers as they are, anything else as its English description. */
function got(v: unknown): ErrorParam {
  return typeof v === "string" ? (v.length > 200 ? `${v.slice(0, 200)}…` : v) : typeof v === "number" || typeof v === "boolean" ? v : show(v);
}

const s = (p: ErrorParams, k: string): string => String(p[k]);
const list = (p: ErrorParams, k: string): readonly string[] => (p[k] ?? []) as readonly string[];
const meanEn = (p: ErrorParams): string => (p.suggestion !== undefined ? ` (did you mean "${s(p, "suggestion")}"?)` : "");
const meanZh = (p: ErrorParams): string => (p.suggestion !== undefined ? `（是否应为“${s(p, "suggestion")}”？）` : "");
/** A fact as a clerk knows it: its Chinese label, with the id beside it. */
const factZh = (p: ErrorParams): string => (p.label !== undefined ? `“${s(p, "label")}”（${s(p, "fact")}）` : `“${s(p, "fact")}”`);
/** The value that was sent, in words (params hold it raw). */
const gotEn = (p: ErrorParams, raw?: unknown): string => (raw !== undefined ? show(raw) : typeof p.got === "string" ? quote(p.got) : String(p.got));
const gotZh = (p: ErrorParams, raw?: unknown): string => (raw !== undefined ? showZh(raw) : typeof p.got === "string" ? showZh(p.got) : String(p.got));
const EXPECTED_ZH: Record<string, string> = { boolean: "是/否（true/false）", number: "数字或数字文本", list: "编号列表", item: "编号（文本）" };
const HISTORY_ZH: Record<string, string> = {
  not_a_list: "历史记录应为往年结果的列表（按时间先后）",
  not_a_result: "历史记录中的一项不是往年评定结果（应为 evaluate() 或 compact() 返回的结果）",
  no_stars: "历史记录缺少所得星（stars，或简化形式中的 earned）",
  no_rating: "历史记录缺少星级（rating）",
  unknown_step: "历史记录中有本方案没有的帮教整改步骤",
};
const KIND_ZH: Record<string, string> = { null: "空值", "an array": "列表", number: "数字", string: "文本", boolean: "布尔值", undefined: "空", bigint: "BigInt 数", function: "函数", symbol: "符号" };
/** What a table cell of each kind may hold, in words ("is not …; write …"). */
const CELL_WORDS: Record<string, readonly [string, string]> = {
  boolean: ["is not yes or no; write 是/否, √/×, ✓/✗, 合格/不合格, 通过/不通过, 有/无, TRUE/FALSE, 1/0 or Y/N", "无法识别为是/否；可填写 是/否、√/×、✓/✗、合格/不合格、通过/不通过、有/无、TRUE/FALSE、1/0 或 Y/N"],
  number: ["is not a number; write digits such as 8.5, ８.５ or 7.5分", "不是数字；可填写 8.5、８.５ 或 7.5分 这样的数字"],
  enum: ["is not one of the choices; write one of them by name or id", "不是可选的值；可填写（名称或编号）"],
  list: ["is not an item of this scheme; write items by name or id, separated by 、，,；; or spaces", "不是本方案的项目；可填写下列项目（名称或编号，用、，,；;或空格分隔）"],
  date: ["is not a date; write 2024-12-31, 2024/12/31, 2024.12.31, 2024年12月31日, a date cell or its serial number", "不是日期；可填写 2024-12-31、2024/12/31、2024.12.31、2024年12月31日、日期单元格或其序列号"],
  text: ["is not text", "不是文本"],
};
const FIELD_ZH: Record<string, string> = { type: "类型", date: "日期", levels: "降级级数", reason: "原因" };

/** English and Chinese words per code; `raw` is the value as sent (for the English `show`), when there is one. */
const WORDS: { readonly [C in SubjectErrorCode]: (p: ErrorParams, raw?: unknown) => readonly [en: string, zh: string] } = {
  not_a_subject: (p) => [`a subject must be an object { id, facts }, got ${s(p, "got")}`, `评定对象应为 { id, facts } 形式的对象，实际为${KIND_ZH[s(p, "got")] ?? s(p, "got")}`],
  missing_id: (p, raw) =>
    p.row !== undefined
      ? [`row ${s(p, "row")} has no id`, `第 ${s(p, "row")} 行缺少编号`]
      : [`the subject needs an "id" (a string), got ${raw === undefined ? "none" : gotEn(p, raw)}`, `评定对象缺少编号（id，文本）${raw === undefined ? "" : `，实际为 ${gotZh(p, raw)}`}`],
  bad_name: (p, raw) => [`the subject's "name" must be text, got ${gotEn(p, raw)}`, `评定对象的名称（name）应为文本，实际为 ${gotZh(p, raw)}`],
  missing_facts: () => [`the subject needs "facts", an object of the ruleset's declared facts`, `评定对象缺少事实数据（facts）`],
  missing_fact: (p) => [`missing required fact "${s(p, "fact")}" (${s(p, "label")})`, `缺少必填项${factZh(p)}`],
  unknown_fact: (p) => [`unknown fact ${quote(s(p, "fact"))}${meanEn(p)}`, `本方案没有事实项${showZh(s(p, "fact"))}${meanZh(p)}`],
  wrong_type: (p, raw) => {
    const e = p.expected;
    const en =
      e === "boolean" ? `"${s(p, "fact")}" must be true or false, got ${gotEn(p, raw)}`
      : e === "number" ? `"${s(p, "fact")}" must be a number or a decimal string, got ${gotEn(p, raw)}`
      : e === "list" ? `"${s(p, "fact")}" must be a list of ids, got ${gotEn(p, raw)}`
      : `"${s(p, "fact")}" must hold veto ids (strings), got ${gotEn(p, raw)}`;
    return [en, `${factZh(p)}应为${EXPECTED_ZH[String(e)] ?? String(e)}，实际为 ${gotZh(p, raw)}`];
  },
  not_whole_number: (p) => [`"${s(p, "fact")}" must be a whole number, got ${s(p, "got")}`, `${factZh(p)}应为整数，实际为 ${s(p, "got")}`],
  below_min: (p) =>
    p.limitFact !== undefined
      ? [`"${s(p, "fact")}" must be at least "${s(p, "limitFact")}" (${s(p, "limit")}), got ${s(p, "got")}`, `${factZh(p)}不得小于“${s(p, "limitLabel")}”（${s(p, "limit")}），实际为 ${s(p, "got")}`]
      : [`"${s(p, "fact")}" must be at least ${s(p, "limit")}, got ${s(p, "got")}`, `${factZh(p)}不得小于 ${s(p, "limit")}，实际为 ${s(p, "got")}`],
  above_max: (p) =>
    p.limitFact !== undefined
      ? [`"${s(p, "fact")}" must be at most "${s(p, "limitFact")}" (${s(p, "limit")}), got ${s(p, "got")}`, `${factZh(p)}不得大于“${s(p, "limitLabel")}”（${s(p, "limit")}），实际为 ${s(p, "got")}`]
      : [`"${s(p, "fact")}" must be at most ${s(p, "limit")}, got ${s(p, "got")}`, `${factZh(p)}不得大于 ${s(p, "limit")}，实际为 ${s(p, "got")}`],
  off_step: (p) => [`"${s(p, "fact")}" must be a multiple of ${s(p, "step")}, got ${s(p, "got")}`, `${factZh(p)}应为 ${s(p, "step")} 的整数倍，实际为 ${s(p, "got")}`],
  too_many_digits: (p, raw) => [
    `"${s(p, "fact")}" has too many digits (at most ${s(p, "limit")}; more would be rounded), got ${gotEn(p, raw)}`,
    `${factZh(p)}位数过多（最多 ${s(p, "limit")} 位有效数字，否则会被舍入），实际为 ${gotZh(p, raw)}`,
  ],
  not_allowed: (p, raw) => [
    `"${s(p, "fact")}" must be one of ${list(p, "allowed").map((v) => JSON.stringify(v)).join(", ")}, got ${gotEn(p, raw)}${meanEn(p)}`,
    `${factZh(p)}应为 ${list(p, "allowed").map((v) => `“${v}”`).join("、")} 之一，实际为 ${gotZh(p, raw)}${meanZh(p)}`,
  ],
  unknown_item: (p) => [
    `unknown veto item "${s(p, "got")}" in "${s(p, "fact")}"${meanEn(p)}; this scheme's items are ${list(p, "allowed").join(", ")}`,
    `${factZh(p)}中有本方案没有的项目“${s(p, "got")}”${meanZh(p)}；本方案的项目为 ${list(p, "allowed").join("、")}`,
  ],
  divides_by_zero: () => ["a score divides by zero with these facts", "按这些数据计算得分时出现除以零"],
  no_events: (p) => [`ruleset "${s(p, "ruleset")}" declares no events; remove "events"`, `方案“${s(p, "ruleset")}”没有期间事件，请删除 events`],
  bad_event: (p, raw) => {
    const f = s(p, "field");
    const en =
      f === "events" ? "events must be a list of { type, date, levels, reason }"
      : f === "type" ? `unknown event type ${gotEn(p, raw)}; this scheme takes "downgrade"`
      : f === "date" ? `the event needs a "date" (yyyy-MM-dd), got ${gotEn(p, raw)}`
      : f === "levels" ? `"levels" must be a whole number of at least 1, got ${gotEn(p, raw)}`
      : 'a downgrade needs a "reason"';
    const zh =
      f === "events" ? "期间事件应为 { type, date, levels, reason } 的列表"
      : f === "type" ? `未知的事件类型 ${gotZh(p, raw)}；本方案只有降级（downgrade）`
      : f === "date" ? `事件需要日期（yyyy-MM-dd），实际为 ${gotZh(p, raw)}`
      : f === "levels" ? `降级级数应为不小于 1 的整数，实际为 ${gotZh(p, raw)}`
      : `降级需要写明${FIELD_ZH.reason}`;
    return [en, zh];
  },
  event_after_as_of: (p) => [`the event on ${s(p, "date")} is after asOf (${s(p, "asOf")})`, `事件日期 ${s(p, "date")} 晚于评定日期 ${s(p, "asOf")}`],
  bad_history: (p) => {
    const r = s(p, "reason");
    const en =
      r === "not_a_list" ? "history must be a list of earlier results, oldest first"
      : r === "not_a_result" ? "a history entry must be an earlier result ({ ok, id, ruleset, … } as evaluate() or compact() returned it)"
      : r === "no_stars" ? "history entry lacks its stars (stars, or earned in the compact form); pass earlier results as evaluate() or compact() returned them"
      : r === "no_rating" ? "history entry lacks its rating; pass earlier results as evaluate() or compact() returned them"
      : `unknown remediation step "${s(p, "step")}" in history`;
    return [en, r === "unknown_step" ? `${HISTORY_ZH.unknown_step}“${s(p, "step")}”` : HISTORY_ZH[r] ?? r];
  },
  history_other_ruleset: (p) => [`history entry is a result of "${s(p, "got")}", not of "${s(p, "expected")}"`, `历史记录是方案“${s(p, "got")}”的结果，不是“${s(p, "expected")}”的`],
  history_simulation: (p) => [
    `history entry is a result of an overridden edition (${s(p, "version")}), a simulation: the official scheme takes only official results`,
    `历史记录来自改动过参数的模拟版本（${s(p, "version")}），正式方案只接受正式评定结果`,
  ],
  history_other_subject: (p, raw) => [`history entry is a result of ${gotEn(p, raw)}, not of ${show(p.expected)}`, `历史记录是 ${gotZh(p, raw)} 的结果，不是 ${showZh(p.expected)} 的`],
  bad_cell: (p) => {
    const col = s(p, "column"), cell = s(p, "got"), kind = s(p, "kind"), opts = list(p, "options");
    const amb = list(p, "ambiguous");
    if (amb.length) return [`column "${col}": "${cell}" names ${amb.length} items (${amb.join(", ")}); write the item itself`, `“${col}”列：“${cell}”对应多个项目（${(opts.length ? opts : amb).join("、")}），请写明具体项目`];
    const [en, zh] = CELL_WORDS[kind] ?? ["cannot be read", "无法识别"];
    const more = opts.length ? [`: ${opts.join(", ")}`, `：${opts.join("、")}`] : ["", ""];
    return [`column "${col}": "${cell}" ${en}${more[0]}`, `“${col}”列：“${cell}”${zh}${more[1]}`];
  },
  unknown_column: (p) => [
    `column ${s(p, "index")} "${s(p, "column")}" is not a fact of ${s(p, "ruleset")} (did you mean "${s(p, "suggestion")}"?)`,
    `第 ${s(p, "index")} 列“${s(p, "column")}”不是本方案的事实项（是否应为“${s(p, "suggestion")}”？）`,
  ],
  duplicate_column: (p) => [`columns ${s(p, "first")} and ${s(p, "second")} both give "${s(p, "column")}"`, `第 ${s(p, "first")} 列和第 ${s(p, "second")} 列都填写“${s(p, "column")}”`],
  no_id_column: () => [`no "id" (编号) column`, "缺少“编号”（id）列"],
};

/**
 * Builds a subject error: the words in both languages from the code and params. `raw` is the
 * value the caller sent, when the message shows it (it is put in params as text or number).
 */
export function subjectError(code: SubjectErrorCode, path: readonly (string | number)[], params: Record<string, ErrorParam | undefined> = {}, raw?: unknown): SubjectError {
  const p: Record<string, ErrorParam> = {};
  for (const k of Object.keys(params)) if (params[k] !== undefined) p[k] = params[k]!;
  if (raw !== undefined) p.got = got(raw);
  const [message, zh] = WORDS[code](p, raw);
  return { path, code, params: p, message, zh };
}

/** A frozen copy (what a rejection holds). */
export function frozenError(e: SubjectError): SubjectError {
  return Object.freeze({ path: Object.freeze([...e.path]), code: e.code, params: Object.freeze({ ...e.params }), message: e.message, zh: e.zh });
}
