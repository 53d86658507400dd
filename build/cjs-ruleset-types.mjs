// After tsup: a ruleset module's CJS build is `module.exports = <the data>` (esbuild's form for a
// module whose only export is the default), so its CJS types must say `export = ruleset`, not
// `export default` (which would promise a `.default` that is not there).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = new URL("../dist/rulesets", import.meta.url).pathname;
let n = 0;
for (const f of readdirSync(dir, { recursive: true }).map(String)) {
  if (!f.endsWith(".d.cts")) continue;
  const file = join(dir, f);
  const text = readFileSync(file, "utf8");
  const js = readFileSync(file.replace(/\.d\.cts$/, ".cjs"), "utf8");
  if (!/^module\.exports = \w+;$/m.test(js)) throw new Error(`${f}: the CJS build does not export the data itself`);
  const fixed = text.replace("export { ruleset as default };", "export = ruleset;");
  if (fixed === text) throw new Error(`${f}: no default export to rewrite`);
  writeFileSync(file, fixed);
  n++;
}
console.log(`cjs-ruleset-types: ${n} ruleset type files say export =`);
