#!/usr/bin/env node
// xingji's command line: a thin shell over the library (all I/O is here, none in src/).
//   xingji check <ruleset.json>
//   xingji test <fixtures.json…>
//   xingji evaluate <ruleset.json|id> <table.csv> [--as-of yyyy-MM-dd] [--locale zh|en]
//   xingji compare <base> <reform> <table.csv> [--as-of yyyy-MM-dd] [--locale zh|en]
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Papa from "papaparse";
import { compareTable, compile, coverage, RulesetError, rulesets, runFixtures, version } from "../dist/index.js";

const USAGE = `xingji ${version} — 星级评定规则集工具

  xingji check <ruleset.json>                       check a ruleset; list every problem with its path
  xingji test <fixtures.json…>                      run fixtures; pass/fail per case, rule coverage
  xingji evaluate <ruleset|id> <table.csv>          evaluate a sheet; results as CSV on stdout
  xingji compare <base> <reform> <table.csv>        compare two schemes over a sheet; CSV on stdout

options: --as-of yyyy-MM-dd (due dates), --locale zh|en (cells and errors; default: the sheet's)
a ruleset is a JSON file (a whole ruleset, or { "extends": "<id>", "parameters": { … } }) or a bundled id:
  ${Object.keys(rulesets).join(", ")}`;

/** Exit with a message on stderr (code 2: the command was used wrongly). */
function usage(message) {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

/** A text file, UTF-8 (with or without BOM), or GB18030 as Chinese Excel saves CSV. */
function readText(file) {
  if (!existsSync(file)) usage(`no such file: ${file}`);
  const bytes = readFileSync(file);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    process.stderr.write(`${file}: not UTF-8; read as GB18030 (Chinese Excel's CSV)\n`);
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** A ruleset by bundled id or file; a RulesetError is printed and exits 1. */
function loadScheme(ref, base = process.cwd()) {
  if (Object.prototype.hasOwnProperty.call(rulesets, ref)) return compile(rulesets[ref]);
  const file = resolve(base, ref);
  let data;
  try {
    data = JSON.parse(readText(file));
  } catch (e) {
    usage(`${ref}: not JSON (${e.message})`);
  }
  try {
    return compile(data);
  } catch (e) {
    if (!RulesetError.is(e)) throw e;
    printIssues(ref, e);
    process.exit(1);
  }
}

function printIssues(ref, e) {
  process.stderr.write(`✖ ${ref}: ${e.issues.length} problem${e.issues.length === 1 ? "" : "s"}\n`);
  for (const i of e.issues) {
    const where = i.path.length ? i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("").replace(/^\./, "") : "(root)";
    process.stderr.write(`  ${where}  [${i.code}]\n    ${i.message.split("\n").join("\n    ")}\n    ${i.zh.split("\n").join("\n    ")}\n`);
  }
}

/** Options after the positional arguments. */
function parseArgs(argv) {
  const positional = [];
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--as-of" || a === "--locale") {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      options[a === "--as-of" ? "asOf" : "locale"] = v;
    } else if (a.startsWith("--")) usage(`unknown option ${a}`);
    else positional.push(a);
  }
  if (options.locale !== undefined && options.locale !== "zh" && options.locale !== "en") usage(`--locale must be zh or en, got ${options.locale}`);
  return { positional, options };
}

/** A CSV sheet as rows of text cells. */
function readTable(file) {
  const text = readText(file);
  const parsed = Papa.parse(text, { skipEmptyLines: "greedy" });
  const serious = parsed.errors.filter((e) => e.type !== "Delimiter");
  if (serious.length) usage(`${file}: ${serious.map((e) => `row ${e.row + 1}: ${e.message}`).join("; ")}`);
  process.stderr.write(`${file}: ${Math.max(0, parsed.data.length - 1)} rows\n`);
  return parsed.data;
}

function writeTable(rows) {
  process.stdout.write(`${Papa.unparse(rows, { newline: "\n" })}\n`);
}

function timed(label, f) {
  const start = Date.now();
  const out = f();
  process.stderr.write(`${label} in ${((Date.now() - start) / 1000).toFixed(1)} s\n`);
  return out;
}

