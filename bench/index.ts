/**
 * `npm run bench` (`-- --quick` for a short run): throughput of rushan/member against a
 * hand-written plain-JS function and peer rules engines, then cohorts, tables, advice,
 * serialization and import time (bench/scale.ts), all measured in the same run on the same
 * generated subjects. Prints ratios; asserts nothing (performance is measured, not tested).
 */
import jsonLogic from "json-logic-js";
import { Engine } from "json-rules-engine";
// The built package, as users run it (`npm run bench` builds first), typed by the source it was
// built from; internals come from source for the exact-only run.
const built = "../dist/index.js";
const lib = (await import(built)) as typeof import("../src/index.js");
const { compile, rulesets } = lib;
import { buildModel } from "../src/compile/compile.js";
import { evaluateSubject } from "../src/evaluate/evaluate.js";

const quick = process.argv.includes("--quick");
const N = Number(process.env.BENCH_N ?? (quick ? 50_000 : 200_000));

// ── deterministic members ──
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const BOOLS = ["ideals", "orgAwareness", "moralConduct", "exemplar", "duty", "volunteer", "stability", "tackleHard"] as const;
const VETOES = ["ideals", "orgAwareness", "moralConduct", "exemplar", "massRecognition", "clutterNotCleared"];
const members = Array.from({ length: N }, (_, i) => {
  const facts: Record<string, unknown> = {};
  for (const b of BOOLS) facts[b] = rnd() < 0.8;
  facts.orgLifeScore = Math.round(rnd() * 1000) / 100;
  facts.surveyValid = 20 + Math.floor(rnd() * 30);
  facts.surveySatisfied = Math.floor(rnd() * ((facts.surveyValid as number) + 1));
  facts.vetoes = rnd() < 0.05 ? [VETOES[Math.floor(rnd() * VETOES.length)]!] : [];
  return { id: `m-${i}`, facts };
});

// ── the hand-written baseline: the same outcome, as a clerk's programmer would write it ──
const BASIC = ["ideals", "orgAwareness", "moralConduct", "exemplar", "massRecognition"];
function handWritten(m: { id: string; facts: Record<string, any> }) {
  const f = m.facts;
  for (const b of BOOLS) if (typeof f[b] !== "boolean") return { ok: false, id: m.id };
  if (typeof f.orgLifeScore !== "number" || typeof f.surveyValid !== "number" || typeof f.surveySatisfied !== "number") return { ok: false, id: m.id };
  const rate = f.surveySatisfied / f.surveyValid;
  const orgLife = f.orgLifeScore > 6;
  const v: string[] = f.vetoes ?? [];
  const earned = {
    ideals: f.ideals && !v.includes("ideals"),
    orgAwareness: f.orgAwareness && orgLife && !v.includes("orgAwareness"),
    moralConduct: f.moralConduct && !v.includes("moralConduct"),
    exemplar: f.exemplar && orgLife && !v.includes("exemplar") && !v.includes("clutterNotCleared"),
    massRecognition: rate > 0.6 && !v.includes("massRecognition"),
    duty: f.duty, volunteer: f.volunteer, stability: f.stability, tackleHard: f.tackleHard,
    massSatisfaction: rate > 0.8,
  } as Record<string, boolean>;
  const stars = Object.keys(earned).map((id) => ({ id, earned: earned[id] }));
  const n = stars.filter((s) => s.earned).length;
  const qualified = BASIC.every((b) => earned[b]);
  const tier = n >= 8 ? "consolidate" : n >= 5 ? "improve" : "rectify";
  const step = n === 3 ? "branchMentoring" : n <= 2 ? "centerMentoring" : n === 4 ? "talkReminder" : undefined;
  return { ok: true, id: m.id, stars, rating: { stars: n, max: 10 }, qualified, tier: { id: tier, actions: n === 10 ? ["commendation"] : [] }, steps: step ? [step] : [] };
}

// ── peer: json-logic-js, the same ten conditions as JSON Logic rules ──
const rate = { "/": [{ var: "surveySatisfied" }, { var: "surveyValid" }] };
const notVetoed = (id: string) => ({ "!": { in: [id, { var: "vetoes" }] } });
const logicRules: Record<string, unknown> = {
  ideals: { and: [{ var: "ideals" }, notVetoed("ideals")] },
  orgAwareness: { and: [{ var: "orgAwareness" }, { ">": [{ var: "orgLifeScore" }, 6] }, notVetoed("orgAwareness")] },
  moralConduct: { and: [{ var: "moralConduct" }, notVetoed("moralConduct")] },
  exemplar: { and: [{ var: "exemplar" }, { ">": [{ var: "orgLifeScore" }, 6] }, notVetoed("exemplar"), notVetoed("clutterNotCleared")] },
  massRecognition: { and: [{ ">": [rate, 0.6] }, notVetoed("massRecognition")] },
  duty: { var: "duty" }, volunteer: { var: "volunteer" }, stability: { var: "stability" }, tackleHard: { var: "tackleHard" },
  massSatisfaction: { ">": [rate, 0.8] },
};
function viaJsonLogic(m: { id: string; facts: Record<string, unknown> }) {
  let n = 0;
  const stars = Object.entries(logicRules).map(([id, rule]) => {
    const earned = Boolean(jsonLogic.apply(rule as never, m.facts));
    if (earned) n++;
    return { id, earned };
  });
  return { id: m.id, stars, rating: n, tier: n >= 8 ? "consolidate" : n >= 5 ? "improve" : "rectify" };
}

