/**
 * The workbench page: pick a scheme, bring the sheet (paste, .xlsx, .csv), read the results as a
 * clerk does, explain a row, publish the notice, try a parameter. Every computation runs in a
 * worker built into this file (a Blob URL, so the page works opened from disk); nothing leaves
 * the browser.
 */
import Papa from "papaparse";
import { readSheet } from "read-excel-file/browser";
import writeXlsxFile from "write-excel-file/browser";
import { rulesets } from "../../src/rulesets.js";
import { WORDS, type Lang } from "./i18n.js";
import type { ParameterInfo, Request, Response, SchemeRef } from "./protocol.js";

declare const __WORKER__: string;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let lang: Lang = "zh";
const w = () => WORDS[lang];

// ── the worker ──
const worker = new Worker(URL.createObjectURL(new Blob([__WORKER__], { type: "text/javascript" })));
let nextReq = 1;
const pending = new Map<number, (r: Response) => void>();
const progress: ((r: Extract<Response, { type: "progress" }>) => void)[] = [];
worker.onmessage = (e: MessageEvent<Response>) => {
  const r = e.data;
  if (r.type === "progress") return progress.forEach((f) => f(r));
  pending.get(r.req)?.(r);
  pending.delete(r.req);
};
/** A request without its number (each member of the union on its own). */
type Ask = Request extends infer R ? (R extends unknown ? Omit<R, "req"> : never) : never;

function ask<T extends Response["type"]>(m: Ask): Promise<Extract<Response, { type: T }> | Extract<Response, { type: "error" | "rulesetError" }>> {
  const req = nextReq++;
  return new Promise((resolve) => {
    pending.set(req, resolve as (r: Response) => void);
    worker.postMessage({ ...m, req } as Request);
  });
}

// ── state ──
let scheme: SchemeRef = { id: "rushan/member" };
let headers: readonly string[] = [];
let parameters: readonly ParameterInfo[] = [];
let table: unknown[][] | undefined;
let results: (string | number | boolean)[][] | undefined;
let moved = new Map<number, string>();
const SHOWN = 500;

function translate(): void {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  for (const el of document.querySelectorAll<HTMLElement>("[data-t]")) {
    const v = w()[el.dataset.t as keyof ReturnType<typeof w>];
    if (typeof v === "string") el.textContent = v;
  }
  $("lang").textContent = w().language;
  ($("paste") as HTMLTextAreaElement).placeholder = w().pasteHint;
}

function showIssues(issues: readonly { path: string; code: string; message: string; zh: string }[]): void {
  const ul = $("issues");
  ul.innerHTML = "";
  ul.classList.toggle("hidden", issues.length === 0);
  if (!issues.length) return;
  const head = document.createElement("li");
  head.textContent = w().issues;
  head.style.fontWeight = "bold";
  ul.append(head);
  for (const i of issues) {
    const li = document.createElement("li");
    const code = document.createElement("code");
    code.textContent = i.path;
    li.append(code, ` ${lang === "zh" ? i.zh : i.message}`);
    ul.append(li);
  }
}

async function loadScheme(ref: SchemeRef): Promise<void> {
  const r = await ask<"scheme">({ type: "scheme", scheme: ref });
  if (r.type === "rulesetError") {
    showIssues(r.issues);
    return;
  }
  if (r.type === "error") return status(`${w().error}：${r.message}`);
  showIssues([]);
  scheme = ref;
  headers = r.headers;
  parameters = r.parameters;
  renderParameters();
  status(`${r.title[lang]} (${r.id}@${r.version})`);
}

function status(text: string): void {
  $("status").textContent = text;
}

// ── reading sheets ──
function parsePaste(text: string): unknown[][] {
  // Cells copied from WPS / Excel are tab-separated; a CSV pasted as text works too.
  const delimiter = text.includes("\t") ? "\t" : ",";
  return Papa.parse<unknown[]>(text.trim(), { delimiter, skipEmptyLines: "greedy" }).data;
}

async function readFile(file: File): Promise<unknown[][]> {
  if (/\.xlsx$/i.test(file.name)) return (await readSheet(file)) as unknown[][];
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("gb18030").decode(bytes); // Chinese Excel's CSV
  }
  return Papa.parse<unknown[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" }).data;
}

