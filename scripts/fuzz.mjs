// `npm run fuzz [-- <runs per family>]`: the fuzz families of test/fuzz.test.ts at 100,000 cases
// each (FUZZ_RUNS), outside `npm test`. Prints the seed (FC_SEED, else fixed) and any counterexample.
import { spawnSync } from "node:child_process";

const runs = process.argv[2] ?? process.env.FUZZ_RUNS ?? "100000";
const seed = process.env.FC_SEED ?? String(Date.now() % 2 ** 31);
console.log(`fuzz: ${runs} cases per family, FC_SEED=${seed}`);
const r = spawnSync("npx", ["vitest", "run", "test/fuzz.test.ts"], { stdio: "inherit", env: { ...process.env, FUZZ_RUNS: runs, FC_SEED: seed } });
process.exit(r.status ?? 1);
