/**
 * The scale part of `npm run bench`: cohorts, tables, advice, serialization and import time,
 * each as a ratio to the plain evaluate loop over the same subjects, measured in the same run
 * (median of 3). Prints; asserts nothing.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type * as Xingji from "../src/index.js";

type Lib = typeof Xingji;
type Scheme = ReturnType<Lib["compile"]>;

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1]!;
const now = () => performance.now();
const rssMB = () => process.resourceUsage().maxRSS / 1024;

/** A deterministic generator (no Math.random: the same subjects every run). */
function lcg(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const STANDARDS = ["grid", "regional", "professional", "smartService", "standardizedOperation"] as const;
/** Qianjin organizations whose quotas bind: each standard 15.00–20.00, so ~40 % reach five stars (cap 15 %). */
export function qianjinOrgs(n: number) {
  const rnd = lcg(7);
  return Array.from({ length: n }, (_, i) => ({ id: `o${i}`, facts: Object.fromEntries(STANDARDS.map((k) => [k, (1500 + Math.round(rnd() * 500)) / 100])) }));
}
const BOOLS = ["ideals", "orgAwareness", "moralConduct", "exemplar", "duty", "volunteer", "stability", "tackleHard"] as const;
/** Rushan members as in the throughput benchmark. */
export function rushanMembers(n: number) {
  const rnd = lcg(42);
  return Array.from({ length: n }, (_, i) => {
    const facts: Record<string, unknown> = {};
    for (const b of BOOLS) facts[b] = rnd() < 0.8;
    facts.orgLifeScore = Math.round(rnd() * 1000) / 100;
    facts.surveyValid = 20 + Math.floor(rnd() * 30);
    facts.surveySatisfied = Math.floor(rnd() * ((facts.surveyValid as number) + 1));
    facts.vetoes = rnd() < 0.05 ? ["clutterNotCleared"] : [];
    return { id: `m-${i}`, facts };
  });
}

/** Runs `fn` over the subjects `reps` times (the whole batch), returning µs per subject, median. */
function perSubject(n: number, reps: number, fn: () => unknown): number {
  const t: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = now();
    fn();
    t.push(((now() - t0) * 1000) / n);
  }
  return median(t);
}

function row(label: string, us: number, base: number, extra = "") {
  console.log(`  ${label.padEnd(46)} ${us.toFixed(2).padStart(9)} µs  ${(us / base).toFixed(2).padStart(6)}×${extra}`);
}

/**
 * Cohorts of growing size: the plain loop (each result dropped, as a loop that prints would),
 * the loop that keeps its results (what a cohort returns), and evaluateCohort.
 */
function cohorts(label: string, scheme: Scheme, make: (n: number) => unknown[], sizes: readonly number[]) {
  console.log(`\n${label}: evaluateCohort per subject, as a ratio to the plain loop / to the loop that keeps its results (median of 3)`);
  for (const n of sizes) {
    const subjects = make(n);
    // Small cohorts repeat so that each timing covers ~200k subjects.
    const rounds = Math.max(1, Math.floor(200_000 / n));
    const loops: number[] = [], kept: number[] = [], cohort: number[] = [];
    let adjustments = 0;
    // Small sizes: one untimed pass of each first, so that no timing pays for the garbage of the
    // section before.
    if (n <= 10_000) for (const run of [() => subjects.forEach((s) => scheme.evaluate(s)), () => subjects.map((s) => scheme.evaluate(s)), () => scheme.evaluateCohort(subjects)]) for (let k = 0; k < rounds; k++) run();
    for (let r = 0; r < 3; r++) {
      loops.push(perSubject(n * rounds, 1, () => { for (let k = 0; k < rounds; k++) for (const s of subjects) scheme.evaluate(s); }));
      kept.push(perSubject(n * rounds, 1, () => { for (let k = 0; k < rounds; k++) subjects.map((s) => scheme.evaluate(s)); }));
      cohort.push(perSubject(n * rounds, 1, () => { for (let k = 0; k < rounds; k++) adjustments = scheme.evaluateCohort(subjects).adjustments.length; }));
    }
    const ratios = cohort.map((c, i) => c / loops[i]!), keptRatios = cohort.map((c, i) => c / kept[i]!);
    console.log(
      `  n = ${String(n).padEnd(8)} loop ${median(loops).toFixed(2)} µs, kept ${median(kept).toFixed(2)} µs, cohort ${median(cohort).toFixed(2)} µs` +
        `  → ${median(ratios).toFixed(2)}× the loop, ${median(keptRatios).toFixed(2)}× the kept loop; ${adjustments} adjustments; peak RSS so far ${rssMB().toFixed(0)} MB`,
    );
  }
}

function table(scheme: Scheme, n: number) {
  const orgs = qianjinOrgs(n);
  const cells = [["id", ...STANDARDS], ...orgs.map((o) => [o.id, ...STANDARDS.map((k) => o.facts[k]!)])];
  const loop: number[] = [], tab: number[] = [];
  for (let r = 0; r < 3; r++) {
    loop.push(perSubject(n, 1, () => { for (const s of orgs) scheme.evaluate(s); }));
    tab.push(perSubject(n, 1, () => scheme.evaluateTable(cells)));
  }
  console.log(`\nevaluateTable, qianjin/organization (binding quotas, next-star hint per row), ${n} rows`);
  row("plain evaluate loop", median(loop), median(loop));
  row("evaluateTable per row", median(tab), median(loop));
}

