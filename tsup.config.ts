import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The package: ESM + CJS with types; dependencies stay external.
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    target: "es2022",
    platform: "neutral",
    treeshake: true,
  },
  {
    // Spreadsheets and <script>: one file, one global `Xingji`, every dependency and ruleset inside.
    entry: { xingji: "src/index.ts" },
    format: ["iife"],
    globalName: "Xingji",
    platform: "browser",
    target: "es2019",
    noExternal: [/.*/],
    dts: false,
    minify: true,
    outExtension: () => ({ js: ".global.js" }),
  },
]);
