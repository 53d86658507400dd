import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// `npm test` builds first (pretest): these are the files a user's import and require load.
// Paths in variables: typed by the source they were built from (CI type-checks before it builds).
const esmPath = "../../dist/index.js";
const esm = (await import(esmPath)) as typeof import("../../src/index.js");
const cjs = createRequire(import.meta.url)("../../dist/index.cjs") as typeof esm;

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

describe("one RulesetError across the ESM and CJS builds", () => {
  const fromEsm = thrown(() => esm.compile({ id: "x" }));
  const fromCjs = thrown(() => cjs.compile({ id: "x" }));
  it("they are two copies of the class", () => {
    expect(esm.RulesetError).not.toBe(cjs.RulesetError);
  });
  it("instanceof holds across them, both ways", () => {
    expect([fromEsm instanceof cjs.RulesetError, fromCjs instanceof esm.RulesetError, fromEsm instanceof esm.RulesetError, fromCjs instanceof cjs.RulesetError]).toEqual([true, true, true, true]);
  });
  it("RulesetError.is recognizes either; other errors and look-alikes are not one", () => {
    expect([esm.RulesetError.is(fromCjs), cjs.RulesetError.is(fromEsm)]).toEqual([true, true]);
    expect([esm.RulesetError.is(new Error("x")), esm.RulesetError.is({ name: "RulesetError", issues: [] }), esm.RulesetError.is(null), new Error("x") instanceof esm.RulesetError]).toEqual([false, false, false, false]);
  });
});
