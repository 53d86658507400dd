/**
 * The workbench's worker: every computation happens here, off the page's thread, with the
 * library itself (compile, tables, cohorts, explanations, the notice, comparisons). Nothing is
 * sent anywhere: the page and this worker only talk to each other.
 */
import { compareTable, compile, RulesetError, rulesets, type CohortResult, type Scheme } from "../../src/index.js";
import { modelOf } from "../../src/scheme/models.js";
import { tableResults, type ReadTable } from "../../src/sheets/evaluateTable.js";
import { formatPath } from "../../src/ruleset/RulesetError.js";
import type { ParameterInfo, Request, Response, SchemeRef } from "./protocol.js";

declare const self: { postMessage(m: Response): void; onmessage: ((e: { data: Request }) => void) | null };

let scheme: Scheme | undefined;
let table: unknown[][] = [];
let asOf: string | undefined;
let read: ReadTable | undefined;
let cohort: CohortResult | undefined;

const post = (m: Response) => self.postMessage(m);

function load(ref: SchemeRef): Scheme {
  if ("id" in ref) {
    const data = (rulesets as Record<string, unknown>)[ref.id];
    if (!data) throw new Error(`unknown ruleset ${ref.id}`);
    return compile(data);
  }
  return compile(JSON.parse(ref.json));
}

function describeScheme(req: number, s: Scheme): void {
  const params = s.ruleset.parameters ?? {};
  const infos: ParameterInfo[] = Object.entries(params).map(([name, p]) => {
    const src = p.source as { default?: string; zh?: string; quote?: string };
    return {
      name,
      type: p.type,
      value: p.value,
      label: p.label,
      source: src.default !== undefined ? (src.zh ?? src.default) : (src.quote ?? ""),
      isDefault: src.default !== undefined,
      ...(p.type === "string" && "values" in p && p.values ? { values: p.values } : {}),
    };
  });
  const headers = ["编号", "姓名", ...s.facts.map((f) => f.label.zh)];
  post({ type: "scheme", req, id: s.id, version: s.version, title: s.title, headers, parameters: infos });
}

self.onmessage = (e) => {
  const m = e.data;
  try {
    switch (m.type) {
      case "scheme": {
        scheme = load(m.scheme);
        read = undefined;
        cohort = undefined;
        describeScheme(m.req, scheme);
        break;
      }
      case "evaluate": {
        scheme = load(m.scheme);
        table = m.table;
        asOf = m.asOf;
        const start = Date.now();
        post({ type: "progress", req: m.req, phase: "reading", rows: table.length - 1 });
        post({ type: "progress", req: m.req, phase: "evaluating", rows: table.length - 1 });
        // One read and one cohort: the table's cells, and the results that explain and publish them.
        const done = tableResults(modelOf(scheme), table, { ...(asOf ? { asOf } : {}), locale: m.locale, columns: ["due"] });
        read = done.read;
        cohort = done.cohort;
        const rows = done.cells;
        post({ type: "progress", req: m.req, phase: "writing", rows: rows.length - 1 });
        const bad = read.rows.filter((r) => r.errors.length > 0).length + cohort.results.filter((r) => !r.ok).length;
        post({ type: "evaluated", req: m.req, rows, distribution: { ...cohort.distribution }, ms: Date.now() - start, bad });
        break;
      }
      case "explain": {
        if (!scheme || !read || !cohort) throw new Error("nothing evaluated yet");
        const row = read.rows[m.row];
        const at = row?.subject;
        if (at === undefined) {
          post({ type: "explanation", req: m.req, text: row && row.errors.length ? row.errors.map((x) => (m.locale === "zh" ? x.zh : x.message)).join("\n") : "" });
          break;
        }
        post({ type: "explanation", req: m.req, text: scheme.explain(cohort.results[at]!, { locale: m.locale }) });
        break;
      }
      case "notice": {
        if (!scheme || !cohort) throw new Error("nothing evaluated yet");
        const p = scheme.publication(cohort, { from: m.from, year: m.year, locale: m.locale });
        post({ type: "notice", req: m.req, title: p.title, text: p.text });
        break;
      }
      case "compare": {
        if (!scheme) throw new Error("nothing evaluated yet");
        const reform = scheme.with(m.parameters);
        const rows = compareTable(scheme, reform, table, { ...(asOf ? { asOf } : {}), locale: m.locale });
        // Column 4 is the move in words (升/降 or up/down); a moved row is marked with its grades and reasons.
        const moved: [number, string][] = [];
        rows.slice(1).forEach((r, i) => {
          if (r[4] === "升" || r[4] === "降" || r[4] === "up" || r[4] === "down") moved.push([i, `${r[2]} → ${r[3]}：${r[9]}`]);
        });
        post({ type: "compared", req: m.req, moved });
        break;
      }
    }
  } catch (err) {
    if (RulesetError.is(err)) {
      post({ type: "rulesetError", req: m.req, issues: err.issues.map((i) => ({ path: formatPath(i.path), code: i.code, message: i.message, zh: i.zh })) });
    } else post({ type: "error", req: m.req, message: err instanceof Error ? err.message : String(err) });
  }
};
