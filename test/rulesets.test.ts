import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile, rulesets } from "../src/index.js";
import { rulesetJsonSchema } from "../src/ruleset/jsonSchema.js";

const root = new URL("..", import.meta.url).pathname;

describe("bundled rulesets", () => {
  const files = readdirSync(join(root, "rulesets"), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".json") && !f.endsWith("schema.json") && !f.endsWith(".fixtures.json"));

  it("every file under rulesets/ is exported under its path as id, and nothing else", () => {
    expect(Object.keys(rulesets).sort()).toEqual(files.map((f) => f.replace(/\.json$/, "")).sort());
  });

  for (const [id, data] of Object.entries(rulesets)) {
    describe(id, () => {
      it("compiles, and its id and $schema match its place", () => {
        expect(data.id).toBe(id);
        expect(data.$schema).toBe("../ruleset.schema.json");
        expect(compile(data).id).toBe(id);
      });
      it("cites a source for every parameter, star, veto, tier and remediation rule", () => {
        const missing: string[] = [];
        for (const [k, p] of Object.entries(data.parameters ?? {})) if (!p.source) missing.push(`parameters.${k}`);
        for (const s of data.stars ?? []) if (!s.source) missing.push(`stars.${s.id}`);
        for (const v of data.vetoes ?? []) if (!v.source) missing.push(`vetoes.${v.id}`);
        for (const t of data.tiers) if (!t.source) missing.push(`tiers.${t.id}`);
        for (const r of data.remediation?.rules ?? []) if (!r.source) missing.push(`remediation.${r.id}`);
        expect(missing).toEqual([]);
      });
      it("quotes only text that is in its document (spot check: quotes are Chinese and non-empty)", () => {
        const quotes = JSON.stringify(data).match(/"quote":"[^"]*"/g) ?? [];
        expect(quotes.length).toBeGreaterThan(0);
        for (const q of quotes) expect(q).toMatch(/[\u4e00-\u9fff]/);
      });
    });
  }
});

describe("generated files", () => {
  it("src/ruleset/vocabulary.ts lists the schema's keys (run `npm run schema` after changing it)", async () => {
    const { VOCABULARY } = await import("../src/ruleset/vocabulary.js");
    const { schemaVocabulary } = await import("../src/ruleset/zodIssues.js");
    expect(VOCABULARY).toEqual(schemaVocabulary(rulesetJsonSchema()).sort());
  });
});

describe("rulesets/ruleset.schema.json", () => {
  it("is the JSON Schema generated from the zod schema (run `npm run schema` after changing it)", () => {
    const committed = JSON.parse(readFileSync(join(root, "rulesets/ruleset.schema.json"), "utf8"));
    expect(committed).toEqual(rulesetJsonSchema());
  });
});

describe("src/ stays pure", () => {
  const srcFiles = readdirSync(join(root, "src"), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
  it.each(srcFiles)("%s uses no Node built-in, clock, eval or global decimal setting", (f) => {
    const text = readFileSync(join(root, "src", f), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    expect(text).not.toMatch(/from\s+["']node:|require\(|\bprocess\.|\beval\(|new Function\(|Date\.now\(|new Date\(\)|Decimal\.set\(/);
  });
});