const [command, ...rest] = process.argv.slice(2);
const { positional, options } = parseArgs(rest);
switch (command) {
  case "check": {
    if (positional.length !== 1) usage("check takes one ruleset file");
    const scheme = loadScheme(positional[0]);
    const r = scheme.ruleset;
    process.stdout.write(`✔ ${scheme.id}@${scheme.version} ${scheme.title.zh}: ${Object.keys(r.facts).length} facts, ${(r.stars ?? []).length} stars, ${(r.vetoes ?? []).length} veto items, ${r.tiers.length} tiers, ${Object.keys(r.parameters ?? {}).length} parameters\n`);
    break;
  }
  case "test": {
    if (positional.length === 0) usage("test takes one or more fixtures files");
    let failed = 0;
    for (const file of positional) {
      let fixtures;
      try {
        fixtures = JSON.parse(readText(file));
      } catch (e) {
        usage(`${file}: not JSON (${e.message})`);
      }
      if (typeof fixtures?.ruleset !== "string") usage(`${file}: no "ruleset" (a bundled id, or a path relative to the file)`);
      const scheme = loadScheme(fixtures.ruleset, dirname(resolve(file)));
      let report;
      try {
        report = runFixtures(scheme, fixtures);
      } catch (e) {
        usage(`${file}: ${e.message}`);
      }
      const failedCases = new Set(report.failures.map((f) => f.case));
      process.stdout.write(`${file} (${scheme.id}@${scheme.version})\n`);
      for (const c of fixtures.cases) process.stdout.write(`  ${failedCases.has(c.name) ? "✖" : "✔"} ${c.name}\n`);
      for (const f of report.failures) process.stdout.write(`    ✖ ${f.case}\n      at ${f.path.join(".")}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.got)}\n`);
      const cov = coverage(scheme, report.results, { uncovered: fixtures.uncovered });
      process.stdout.write(`  ${report.passed}/${report.cases} cases pass; rules covered ${cov.covered}/${cov.total}\n`);
      for (const i of cov.missing) process.stdout.write(`    not covered: ${i.id}${i.kind === "condition" ? ` (seen ${[i.seenTrue ? "true" : "", i.seenFalse ? "false" : ""].filter(Boolean).join(" and ") || "never"})` : ""}\n`);
      const steps = cov.explained.filter((i) => i.kind === "procedure");
      if (steps.length) process.stdout.write(`    procedure steps (exercised by deadlines and the notice, not by results): ${steps.map((i) => i.id.slice("procedure.".length)).join(", ")}\n`);
      for (const i of cov.explained.filter((x) => x.kind !== "procedure")) process.stdout.write(`    not covered, explained: ${i.id}: ${i.reason}\n`);
      if (cov.unusedParameters.length) process.stdout.write(`    parameters that decided nothing: ${cov.unusedParameters.join(", ")}\n`);
      failed += report.failures.length;
    }
    process.exit(failed ? 1 : 0);
  }
  case "evaluate": {
    if (positional.length !== 2) usage("evaluate takes a ruleset (file or id) and a CSV file");
    const scheme = loadScheme(positional[0]);
    const table = readTable(positional[1]);
    writeTable(timed("evaluated", () => scheme.evaluateTable(table, options)));
    break;
  }
  case "compare": {
    if (positional.length !== 3) usage("compare takes two rulesets (files or ids) and a CSV file");
    const base = loadScheme(positional[0]);
    const reform = loadScheme(positional[1]);
    const table = readTable(positional[2]);
    try {
      writeTable(timed("compared", () => compareTable(base, reform, table, options)));
    } catch (e) {
      if (e instanceof TypeError) usage(e.message);
      throw e;
    }
    break;
  }
  case undefined:
  case "help":
  case "--help":
  case "-h":
    process.stdout.write(`${USAGE}\n`);
    break;
  case "--version":
  case "-v":
    process.stdout.write(`${version}\n`);
    break;
  default:
    usage(`unknown command ${command}`);
}