function advice(label: string, scheme: Scheme, subjects: readonly unknown[], compact: Lib["compact"]) {
  const n = subjects.length;
  const evals: number[] = [], star: number[] = [], level: number[] = [], json: number[] = [], jsonAdvice: number[] = [], stored: number[] = [];
  for (let r = 0; r < 3; r++) {
    evals.push(perSubject(n, 1, () => { for (const s of subjects) scheme.evaluate(s); }));
    star.push(perSubject(n, 1, () => { for (const s of subjects) { const x = scheme.evaluate(s); if (x.ok) void x.remediation.nextStar; } }));
    level.push(perSubject(n, 1, () => { for (const s of subjects) { const x = scheme.evaluate(s); if (x.ok) void x.remediation.nextLevel; } }));
    json.push(perSubject(n, 1, () => { for (const s of subjects) JSON.stringify(scheme.evaluate(s)); }));
    jsonAdvice.push(perSubject(n, 1, () => { for (const s of subjects) JSON.stringify(scheme.evaluate(s, { advice: true })); }));
    stored.push(perSubject(n, 1, () => { for (const s of subjects) JSON.stringify(compact(scheme.evaluate(s))); }));
  }
  const e = median(evals);
  console.log(`\n${label}: per subject, the extra cost as a ratio to evaluate (${e.toFixed(2)} µs)`);
  row("read remediation.nextStar", median(star) - e, e);
  row("read remediation.nextLevel", median(level) - e, e);
  row("JSON.stringify(result)", median(json) - e, e);
  row("JSON.stringify(result) with { advice: true }", median(jsonAdvice) - e, e);
  row("JSON.stringify(compact(result))", median(stored) - e, e);
}

/** Peak RSS of one cohort of n Qianjin organizations in a fresh process (the subjects included). */
function cohortPeak(n: number) {
  const dist = fileURLToPath(new URL("../dist/index.js", import.meta.url));
  const code = `
    const { compile, rulesets } = await import(${JSON.stringify(dist)});
    let seed = 7; const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const K = ${JSON.stringify(STANDARDS)};
    const subjects = Array.from({ length: ${n} }, (_, i) => ({ id: "o" + i, facts: Object.fromEntries(K.map((k) => [k, (1500 + Math.round(rnd() * 500)) / 100])) }));
    const before = process.resourceUsage().maxRSS;
    const t0 = performance.now();
    const c = compile(rulesets["qianjin/organization"]).evaluateCohort(subjects);
    const ms = performance.now() - t0;
    console.log(JSON.stringify({ before: before / 1024, peak: process.resourceUsage().maxRSS / 1024, ms, results: c.results.length }));`;
  const out = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8", maxBuffer: 1 << 20 })) as { before: number; peak: number; ms: number; results: number };
  console.log(`\nevaluateCohort of ${n} qianjin organizations alone in a fresh process: peak RSS ${out.peak.toFixed(0)} MB (${out.before.toFixed(0)} MB with the subjects before it ran), ${((out.ms * 1000) / n).toFixed(2)} µs per subject, ${out.results} results`);
}

function importTime() {
  const dist = fileURLToPath(new URL("../dist/index.js", import.meta.url));
  const time = (code: string) => {
    const t: number[] = [];
    for (let i = 0; i < 5; i++) t.push(Number(execFileSync(process.execPath, ["--input-type=module", "-e", `const t0 = performance.now(); ${code}; console.log(performance.now() - t0);`], { encoding: "utf8" })));
    return median(t);
  };
  const deps = time(`await Promise.all([import("decimal.js"), import("zod/mini"), import("date-fns/addDays"), import("date-fns/addMonths"), import("date-fns/addYears"), import("date-fns/isValid")])`);
  const lib = time(`await import(${JSON.stringify(dist)})`);
  console.log(`\nimport time, a fresh node process (median of 5)`);
  row("its dependencies alone", deps * 1000, deps * 1000);
  row('import("xingji")', lib * 1000, deps * 1000);
}

export async function scale(lib: Lib, quick: boolean) {
  const qianjin = lib.compile(lib.rulesets["qianjin/organization"]);
  const member = lib.compile(lib.rulesets["rushan/member"]);
  const sizes = quick ? [20, 500, 10_000] : [20, 500, 10_000, 100_000, 1_000_000];
  // Per-subject work first, the largest heaps last: a million kept results leave a heap that
  // slows whatever runs after them.
  advice("rushan/member", member, rushanMembers(quick ? 5_000 : 20_000), lib.compact);
  advice("qianjin/organization", qianjin, qianjinOrgs(quick ? 5_000 : 20_000), lib.compact);
  table(qianjin, quick ? 10_000 : 100_000);
  cohorts("rushan/member (ranking by rating)", member, rushanMembers, quick ? [20, 500, 10_000] : [20, 500, 10_000, 100_000]);
  cohorts("qianjin/organization (quotas bind: ~40 % reach five stars, cap 15 %)", qianjin, qianjinOrgs, sizes);
  if (!quick) cohortPeak(1_000_000);
  importTime();
}
