import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { afterAll, describe, expect, it } from "vitest";

// The built CLI (`npm test` builds first), run as a user runs it.
const root = new URL("..", import.meta.url).pathname;
const cli = join(root, "bin", "xingji.mjs");
const dir = mkdtempSync(join(tmpdir(), "xingji-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: "utf8" });
const csv = (text: string) => Papa.parse<string[]>(text.trim()).data;

describe("xingji check", () => {
  it("a good ruleset: ✔ with its counts, exit 0", () => {
    const r = run("check", join(root, "rulesets/rushan/member.json"));
    expect([r.status, r.stdout.trim()]).toEqual([0, "✔ rushan/member@1.0.0 乳山市社区党员“十星级”评定: 12 facts, 10 stars, 6 veto items, 3 tiers, 13 parameters"]);
  });
  it("a broken one: every problem with its path, in English and Chinese, exit 1", () => {
    const broken = JSON.parse(execFileSync(process.execPath, ["-e", `process.stdout.write(require("fs").readFileSync(${JSON.stringify(join(root, "rulesets/rushan/member.json"))}, "utf8"))`], { encoding: "utf8" }));
    broken.stars[1].when[1].if = "orgLifeScor > 6";
    broken.tiers[0].min = 9;
    writeFileSync(join(dir, "broken.json"), JSON.stringify(broken));
    const r = run("check", "broken.json");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("✖ broken.json: 2 problems");
    expect(r.stderr).toContain("stars[1].when[1].if  [unknown_name]");
    expect(r.stderr).toContain('未知名称 "orgLifeScor"（不是事实项、参数或得分）（是否应为 "orgLifeScore"？）');
    expect(r.stderr).toContain("tiers  [tier_gap]");
  });
  it("a missing file or a wrong command: usage, exit 2", () => {
    expect(run("check", "nope.json").status).toBe(2);
    expect(run("frobnicate").status).toBe(2);
  });
});

describe("xingji test", () => {
  it("every bundled ruleset's fixtures pass, with full rule coverage; exit 0", () => {
    const files = readdirSync(join(root, "rulesets"), { recursive: true }).map(String).filter((f) => f.endsWith(".fixtures.json")).map((f) => join(root, "rulesets", f));
    expect(files).toHaveLength(7);
    const r = run("test", ...files);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain("✖");
    expect(r.stdout).not.toContain("not covered:");
    expect(r.stdout).toMatch(/rushan\/member@1\.0\.0\)\n/);
    expect(r.stdout).toMatch(/17\/17 cases pass; rules covered 29\/29/);
  });
  it("a failing case: ✖, where, expected and got; exit 1", () => {
    writeFileSync(join(dir, "f.fixtures.json"), JSON.stringify({ ruleset: "qianjin/organization", cases: [{ name: "wrong", subject: { id: "q", facts: { grid: 18, regional: 16, professional: 15.5, smartService: 20, standardizedOperation: 17 } }, expect: { rating: 5 } }] }));
    const r = run("test", "f.fixtures.json");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("✖ wrong\n      at cases.0.expect.rating: expected 5, got 4");
  });
});

describe("xingji evaluate and compare", () => {
  const sheet = "编号,姓名,组织网格化得分,工作区域化得分,队伍专业化得分,服务智慧化得分,运转规范化得分\nq-1,前进社区,18,16,15.5,20,17\nq-2,东风社区,20,20,20,20,20\nq-3,光明社区,很好,20,20,20,20\n";
  it("a UTF-8 sheet with a BOM: the Chinese table as CSV on stdout, progress on stderr", () => {
    writeFileSync(join(dir, "q.csv"), `\uFEFF${sheet}`);
    const r = run("evaluate", "qianjin/organization", "q.csv", "--as-of", "2024-12-31");
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/q\.csv: 3 rows\nevaluated in \d+\.\d s/);
    const out = csv(r.stdout);
    // Two valid organizations: five-star cap floor(2 × 15 %) = 0, four-star cap floor(2 × 30 %) = 0 → both 3 stars.
    expect(out[0]).toEqual(["编号", "星级/等次", "档次", "所得星", "一票否决", "帮教整改", "争星提示", "错误", "姓名/名称"]);
    expect(out.slice(1).map((r) => [r[0], r[1], r[2], r[8]])).toEqual([["q-1", "3星", "三星级党组织", "前进社区"], ["q-2", "3星", "三星级党组织", "东风社区"], ["q-3", "", "", "光明社区"]]);
    expect(out[3]![7]).toContain("“组织网格化得分”列：“很好”不是数字");
  });
  it("a GB18030 sheet as Chinese Excel saves it is read too", () => {
    writeFileSync(join(dir, "gbk.csv"), encodeGb(sheet));
    const r = run("evaluate", "qianjin/organization", "gbk.csv", "--locale", "en");
    expect(r.stderr).toContain("not UTF-8; read as GB18030");
    expect(csv(r.stdout)[1]!.slice(0, 3)).toEqual(["q-1", "3", "threeStar"]);
  });
  it("compare: a reform file that extends a bundled ruleset; the comparison as CSV", () => {
    writeFileSync(join(dir, "q.csv"), sheet);
    writeFileSync(join(dir, "reform.json"), JSON.stringify({ extends: "qianjin/organization", parameters: { fiveStarShare: "0.5", fourStarShare: "0.5" } }));
    const r = run("compare", "qianjin/organization", "reform.json", "q.csv", "--locale", "en");
    expect(r.status).toBe(0);
    const out = csv(r.stdout);
    // At 50 %: one five-star place (floor(2 × 0.5) = 1): q-2 (total 100) keeps 5; q-1 is four-star
    // (professional 15.5 < 16) and keeps 4 (cap 1). Before both were 3.
    expect(out.slice(1, 3).map((r) => [r[0], r[2], r[3], r[4]])).toEqual([["q-1", "3", "4", "up"], ["q-2", "3", "5", "up"]]);
    expect(out[2]![9]).toContain("fiveStarShare 0.15 → 0.5");
  });
});

/** GB18030 bytes of a text (Node decodes it but has no encoder): the few characters of the sheet. */
function encodeGb(text: string): Buffer {
  // Build a map from the decoder: every two-byte GB18030 code whose decoding is one of our characters.
  const wanted = new Set([...text].filter((c) => c.charCodeAt(0) > 0x7f));
  const map = new Map<string, Buffer>();
  const dec = new TextDecoder("gb18030");
  for (let a = 0x81; a <= 0xfe && map.size < wanted.size; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(Buffer.from([a, b]));
      if (wanted.has(ch) && !map.has(ch)) map.set(ch, Buffer.from([a, b]));
    }
  }
  return Buffer.concat([...text].map((c) => (c.charCodeAt(0) > 0x7f ? map.get(c)! : Buffer.from(c))));
}
