/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The built workbench (workbench/dist), opened from disk in Debian's headless Chromium and driven
 * as a clerk would: paste a messy Chinese sheet, open an .xlsx, click a row, open the notice,
 * change a parameter, open a broken ruleset, rate 100,000 rows. No console error, no request
 * that leaves the page.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import writeXlsxFile from "write-excel-file/node";
import { readSheet } from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;
const page_url = `file://${root}workbench/dist/index.html`;
const dir = mkdtempSync(join(tmpdir(), "xingji-workbench-"));
let browser: Browser;
let page: Page;
const problems: string[] = [];
/** Screenshots of each step, as test artifacts (test/browser/artifacts/, not committed). */
const artifacts = join(root, "test", "browser", "artifacts");
mkdirSync(artifacts, { recursive: true });
let step = 0;
const shot = (name: string) => page.screenshot({ path: join(artifacts, `${String(++step).padStart(2, "0")}-${name}.png`), fullPage: true });
const requests: string[] = [];

const HEAD = ["编号", "姓名", "理想信念星定性评定", "组织观念星定性评定", "道德品行星定性评定", "模范表率星定性评定", "履职尽责星定性评定", "志愿友爱星定性评定", "综治维稳星定性评定", "攻坚克难星定性评定", "组织生活量化考核得分", "满意票数", "有效票数", "一票否决项"];

/** 30 rows as clerks type them: √/×, 是/否, 合格, full-width digits, 分, veto names; rows 21–30 have mistakes. */
function messySheet(): string[][] {
  const rows: string[][] = [HEAD];
  const yes = ["√", "是", "合格", "✓", "有", "TRUE", "Y", "1", "通过", "√"];
  const no = ["×", "否", "不合格", "✗", "无", "FALSE", "N", "0", "不通过", "×"];
  for (let i = 1; i <= 20; i++) {
    // Member i: the first min(i, 8) assessments yes, org life 6 + i/5 (full-width on even rows), i+20 of 42 satisfied.
    const a = Array.from({ length: 8 }, (_, k) => (k < Math.min(i, 8) ? yes[(i + k) % 10]! : no[(i + k) % 10]!));
    const life = String((30 + i) / 5);
    rows.push([`m-${String(i).padStart(2, "0")}`, `党员${i}`, ...a, i % 2 ? `${life}分` : life.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))).replace(".", "．"), String(20 + i), "42", i === 5 ? "理想信念星" : ""]);
  }
  const mistakes: [string, number, string][] = [
    ["maybe", 2, "“理想信念星定性评定”列"],
    ["八", 10, "“组织生活量化考核得分”列"],
    ["11", 10, "不得大于 10"],
    ["50", 11, "不得大于“有效票数”"],
    ["理想星", 13, "“一票否决项”列"],
    ["模范表率星", 13, "对应多个项目"],
    ["3.5", 11, "应为整数"],
    ["", 10, "缺少必填项“组织生活量化考核得分”"],
    ["0", 12, "不得小于 1"],
    ["2024年", 10, "不是数字"],
  ];
  mistakes.forEach(([cell, col, _], k) => {
    const row = [`m-${21 + k}`, `党员${21 + k}`, "√", "√", "√", "√", "√", "√", "√", "√", "8", "30", "42", ""];
    row[col] = cell;
    if (col === 12 && cell === "0") row[11] = "0";
    rows.push(row);
  });
  return rows;
}
const EXPECTED_ERRORS = ["“理想信念星定性评定”列", "“组织生活量化考核得分”列", "不得大于 10", "不得大于“有效票数”", "“一票否决项”列", "对应多个项目", "应为整数", "缺少必填项“组织生活量化考核得分”", "不得小于 1", "不是数字"];

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(page_url);
  await page.waitForFunction(() => document.querySelector("#status")?.textContent?.includes("rushan/member"));
  // The selector shows the scheme the page loaded.
  expect(await page.inputValue("#scheme")).toBe("rushan/member");
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const cells = () => page.$$eval("#results tbody tr", (rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? "")));

