import { describe, expect, it } from "vitest";
import { ExprSyntaxError } from "./ast.js";
import { parse } from "./parse.js";
import { render } from "./exact.js";

const scope = { lookup: () => undefined, names: () => [] };
const show = (src: string) => render(parse(src), scope);

describe("parse", () => {
  it.each([
    ["a + b * c", "a + b * c"],
    ["(a + b) * c", "(a + b) * c"],
    ["a / b > 0.6", "a / b > 0.6"],
    ["a and b or not c", "a and b or not c"],
    ["a && (b || !c)", "a and (b or not c)"],
    ['"ideals" in vetoes', '"ideals" in vetoes'],
    ["sum(a, b, 3) >= 80", "sum(a, b, 3) >= 80"],
    ["-a - -2", "-a - -2"],
    ["w[type] * 2", "w[type] * 2"],
    ["x in ['a', \"b\"]", 'x in ["a", "b"]'],
    ["a - (b - c)", "a - (b - c)"],
  ])("%s", (src, expected) => {
    expect(show(src)).toBe(expected);
  });

  it.each([
    ["a >", 3, "the expression ended where a value was expected"],
    ["a > > 6", 4, 'unexpected ">" where a value was expected'],
    ["(a + b", 6, 'expected ")" but the expression ended'],
    ["a b", 2, 'unexpected "b" after the end of the expression'],
    ['"abc', 0, "unterminated string"],
    ["a # b", 2, 'unexpected character "#"'],
    ["1 < a < 3", 6, 'comparisons cannot be chained; use "and"'],
  ])("reports %j at character %i", (src, at, message) => {
    try {
      parse(src);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ExprSyntaxError);
      expect([(e as ExprSyntaxError).at, (e as Error).message]).toEqual([at, message]);
    }
  });
});
