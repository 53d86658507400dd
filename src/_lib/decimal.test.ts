import { describe, expect, it } from "vitest";
import { D, Q, formatDecimal, toDecimal } from "./decimal.js";

const q = (v: string | number) => Q.of(v);

describe("Q, exact rationals on decimal.js", () => {
  it("keeps 530 / 6 × 0.6 exactly 53 (decimal.js alone gives 52.99999999999999999998)", () => {
    const v = q(530).div(q(6)).mul(q("0.6"));
    expect(v.cmp(q(53))).toBe(0);
    expect(v.toString()).toBe("53");
  });
  it("compares 3/5 exactly equal to 0.6", () => {
    expect(q(3).div(q(5)).cmp(q("0.6"))).toBe(0);
  });
  it("adds 0.1 + 0.2 to exactly 0.3", () => {
    expect(q("0.1").add(q("0.2")).toString()).toBe("0.3");
  });
  it("reports terminating quotients exactly and the others rounded half-up to 2 places", () => {
    expect(q(1).div(q(8)).toString()).toBe("0.125");
    expect(q(2).div(q(3)).toString()).toBe("0.67");
    expect(q(530).div(q(6)).toString()).toBe("88.33");
    expect(q(1).div(q(6)).toString()).toBe("0.17");
    expect(q(-2).div(q(3)).toString()).toBe("-0.67");
    expect(q(7).div(q("0.35")).toString()).toBe("20");
  });
  it("knows which fractions terminate", () => {
    expect(q(3).div(q(6)).terminates()).toBe(true);
    expect(q(1).div(q(3)).terminates()).toBe(false);
    expect(q("0.3").div(q("0.03")).terminates()).toBe(true);
    expect(q(1).div(q(12)).terminates()).toBe(false);
  });
  it("rounds half-up at a tie, exactly", () => {
    expect(q("87.405").round(2).toString()).toBe("87.41");
    expect(q("-87.405").round(2).toString()).toBe("-87.41");
    expect(q(1).div(q(3)).round(2).toString()).toBe("0.33");
  });
  it("throws on division by zero", () => {
    expect(() => q(1).div(Q.ZERO)).toThrow("division by zero");
  });
});

describe("formatting and parsing", () => {
  it("prints plain decimals without exponent or trailing zeros", () => {
    expect(formatDecimal(new D("1e21"))).toBe("1000000000000000000000");
    expect(formatDecimal(new D("0.0000001"))).toBe("0.0000001");
    expect(formatDecimal(new D("86.50"))).toBe("86.5");
    expect(formatDecimal(new D("-0"))).toBe("0");
  });
  it("parses numbers and decimal strings exactly, and nothing else", () => {
    expect(toDecimal("15.5")!.toString()).toBe("15.5");
    expect(toDecimal(0.1)!.toString()).toBe("0.1");
    expect(toDecimal(" 16 ")!.toString()).toBe("16");
    for (const bad of ["", "abc", "1e3", "1,5", NaN, Infinity, true, null, [], "0x10"]) expect(toDecimal(bad)).toBeUndefined();
  });
  it("does not touch decimal.js's global configuration", async () => {
    const { default: Decimal } = await import("decimal.js");
    expect(Decimal.precision).toBe(20);
    expect(Decimal.rounding).toBe(Decimal.ROUND_HALF_UP);
  });
});