describe("the workbench in a real browser, opened from disk", () => {
  it("a pasted 30-row messy Chinese sheet: good rows rated, each mistake an error in Chinese naming its column", async () => {
    await page.fill("#paste", messySheet().map((r) => r.join("\t")).join("\n"));
    await page.fill("#as-of", "2024-12-31");
    await page.click("#evaluate");
    await page.waitForFunction(() => document.querySelectorAll("#results tbody tr").length === 30);
    const rows = await cells();
    // m-01: one assessment (ideals) yes; org life 6.2 > 6 but orgAwareness is no; 21/42 = 50 %: 1 star → centre mentoring.
    expect(rows[0]!.slice(0, 3)).toEqual(["m-01", "1星", "抓整顿、帮教和处置"]);
    expect(rows[0]![5]).toBe("转入街道帮教中心党支部帮教一年（2025-12-31前）");
    // m-05: 5 assessments yes (ideals vetoed by its star's name), org life 7, 25/42 = 59.5 %: orgAwareness,
    // moralConduct, exemplar, duty → 4 stars; the veto cell names 理想信念星一票否决项.
    expect([rows[4]![1], rows[4]![4]]).toEqual(["4星", "理想信念星一票否决项"]);
    // m-16: all eight yes, org life 9.2, 36/42 = 85.7 %: 10 stars; m-20: org life exactly 10 (the scale's top), 40/42: 10 stars.
    expect(rows[15]!.slice(0, 2)).toEqual(["m-16", "10星"]);
    expect(rows[19]!.slice(0, 2)).toEqual(["m-20", "10星"]);
    // The ten rows with mistakes.
    rows.slice(20).forEach((r, k) => {
      expect(r[1]).toBe("");
      expect(r[7]).toContain(EXPECTED_ERRORS[k]!);
    });
    expect(await page.$$eval("tr.error", (r) => r.length)).toBe(10);
    expect(await page.textContent("#chart")).toContain("10星");
    await shot("pasted-sheet");
  });

  it("a row's full explanation on click", async () => {
    await page.click("#results tbody tr:nth-child(1)");
    await page.waitForFunction(() => (document.querySelector("#explanation")?.textContent ?? "").includes("党员1"));
    const text = (await page.textContent("#explanation"))!;
    expect(text.split("\n").slice(0, 2)).toEqual(["党员1（m-01） — 乳山市社区党员“十星级”评定", "评定结果：1星（满10星）；档次：抓整顿、帮教和处置"]);
    expect(text).toContain("帮教整改：转入街道帮教中心党支部帮教一年（2025-12-31前）");
    await shot("explanation");
  });

  it("the notice (公示), printable", async () => {
    await page.fill("#notice-from", "2025-01-03");
    await page.click("#notice");
    await page.waitForFunction(() => (document.querySelector("#notice-text")?.textContent ?? "").length > 0);
    const text = (await page.textContent("#notice-text"))!;
    expect(text.split("\n")[0]).toBe("乳山市社区党员“十星级”评定2024年度评定结果公示");
    expect(text).toContain("公示期：2025-01-03 至 2025-01-08（5天，自公示次日起算）。");
    expect(await page.textContent("#print-area")).toBe(text);
    await shot("notice");
    await page.emulateMedia({ media: "print" });
    await shot("notice-printed");
    await page.emulateMedia({ media: "screen" });
  });

  it("a parameter changed: the comparison highlights who moved and why", async () => {
    await page.fill("#param-recognitionRate", "0.5");
    await page.dispatchEvent("#param-recognitionRate", "change");
    await page.waitForFunction(() => (document.querySelector("#moved")?.textContent ?? "").length > 0);
    const titles = await page.$$eval("tr.moved", (r) => r.map((x) => [x.querySelector("td")?.textContent, (x as HTMLElement).title]));
    // 50 % < rate ≤ 60 %: m-01 (21/42 = 50 %: not above 50 %) does not move; m-02…m-05 (22…25 of 42, 52–60 %) gain 群众认可星.
    expect(titles.map((t) => t[0])).toEqual(["m-02", "m-03", "m-04", "m-05"]);
    expect(titles[0]![1]).toContain("recognitionRate 0.6→0.5：改为得群众认可星");
    await shot("what-if");
    await page.click("#reset");
    await page.waitForFunction(() => document.querySelectorAll("tr.moved").length === 0);
  });

  it("an .xlsx file: read, rated", async () => {
    const file = join(dir, "members.xlsx");
    const data = [HEAD.map((h) => ({ value: h })), ["x-1", "张三", "是", "是", "是", "是", "是", "是", "是", "是", 8, 40, 42, ""].map((v) => ({ value: v }))];
    writeFileSync(file, (await writeXlsxFile(data as never).toBuffer()) as Buffer);
    await page.fill("#paste", "");
    await page.setInputFiles("#sheet-file", file);
    await page.waitForFunction(() => (document.querySelector("#status")?.textContent ?? "").includes("members.xlsx"));
    await page.click("#evaluate");
    await page.waitForFunction(() => document.querySelector("#results tbody tr td")?.textContent === "x-1");
    expect((await cells())[0]!.slice(0, 2)).toEqual(["x-1", "10星"]);
    await shot("xlsx");
  });

  it("downloads: the header template, the results as .csv and as .xlsx", async () => {
    const save = async (button: string) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);
      return file;
    };
    const template = readFileSync(await save("#template"), "utf8");
    expect(template.replace(/^\uFEFF/, "").trim()).toBe("编号,姓名,理想信念星定性评定,组织观念星定性评定,道德品行星定性评定,模范表率星定性评定,履职尽责星定性评定,志愿友爱星定性评定,综治维稳星定性评定,攻坚克难星定性评定,组织生活量化考核得分,满意票数,有效票数,一票否决项");
    const csv = readFileSync(await save("#export-csv"), "utf8").replace(/^\uFEFF/, "").split("\n");
    expect(csv[1]!.startsWith("x-1,10星,抓完善、抓巩固,")).toBe(true);
    const xlsx = await readSheet(readFileSync(await save("#export-xlsx")));
    expect([xlsx[0]![0], xlsx[1]![0], xlsx[1]![1]]).toEqual(["编号", "x-1", "10星"]);
  });

  it("a broken ruleset: its issues listed with their paths, in Chinese", async () => {
    const file = join(dir, "broken.json");
    writeFileSync(file, JSON.stringify({ id: "my/broken", version: "1.0.0", title: { zh: "坏的", en: "broken" }, subject: "member", documents: {}, facts: { a: { type: "bool", label: { zh: "甲", en: "a" } } }, rating: { kind: "starCount" }, tiers: [] }));
    await page.setInputFiles("#ruleset-file", file);
    await page.waitForFunction(() => !document.querySelector("#issues")?.classList.contains("hidden"));
    const text = (await page.textContent("#issues"))!;
    expect(text).toContain("规则集有问题");
    expect(text).toContain("facts.a.type");
    expect(text).toContain("应为 \"boolean\", \"decimal\", \"integer\", \"enum\", \"list\" 之一");
    await shot("broken-ruleset");
    await page.selectOption("#scheme", "rushan/member");
    await page.waitForFunction(() => document.querySelector("#issues")?.classList.contains("hidden"));
  });

  it("100,000 rows: rated in the worker, the page stays responsive", async () => {
    const rows = [HEAD.join("\t")];
    for (let i = 0; i < 100_000; i++) rows.push([`b-${i}`, `党员${i}`, "√", "√", "√", "√", i % 2 ? "√" : "×", "×", "√", "×", String(5 + (i % 50) / 10), String(20 + (i % 23)), "42", ""].join("\t"));
    const file = join(dir, "big.csv");
    writeFileSync(file, rows.join("\n").replace(/\t/g, ","));
    await page.setInputFiles("#sheet-file", file);
    await page.waitForFunction(() => (document.querySelector("#status")?.textContent ?? "").includes("big.csv"));
    const start = Date.now();
    await page.click("#evaluate");
    // While the worker rates, the page answers (a round trip through the page's own thread).
    const beats: number[] = [];
    const until = Date.now() + 600;
    while (Date.now() < until) {
      const t = Date.now();
      await page.evaluate(() => 1);
      beats.push(Date.now() - t);
    }
    await page.waitForFunction(() => /已评定 100000 行/.test(document.querySelector("#status")?.textContent ?? ""), undefined, { timeout: 110_000 });
    const seconds = (Date.now() - start) / 1000;
    console.log(`workbench: 100,000 rows in ${seconds.toFixed(1)} s; the page answered within ${Math.max(...beats)} ms while rating`);
    expect(Math.max(...beats)).toBeLessThan(1000);
    expect(await page.$$eval("#results tbody tr", (r) => r.length)).toBe(500);
    expect(await page.textContent("#showing")).toContain("共 100000 行");
    await shot("100000-rows");
  });

  it("the English toggle", async () => {
    await page.click("#lang");
    expect(await page.textContent("h1")).toBe("xingji workbench");
    await page.click("#lang");
    expect(await page.textContent("h1")).toBe("星级评定工作台");
  });

  it("no console error, and no request leaves the page", () => {
    expect(problems).toEqual([]);
    expect(requests.filter((u) => !u.startsWith("file://") && !u.startsWith("blob:") && !u.startsWith("data:"))).toEqual([]);
  });
});
