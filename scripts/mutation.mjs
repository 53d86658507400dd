// `npm run mutation [-- folder…]`: mutation testing (Stryker 9.6 with the vitest runner) of the
// engine's folders, one Stryker run per folder, then a table of scores per folder. Folders:
// expr, evaluate, cohort, remediation (all four when none is named). The expression language is
// tested by its own tests (vitest.mutation.expr.config.ts); the others by every engine test
// (vitest.mutation.config.ts). Reports: reports/mutation/<folder>.json and .html. Long: an hour
// or more for all four on two cores; not part of `npm test`. Incremental: a run reuses the last
// run's results (reports/mutation/<folder>.incremental.json) for mutants whose code and tests did
// not change, so after adding a test only the mutants it covers run again; `--force` runs all.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

const FOLDERS = { expr: "vitest.mutation.expr.config.ts", evaluate: "vitest.mutation.config.ts", cohort: "vitest.mutation.config.ts", remediation: "vitest.mutation.config.ts" };
const force = process.argv.includes("--force");
const asked = process.argv.slice(2).filter((a) => a !== "--force");
for (const f of asked) if (!(f in FOLDERS)) throw new Error(`unknown folder ${f}; one of ${Object.keys(FOLDERS).join(", ")}`);
const folders = asked.length ? asked : Object.keys(FOLDERS);
const base = JSON.parse(readFileSync("stryker.config.json", "utf8"));
mkdirSync("reports/mutation", { recursive: true });

/** Stryker's mutation score: detected (killed or timed out) over every valid mutant, uncovered ones included. */
function score(report) {
  const count = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 };
  for (const file of Object.values(report.files)) for (const m of file.mutants) if (m.status in count) count[m.status]++;
  const valid = count.Killed + count.Timeout + count.Survived + count.NoCoverage;
  return { ...count, valid, score: valid ? (100 * (count.Killed + count.Timeout)) / valid : 100 };
}

const rows = [];
for (const folder of folders) {
  const config = {
    ...base,
    mutate: [`src/${folder}/**/*.ts`, "!src/**/*.test.ts"],
    vitest: { configFile: FOLDERS[folder] },
    jsonReporter: { fileName: `reports/mutation/${folder}.json` },
    htmlReporter: { fileName: `reports/mutation/${folder}.html` },
    reporters: ["clear-text", "progress", "json", "html"],
    incremental: true,
    incrementalFile: `reports/mutation/${folder}.incremental.json`,
  };
  const file = `reports/mutation/${folder}.config.json`;
  writeFileSync(file, JSON.stringify(config, null, 2));
  console.log(`\n── src/${folder} ──`);
  execFileSync("npx", ["stryker", "run", file, ...(force ? ["--force"] : [])], { stdio: "inherit" });
  rows.push([folder, score(JSON.parse(readFileSync(`reports/mutation/${folder}.json`, "utf8")))]);
}
console.log("\nfolder        killed  timeout  survived  no coverage   score");
for (const [folder, s] of rows) {
  console.log(`src/${folder.padEnd(12)}${String(s.Killed).padStart(6)}${String(s.Timeout).padStart(9)}${String(s.Survived).padStart(10)}${String(s.NoCoverage).padStart(13)}   ${s.score.toFixed(1)} %${s.score >= 85 ? "" : "  (below 85 %)"}`);
}
