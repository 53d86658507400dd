import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { defineConfig, type Options } from "tsup";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string; license: string };

/**
 * For the spreadsheet build only: replace src/rulesets.ts (which imports every JSON file) with the
 * same rulesets deflated and base64-encoded, inflated once at load (src/_lib/unpack.ts). The
 * JSON text is most of the file otherwise.
 */
const packRulesets: NonNullable<Options["esbuildPlugins"]>[number] = {
  name: "pack-rulesets",
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]rulesets\.ts$/ }, () => {
      const root = join(process.cwd(), "rulesets");
      // The same ids in the same order as src/rulesets.ts, which the other builds import.
      const source = readFileSync(join(process.cwd(), "src", "rulesets.ts"), "utf8");
      const ids = [...source.matchAll(/^\s+"([a-z]+\/[a-z]+)": /gm)].map((m) => m[1]!);
      const files = readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith(".json") && !f.endsWith("schema.json") && !f.endsWith(".fixtures.json"));
      if (files.length !== ids.length) throw new Error(`src/rulesets.ts lists ${ids.length} rulesets but rulesets/ has ${files.length}`);
      const data: Record<string, unknown> = {};
      for (const id of ids) data[id] = JSON.parse(readFileSync(join(root, `${id}.json`), "utf8"));
      const packed = deflateRawSync(Buffer.from(JSON.stringify(data)), { level: 9 }).toString("base64");
      return {
        contents: `import { unpackRulesets } from "./_lib/unpack.js";\nimport { registered } from "./rulesets/bundled.js";\nexport const rulesets = registered(unpackRulesets(${JSON.stringify(packed)}));\n`,
        loader: "ts",
        resolveDir: join(process.cwd(), "src"),
      };
    });
  },
};

/** `rulesets/<scheme>/<subject>` → `src/rulesets/<scheme>/<subject>.ts`, one per bundled ruleset. */
const rulesetEntries = Object.fromEntries(
  readdirSync(join(process.cwd(), "src", "rulesets"), { recursive: true })
    .map(String)
    .filter((f) => /^[a-z]+[\\/][a-z]+\.ts$/.test(f) && !f.endsWith(".test.ts"))
    .map((f) => [`rulesets/${f.replace(/\\/g, "/").replace(/\.ts$/, "")}`, `src/rulesets/${f.replace(/\\/g, "/")}`]),
);

export default defineConfig([
  {
    // The package: ESM + CJS with types; dependencies stay external.
    // Each bundled ruleset is its own entry too (`xingji/rulesets/<scheme>/<subject>`).
    entry: { index: "src/index.ts", ...rulesetEntries },
    format: ["esm", "cjs"],
    dts: true,
    // No source maps: the package's JavaScript is unminified and keeps the source's names, and
    // maps would point into src/, which is not shipped (with the sources embedded they were over
    // half the unpacked package).
    sourcemap: false,
    target: "es2022",
    platform: "neutral",
    treeshake: true,
    // Chinese text as UTF-8, not \uXXXX escapes.
    esbuildOptions(options) {
      options.charset = "utf8";
    },
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
    esbuildPlugins: [packRulesets],
    // Bundled code's `globalThis` is a scope of the bundle's own (build/global-scope.js).
    inject: ["build/global-scope.js"],
    banner: { js: `/*! xingji ${pkg.version} (星级) · ${pkg.license} licence · the global build: one global, Xingji */` },
    // Chinese text as UTF-8 (3 bytes a character), not \uXXXX escapes (6).
    esbuildOptions(options) {
      options.charset = "utf8";
    },
  },
]);