// ── results ──
function renderTable(rows: readonly (readonly unknown[])[]): void {
  const el = $("results");
  el.innerHTML = "";
  const thead = document.createElement("thead");
  const tr = document.createElement("tr");
  for (const h of rows[0] ?? []) {
    const th = document.createElement("th");
    th.textContent = String(h);
    tr.append(th);
  }
  thead.append(tr);
  const tbody = document.createElement("tbody");
  const errorAt = (rows[0] ?? []).findIndex((h) => h === "错误" || h === "error");
  rows.slice(1, SHOWN + 1).forEach((row, i) => {
    const r = document.createElement("tr");
    r.tabIndex = 0;
    r.dataset.row = String(i);
    if (errorAt >= 0 && row[errorAt]) r.classList.add("error");
    if (moved.has(i)) {
      r.classList.add("moved");
      r.title = moved.get(i)!;
    }
    for (const c of row) {
      const td = document.createElement("td");
      td.textContent = String(c);
      r.append(td);
    }
    r.addEventListener("click", () => void explainRow(i, r));
    r.addEventListener("keydown", (e) => {
      if (e.key === "Enter") void explainRow(i, r);
    });
    tbody.append(r);
  });
  el.append(thead, tbody);
  $("showing").textContent = rows.length - 1 > SHOWN ? w().showing(SHOWN, rows.length - 1) : "";
}

function renderChart(distribution: Record<string, number>): void {
  const entries = Object.entries(distribution).sort(([a], [b]) => (/^\d+$/.test(a) && /^\d+$/.test(b) ? Number(b) - Number(a) : a.localeCompare(b)));
  const max = Math.max(1, ...entries.map(([, n]) => n));
  const h = 22;
  const svg = [`<svg xmlns="http://www.w3.org/2000/svg" width="420" height="${entries.length * h + 4}" role="img" aria-label="${w().distribution}">`];
  entries.forEach(([k, n], i) => {
    const label = /^\d+$/.test(k) ? (lang === "zh" ? `${k}星` : `${k}★`) : k;
    svg.push(`<text x="0" y="${i * h + 15}">${label}</text><rect x="60" y="${i * h + 3}" width="${(300 * n) / max}" height="${h - 6}" fill="#c62828"></rect><text x="${66 + (300 * n) / max}" y="${i * h + 15}">${n}</text>`);
  });
  svg.push("</svg>");
  $("chart").innerHTML = svg.join("");
}

async function evaluate(): Promise<void> {
  const pasted = ($("paste") as HTMLTextAreaElement).value;
  if (pasted.trim()) table = parsePaste(pasted);
  if (!table) return status(w().pasteHint);
  const bar = $("progress") as HTMLProgressElement;
  bar.classList.remove("hidden");
  bar.removeAttribute("value");
  moved = new Map();
  const asOf = ($("as-of") as HTMLInputElement).value || undefined;
  const r = await ask<"evaluated">({ type: "evaluate", scheme, table, ...(asOf ? { asOf } : {}), locale: lang });
  bar.classList.add("hidden");
  if (r.type === "rulesetError") return showIssues(r.issues);
  if (r.type === "error") return status(`${w().error}：${r.message}`);
  results = r.rows;
  renderTable(results);
  renderChart(r.distribution);
  status(w().done(results.length - 1, r.ms, r.bad));
  for (const id of ["export-xlsx", "export-csv", "notice", "print"]) ($(id) as HTMLButtonElement).disabled = false;
}

async function explainRow(i: number, tr: HTMLElement): Promise<void> {
  for (const el of document.querySelectorAll("tr.selected")) el.classList.remove("selected");
  tr.classList.add("selected");
  await explain(i);
}

async function explain(i: number): Promise<void> {
  const r = await ask<"explanation">({ type: "explain", row: i, locale: lang });
  $("explanation").textContent = r.type === "explanation" ? r.text : r.type === "error" ? r.message : "";
}

async function notice(): Promise<void> {
  const from = ($("notice-from") as HTMLInputElement).value || ($("as-of") as HTMLInputElement).value;
  if (!from) return status(w().noticeFrom);
  const year = Number((($("as-of") as HTMLInputElement).value || from).slice(0, 4));
  const r = await ask<"notice">({ type: "notice", from, year, locale: lang });
  if (r.type !== "notice") return status(r.type === "error" ? r.message : "");
  $("notice-text").textContent = r.text;
  $("print-area").textContent = r.text;
}

