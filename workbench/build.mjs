// npm run workbench:build: the workbench into workbench/dist/ (index.html and app.js, the worker
// inside app.js as text), a static page that works opened from disk or from any static host.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";

const here = new URL(".", import.meta.url).pathname;
const dist = `${here}dist`;
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
const common = { bundle: true, minify: true, format: "iife", platform: "browser", target: "es2020", charset: "utf8", logLevel: "warning", inject: [`${here}../build/global-scope.js`] };
const worker = await build({ ...common, entryPoints: [`${here}src/worker.ts`], write: false });
await build({ ...common, entryPoints: [`${here}src/main.ts`], outfile: `${dist}/app.js`, define: { __WORKER__: JSON.stringify(worker.outputFiles[0].text) } });
copyFileSync(`${here}index.html`, `${dist}/index.html`);
console.log("workbench/dist: index.html, app.js");
