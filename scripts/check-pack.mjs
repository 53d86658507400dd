// Packs the package, installs the tarball into a temporary project, and uses it the two ways a
// consumer would: ESM `import` and CJS `require`. Run by `npm run check:package` (and CI).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "xingji-pack-"));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
try {
  run("npm", ["pack", "--pack-destination", dir, "--silent"], root);
  const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, version: "1.0.0" }));
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", join(dir, tarball)], dir);
  const facts = { grid: 18, regional: 16, professional: 15.5, smartService: 20, standardizedOperation: 17 };
  const probe = (load) => `
    ${load}
    const r = compile(rulesets["qianjin/organization"]).evaluate({ id: "q", facts: ${JSON.stringify(facts)} });
    if (!r.ok || r.rating.stars !== 4 || r.scores.total !== "86.5") throw new Error("unexpected result " + JSON.stringify(r));
    console.log("ok");`;
  writeFileSync(join(dir, "esm.mjs"), probe(`import { compile, rulesets } from "xingji";`));
  writeFileSync(join(dir, "cjs.cjs"), probe(`const { compile, rulesets } = require("xingji");`));
  writeFileSync(join(dir, "json.mjs"), `import data from "xingji/rulesets/rushan/member.json" with { type: "json" };\nif (data.id !== "rushan/member") throw new Error("ruleset json not exported");\nconsole.log("ok");`);
  // One ruleset alone, by import and by require; one RulesetError across both builds; the global file.
  writeFileSync(join(dir, "one.mjs"), `import { compile, RulesetError } from "xingji";\nimport ruleset from "xingji/rulesets/qianjin/organization";\nimport { createRequire } from "node:module";\nconst require = createRequire(import.meta.url);\nconst r = compile(ruleset).evaluate({ id: "q", facts: ${JSON.stringify(facts)} });\nif (!r.ok || r.rating.stars !== 4) throw new Error("ruleset module");\nlet e; try { require("xingji").compile({ id: "x" }); } catch (x) { e = x; }\nif (!(e instanceof RulesetError) || !RulesetError.is(e)) throw new Error("RulesetError across builds");\nconsole.log("ok");`);
  writeFileSync(join(dir, "one.cjs"), `const { compile } = require("xingji");\nconst ruleset = require("xingji/rulesets/qianjin/organization");\nif (ruleset.id !== "qianjin/organization" || !Object.isFrozen(ruleset)) throw new Error("ruleset module (CJS)");\nif (!compile(ruleset).evaluate({ id: "q", facts: ${JSON.stringify(facts)} }).ok) throw new Error("evaluate");\nconsole.log("ok");`);
  writeFileSync(join(dir, "global.cjs"), `const vm = require("node:vm"); const fs = require("node:fs");\nconst file = require.resolve("xingji/global");\nconst ctx = vm.createContext({}); vm.runInContext(fs.readFileSync(file, "utf8"), ctx);\nif (vm.runInContext("Xingji.version", ctx) !== require("xingji/package.json").version) throw new Error("global build");\nconsole.log("ok");`);
  for (const f of ["esm.mjs", "cjs.cjs", "json.mjs", "one.mjs", "one.cjs", "global.cjs"]) {
    const out = run("node", [f], dir).trim();
    console.log(`${f}: ${out}`);
    if (out !== "ok") process.exit(1);
  }
  console.log(`installed ${tarball} into a fresh project: ESM import, CJS require, a ruleset alone (both ways), the ruleset JSON, one RulesetError across builds, and xingji/global work`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