// ── what if ──
function renderParameters(): void {
  const box = $("parameters");
  box.innerHTML = "";
  for (const p of parameters) {
    if (p.type === "text" || p.type === "table") continue;
    const label = document.createElement("label");
    label.textContent = `${p.label ? p.label[lang] : p.name} (${p.name})`;
    const input = p.values ? document.createElement("select") : document.createElement("input");
    input.id = `param-${p.name}`;
    input.dataset.name = p.name;
    if (input instanceof HTMLSelectElement) {
      for (const v of p.values!) input.append(new Option(v, v, false, v === p.value));
      input.value = String(p.value);
    }
    else input.value = String(p.value);
    input.dataset.official = String(p.value);
    input.addEventListener("change", () => void whatIf());
    const src = document.createElement("div");
    src.className = "src";
    src.textContent = `${p.isDefault ? `${w().defaultMark}：` : "「"}${p.source}${p.isDefault ? "" : "」"}`;
    label.htmlFor = input.id;
    box.append(label, input, src);
  }
}

/** The latest what-if: an answer to an older one (the parameters changed since) is dropped. */
let whatIfRound = 0;

async function whatIf(): Promise<void> {
  if (!results) return;
  const round = ++whatIfRound;
  const changed: Record<string, unknown> = {};
  for (const p of parameters) {
    const el = document.getElementById(`param-${p.name}`) as HTMLInputElement | HTMLSelectElement | null;
    if (el && el.value !== String(p.value)) changed[p.name] = p.type === "boolean" ? el.value === "true" : el.value;
  }
  if (!Object.keys(changed).length) {
    moved = new Map();
    renderTable(results);
    $("moved").textContent = "";
    return;
  }
  const r = await ask<"compared">({ type: "compare", parameters: changed, locale: lang });
  if (round !== whatIfRound) return;
  if (r.type === "rulesetError") return showIssues(r.issues);
  if (r.type !== "compared") return status(r.message);
  showIssues([]);
  moved = new Map(r.moved);
  renderTable(results);
  $("moved").textContent = w().moved(moved.size);
}

// ── downloads ──
function download(name: string, blob: Blob): void {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

// The worker's phases, on the status line and the progress bar.
progress.push((r) => {
  const bar = $("progress") as HTMLProgressElement;
  const phases = ["reading", "evaluating", "writing"] as const;
  bar.max = phases.length;
  bar.value = phases.indexOf(r.phase);
  status(`${w()[r.phase]}… ${r.rows}`);
});

function wire(): void {
  const select = $("scheme") as HTMLSelectElement;
  for (const [id, r] of Object.entries(rulesets)) select.append(new Option(`${r.title.zh} (${id})`, id));
  if ("id" in scheme) select.value = scheme.id;
  select.addEventListener("change", () => void loadScheme({ id: select.value }));
  $("ruleset-file").addEventListener("change", async (e) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) await loadScheme({ json: await file.text(), name: file.name });
  });
  $("sheet-file").addEventListener("change", async (e) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    table = await readFile(file);
    ($("paste") as HTMLTextAreaElement).value = "";
    status(`${file.name}: ${table.length - 1}`);
  });
  $("template").addEventListener("click", () => download("模板.csv", new Blob([`\uFEFF${Papa.unparse([headers])}\n`], { type: "text/csv" })));
  $("evaluate").addEventListener("click", () => void evaluate());
  $("notice").addEventListener("click", () => void notice());
  $("print").addEventListener("click", () => window.print());
  $("export-csv").addEventListener("click", () => results && download("评定结果.csv", new Blob([`\uFEFF${Papa.unparse(results)}\n`], { type: "text/csv" })));
  $("export-xlsx").addEventListener("click", async () => {
    if (!results) return;
    const blob = await writeXlsxFile(results.map((row) => row.map((v) => ({ value: v }))) as never).toBlob();
    download("评定结果.xlsx", blob);
  });
  $("reset").addEventListener("click", () => {
    renderParameters();
    void whatIf();
  });
  $("lang").addEventListener("click", () => {
    lang = lang === "zh" ? "en" : "zh";
    translate();
    renderParameters();
    if (results) void evaluate();
  });
  translate();
  void loadScheme(scheme);
}

wire();