// ── peer: json-rules-engine (async), one rule per star ──
const engine = new Engine([], { allowUndefinedFacts: true });
engine.addOperator("ratioGreaterThan", (facts: any, limit: number) => facts.surveySatisfied / facts.surveyValid > limit);
const all = (...c: object[]) => ({ all: c });
const isTrue = (fact: string) => ({ fact, operator: "equal", value: true });
const notIn = (id: string) => ({ fact: "vetoes", operator: "doesNotContain", value: id });
const orgOk = { fact: "orgLifeScore", operator: "greaterThan", value: 6 };
const ratio = (v: number) => ({ fact: "survey", operator: "ratioGreaterThan", value: v });
const engineRules: Record<string, object> = {
  ideals: all(isTrue("ideals"), notIn("ideals")),
  orgAwareness: all(isTrue("orgAwareness"), orgOk, notIn("orgAwareness")),
  moralConduct: all(isTrue("moralConduct"), notIn("moralConduct")),
  exemplar: all(isTrue("exemplar"), orgOk, notIn("exemplar"), notIn("clutterNotCleared")),
  massRecognition: all(ratio(0.6), notIn("massRecognition")),
  duty: all(isTrue("duty")), volunteer: all(isTrue("volunteer")), stability: all(isTrue("stability")), tackleHard: all(isTrue("tackleHard")),
  massSatisfaction: all(ratio(0.8)),
};
for (const [id, conditions] of Object.entries(engineRules)) engine.addRule({ conditions: conditions as never, event: { type: id } });
async function viaRulesEngine(m: { id: string; facts: Record<string, unknown> }) {
  const { events } = await engine.run({ ...m.facts, survey: m.facts });
  return { id: m.id, rating: events.length };
}

// ── run ──
// Generated members are plain records: the scheme is compiled as any ruleset (facts checked at run time).
const scheme = compile(rulesets["rushan/member"] as import("../src/index.js").RulesetSource);
const model = buildModel(rulesets["rushan/member"]);

/** Throughput of `fn` over n subjects: the median of 3 timed passes, after a warm-up. */
function time(label: string, n: number, fn: (i: number) => unknown): number {
  for (let i = 0; i < Math.min(n, 20_000); i++) fn(i); // warm-up
  const passes: number[] = [];
  let sink = 0;
  for (let pass = 0; pass < 3; pass++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) if (fn(i)) sink++;
    passes.push(performance.now() - t0);
  }
  const ms = passes.sort((a, b) => a - b)[1]!;
  const perSec = (n / ms) * 1000;
  console.log(`${label.padEnd(44)} ${String(Math.round(perSec)).padStart(10)} subjects/s  (${(ms / n * 1e3).toFixed(2)} µs each)${sink < 0 ? "" : ""}`);
  return perSec;
}

async function timeAsync(label: string, n: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(n, 2_000); i++) await fn(i);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  const ms = performance.now() - t0;
  const perSec = (n / ms) * 1000;
  console.log(`${label.padEnd(44)} ${String(Math.round(perSec)).padStart(10)} subjects/s  (${(ms / n * 1e3).toFixed(2)} µs each)`);
  return perSec;
}

// Agreement check first: the benchmark compares like with like.
let disagree = 0;
for (let i = 0; i < 5000; i++) {
  const r = scheme.evaluate(members[i]!);
  const h = handWritten(members[i]!) as { rating: { stars: number } };
  if (!r.ok || r.rating.stars !== h.rating.stars || viaJsonLogic(members[i]!).rating !== h.rating.stars) disagree++;
}
console.log(`rushan/member, ${N} generated members, Node ${process.version}; disagreements on 5000 checked: ${disagree}\n`);

const base = time("hand-written plain JS (baseline)", N, (i) => handWritten(members[i]!));
const fast = time("xingji evaluate (fast path)", N, (i) => scheme.evaluate(members[i]!));
const fastTrace = time("xingji evaluate + read scores and trace", N, (i) => {
  const r = scheme.evaluate(members[i]!);
  return r.ok && r.trace.length + Object.keys(r.scores).length;
});
const exact = time("xingji exact path only (decimal.js)", Math.floor(N / 10), (i) => evaluateSubject(model, members[i]!, undefined, true));
const logic = time("json-logic-js (peer, floats)", Math.floor(N / 4), (i) => viaJsonLogic(members[i]!));
const rules = await timeAsync("json-rules-engine (peer, async)", Math.floor(N / 40), (i) => viaRulesEngine(members[i]!));

console.log("\nratio to the hand-written baseline (higher is faster):");
for (const [label, v] of [["xingji fast path", fast], ["xingji + scores and trace read", fastTrace], ["xingji exact path only", exact], ["json-logic-js", logic], ["json-rules-engine", rules]] as const) {
  console.log(`  ${label.padEnd(32)} ${(v / base).toFixed(3)}×`);
}

// ── scale: cohorts, tables, advice, serialization, import ──
const { scale } = await import("./scale.js");
await scale(lib, quick);
console.log(`\nmachine: ${(await import("node:os")).cpus()[0]?.model ?? "?"} × ${(await import("node:os")).cpus().length}, Node ${process.version}${quick ? " (--quick)" : ""}`);
