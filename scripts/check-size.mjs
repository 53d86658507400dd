// `npm run check:size`: bundles small apps against the built package with esbuild (as a front-end
// build would: ESM, minified, tree-shaken) and prints their minified and gzip sizes against the
// budget. It fails when an app that imports one ruleset carries another, or when `workingDays`
// alone carries a ruleset or zod (the budget is a target it reports, not a failure).
import { build } from "esbuild";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const root = new URL("..", import.meta.url).pathname;
const IDS = ["rushan/organization", "rushan/member", "qianjin/organization", "yantian/organization", "feicheng/branch", "liuzhou/village", "liuzhou/learning"];
const BUDGET_GZIP_KB = 55; // compile + one ruleset

const apps = {
  "compile + rulesets/rushan/member": {
    code: `import { compile } from "xingji"; import ruleset from "xingji/rulesets/rushan/member"; console.log(compile(ruleset).evaluate({ id: "m", facts: {} }).ok);`,
    must: ["rushan/member"],
    mustNot: IDS.filter((id) => id !== "rushan/member"),
    budget: BUDGET_GZIP_KB,
  },
  "compile + rulesets/qianjin/organization": {
    code: `import { compile } from "xingji"; import ruleset from "xingji/rulesets/qianjin/organization"; console.log(compile(ruleset).id);`,
    must: ["qianjin/organization"],
    mustNot: IDS.filter((id) => id !== "qianjin/organization"),
    budget: BUDGET_GZIP_KB,
  },
  "workingDays alone": {
    code: `import { workingDays } from "xingji"; console.log(workingDays({ holidays: ["2024-10-01"] }).add("2024-09-30", 3));`,
    must: [],
    mustNot: [...IDS, "ZodError", "$ZodType"],
  },
  "compile + the rulesets map (all seven, for reference)": {
    code: `import { compile, rulesets } from "xingji"; console.log(compile(rulesets["rushan/member"]).id);`,
    must: IDS,
    mustNot: [],
  },
};

// Inside the package, so that `xingji` resolves to it through its package.json "exports" (a
// self-reference), as it would from a user's node_modules.
const dir = mkdtempSync(join(root, ".check-size-"));
let failed = false;
try {
  console.log("bundle (esbuild, ESM, minified)                          min KB   gzip KB");
  for (const [name, app] of Object.entries(apps)) {
    const entry = join(dir, `${name.replace(/\W+/g, "-")}.mjs`);
    writeFileSync(entry, app.code);
    // Resolved from the repository, through package.json "exports" (a self-reference), as a user's bundler would.
    const out = await build({ entryPoints: [entry], bundle: true, minify: true, format: "esm", platform: "browser", write: false, absWorkingDir: root, logLevel: "silent" });
    const text = out.outputFiles[0].text;
    const min = Buffer.byteLength(text) / 1024;
    const gz = gzipSync(text, { level: 9 }).length / 1024;
    const problems = [
      ...app.must.filter((s) => !text.includes(s)).map((s) => `lacks ${s}`),
      ...app.mustNot.filter((s) => text.includes(s)).map((s) => `contains ${s}`),
    ];
    const budget = app.budget === undefined ? "" : `   (budget ${app.budget} KB gzip${gz > app.budget ? `: ${(gz - app.budget).toFixed(1)} KB over` : ""})`;
    console.log(`${name.padEnd(56)} ${min.toFixed(1).padStart(6)}  ${gz.toFixed(1).padStart(8)}${budget}${problems.length ? `   ✖ ${problems.join("; ")}` : ""}`);
    if (problems.length) failed = true;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failed) {
  console.error("check:size failed");
  process.exit(1);
}
