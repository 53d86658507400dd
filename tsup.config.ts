import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { defineConfig, type Options } from "tsup";

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
      const files = readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith(".json") && !f.endsWith("schema.json"));
      if (files.length !== ids.length) throw new Error(`src/rulesets.ts lists ${ids.length} rulesets but rulesets/ has ${files.length}`);
      const data: Record<string, unknown> = {};
      for (const id of ids) data[id] = JSON.parse(readFileSync(join(root, `${id}.json`), "utf8"));
      const packed = deflateRawSync(Buffer.from(JSON.stringify(data)), { level: 9 }).toString("base64");
      return {
        contents: `import { unpackRulesets } from "./_lib/unpack.js";\nexport const rulesets = /* @__PURE__ */ unpackRulesets(${JSON.stringify(packed)});\n`,
        loader: "ts",
        resolveDir: join(process.cwd(), "src"),
      };
    });
  },
};

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
    esbuildPlugins: [packRulesets],
    // Chinese text as UTF-8 (3 bytes a character), not \uXXXX escapes (6).
    esbuildOptions(options) {
      options.charset = "utf8";
    },
  },
]);
