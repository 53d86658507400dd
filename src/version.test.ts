import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { version } from "./index.js";

describe("version", () => {
  it("is package.json's version", () => {
    expect(version).toBe((JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version);
  });
});
