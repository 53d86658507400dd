import { describe, expect, it } from "vitest";
import { Q } from "../_lib/decimal.js";
import { ExprSyntaxError, type Node } from "./ast.js";
import { check, type CheckIssue } from "./check.js";
import { compileExact, render } from "./exact.js";
import { compileFast, compileFastNum, floorDiv, formatFrac, formatScaled, roundFrac, scaledOf, type FastSlots } from "./fast.js";
import { caret, parse } from "./parse.js";
import { BOOLEAN, NUMBER, type Scope, type Sym } from "./types.js";

/**
 * The expression language end to end on a small scope: parse → check → the exact closures and the
 * fast closures, each answer worked out by hand from the frame below. Both compilers must give the
 * hand answer (not merely agree with each other), and the fast one must say which expressions it
 * cannot prove exact on JS numbers.
 *
 * The frame: a = 87.25, b = 40, c = −2.5, v = 3, z = 0, t = "urban", vetoes = ["y"], flag = true,
 * rate = 2/3; parameters k = 0.6, w = { rural: 1.5, urban: 2 }, huge = 10^20, third = 1/3,
 * place = "rural".
 */
const SYMS: Record<string, Sym> = {
  a: { name: "a", kind: "fact", type: NUMBER, slot: 0, fast: { scale: 2, lo: 0, hi: 10000 } },
  b: { name: "b", kind: "fact", type: NUMBER, slot: 1, fast: { scale: 0, lo: 0, hi: 100 } },
  c: { name: "c", kind: "fact", type: NUMBER, slot: 2, fast: { scale: 1, lo: -50, hi: 50 } },
  v: { name: "v", kind: "fact", type: NUMBER, slot: 3, fast: { scale: 0, lo: 1, hi: 1000 } },
  z: { name: "z", kind: "fact", type: NUMBER, slot: 4, fast: { scale: 0, lo: 0, hi: 10 } },
  t: { name: "t", kind: "fact", type: { k: "string", values: ["rural", "urban"] }, slot: 5 },
  vetoes: { name: "vetoes", kind: "fact", type: { k: "list", values: ["x", "y"] }, slot: 6 },
  flag: { name: "flag", kind: "fact", type: BOOLEAN, slot: 7 },
  rate: { name: "rate", kind: "score", type: NUMBER, slot: 8 },
  k: { name: "k", kind: "param", type: NUMBER, slot: -1, value: Q.of("0.6") },
  w: { name: "w", kind: "param", type: { k: "map", keys: ["rural", "urban"] }, slot: -1, value: { rural: Q.of("1.5"), urban: Q.of(2) } },
  huge: { name: "huge", kind: "param", type: NUMBER, slot: -1, value: Q.of("1e20") },
  third: { name: "third", kind: "param", type: NUMBER, slot: -1, value: Q.of(1).div(Q.of(3)) },
  place: { name: "place", kind: "param", type: { k: "string", values: ["rural"] }, slot: -1, value: "rural" },
  sometext: { name: "sometext", kind: "fact", type: { k: "string" }, slot: 10 },
};
const scope: Scope = {
  lookup: (name) => (Object.hasOwn(SYMS, name) ? SYMS[name] : undefined),
  names: () => Object.keys(SYMS),
  hidden: (name) => (name === "rank" ? "is a cohort value, not visible here" : undefined),
};
const slots: FastSlots = new Map([
  [0, { kind: "int", num: SYMS.a!.fast! }],
  [1, { kind: "int", num: SYMS.b!.fast! }],
  [2, { kind: "int", num: SYMS.c!.fast! }],
  [3, { kind: "int", num: SYMS.v!.fast! }],
  [4, { kind: "int", num: SYMS.z!.fast! }],
  [8, { kind: "frac", n: { scale: 0, lo: 0, hi: 1000 }, d: { scale: 0, lo: 1, hi: 1000 } }],
]);
const exactFrame: unknown[] = [Q.of("87.25"), Q.of(40), Q.of("-2.5"), Q.of(3), Q.of(0), "urban", ["y"], true, Q.of(2).div(Q.of(3)), undefined, "free"];
const fastFrame: unknown[] = [8725, 40, -25, 3, 0, "urban", ["y"], true, 2, 3, "free"];

function checked(src: string): Node {
  const node = parse(src);
  const issues: CheckIssue[] = [];
  check(node, scope, issues);
  expect(issues).toEqual([]);
  return node;
}
const show = (v: unknown) => (v instanceof Q ? v.toString() : v);

describe("numbers: exact and fast give the hand-worked value", () => {
  // [expression, value, fast?]
  const cases: [string, string, boolean][] = [
    ["a + b", "127.25", true],
    ["a - b", "47.25", true],
    ["b - a", "-47.25", true],
    ["b - c", "42.5", true],
    ["a * b", "3490", true],
    ["c * c", "6.25", true],
    ["-c", "2.5", true],
    ["--c", "-2.5", true],
    ["-(b - v)", "-37", true],
    ["b * k", "24", true],
    ["k * b", "24", true],
    ["1 * b", "40", true],
    ["b * 1", "40", true],
    [".5 * b", "20", true],
    ["2 * 3 + b", "46", true],
    ["b / v", "13.33", true],
    ["b / v * 3", "40", true],
    ["b / -v", "-13.33", true],
    ["a / 4", "21.8125", true],
    ["sum(a, b, c)", "124.75", true],
    ["sum(b)", "40", true],
    ["mean(b, v)", "21.5", true],
    ["mean(a, b, c)", "41.58", true],
    ["min(a, b, c)", "-2.5", true],
    ["max(a, b, c)", "87.25", true],
    ["min(b, v)", "3", true],
    ["max(b, v)", "40", true],
    ["max(c, b)", "40", true],
    ["min(b, c)", "-2.5", true],
    ["max(v)", "3", true],
    ["9 * b", "360", true],
    [".55 * 20", "11", true],
    ["count(vetoes)", "1", true],
    ["w[t]", "2", true],
    ["w[t] * b", "80", true],
    ["if(flag, a, b)", "87.25", true],
    ["if(not flag, a, b)", "40", true],
    ["rate * v", "2", true],
    ["1 - rate", "0.33", true],
    ["rate + rate", "1.33", true],
    ["rate - 1 / 3", "0.33", true],
    ["rate * rate", "0.44", true],
    ["rate / rate", "1", false],
    ["b / v + rate", "14", true],
    // Not provably exact on JS numbers: a divisor that can be 0 or change sign, a product past 2^53,
    // a non-terminating parameter, a constant of more than 15 decimals.
    ["(a - b) / (v - 1)", "23.625", false],
    ["b / c", "-16", false],
    ["b / -z + 1", "", false],
    ["b / z + 1", "", false],
    ["huge * b", "4000000000000000000000", false],
    ["third * 3", "1", false],
    ["a * a * a * a * a", "5056234156.9814453125", false],
    ["b * 0.0000000000000001", "0.000000000000004", false],
    ["min(rate, b)", "0.67", false],
  ];
  it.each(cases)("%s = %s", (src, value, fast) => {
    const node = checked(src);
    if (value === "") expect(() => compileExact(node, scope)(exactFrame)).toThrow("division by zero");
    else expect(show(compileExact(node, scope)(exactFrame))).toBe(value);
    const f = compileFastNum(node, scope, slots);
    expect(f !== undefined).toBe(fast);
    if (!f) return;
    expect(f.kind === "int" ? formatScaled(f.fn(fastFrame), f.num.scale) : formatFrac(f.n(fastFrame), f.d(fastFrame))).toBe(value);
  });

  it("the fast compiler knows each value's scale and bounds", () => {
    const bounds = (src: string) => {
      const f = compileFastNum(checked(src), scope, slots)!;
      return f.kind === "int" ? [f.num.scale, f.num.lo, f.num.hi] : [f.nb.lo, f.nb.hi, f.db.lo, f.db.hi];
    };
    expect(bounds("a + b")).toEqual([2, 0, 20000]);
    expect(bounds("a - b")).toEqual([2, -10000, 10000]);
    expect(bounds("b - a")).toEqual([2, -10000, 10000]);
    expect(bounds("a * b")).toEqual([2, 0, 1000000]);
    expect(bounds("c * c")).toEqual([2, -2500, 2500]);
    expect(bounds("-c")).toEqual([1, -50, 50]);
    expect(bounds("-v")).toEqual([0, -1000, -1]);
    // v is rescaled to hundredths (100..100000) to meet a.
    expect(bounds("a - v")).toEqual([2, -100000, 9900]);
    expect(bounds("v + a")).toEqual([2, 100, 110000]);
    expect(bounds("b * 3")).toEqual([0, 0, 300]);
    expect(bounds("3 * v")).toEqual([0, 3, 3000]);
    expect(bounds("min(a, c)")).toEqual([2, -500, 500]);
    expect(bounds("max(a, c)")).toEqual([2, 0, 10000]);
    expect(bounds("if(flag, a, c)")).toEqual([2, -500, 10000]);
    expect(bounds("count(vetoes)")).toEqual([0, 0, 1e6]);
    expect(bounds("w[t]")).toEqual([1, 15, 20]);
    expect(bounds("2 * 3 + 0.5")).toEqual([1, 65, 65]);
    // b / v: numerator 0..100, denominator 1..1000; b / -v flips both signs.
    expect(bounds("b / v")).toEqual([0, 100, 1, 1000]);
    expect(bounds("b / -v")).toEqual([-100, -0, 1, 1000]);
    // a / 4: 8725 / 100 / 4 = 8725 / 400.
    expect(bounds("a / 4")).toEqual([0, 10000, 400, 400]);
    // A mean of two numbers is their sum over 2.
    expect(bounds("mean(b, v)")).toEqual([1, 1100, 2, 2]);
  });
});

describe("conditions: exact and fast give the hand-worked truth", () => {
  const cases: [string, boolean][] = [
    ["a > 87.25", false],
    ["a >= 87.25", true],
    ["a < 87.25", false],
    ["a <= 87.25", true],
    ["a == 87.25", true],
    ["a != 87.25", false],
    ["a > 87.24", true],
    ["a < 87.26", true],
    ["a <= 87.24", false],
    ["a >= 87.26", false],
    ["a == 87.24", false],
    ["a != 87.24", true],
    ["a > b", true],
    ["a < b", false],
    ["a <= b", false],
    ["a >= b", true],
    ["a == b", false],
    ["a != b", true],
    ["b == v * 13 + 1", true],
    ["b <= v * 13 + 1", true],
    ["b < v * 13 + 1", false],
    ["b >= v * 13 + 2", false],
    ["b > v * 13", true],
    ["b != v * 13 + 1", false],
    ["a - b == 47.25", true],
    ["a - b != 47.25", false],
    ["sum(a, b) > 127.24", true],
    ["sum(a, b) < 127.24", false],
    ["sum(a, b) <= 127.25", true],
    ["sum(a, b) >= 127.26", false],
    ["sum(a, b) > 127.25", false],
    ["sum(a, b) < 127.26", true],
    ["b / v > 13.33", true],
    ["b / v > 13.34", false],
    ["b / v < 13.34", true],
    ["b / v <= 13.33", false],
    ["b / v >= 40 / 3", true],
    ["b / v == 40 / 3", true],
    ["b / v != 40 / 3", false],
    ["rate >= k", true],
    ["rate > 0.7", false],
    ["rate == 2 / 3", true],
    ["c < 0", true],
    ["c > -2.5", false],
    ["c >= -2.5", true],
    ["z == 0", true],
    ["t == \"urban\"", true],
    ["t != \"urban\"", false],
    ["\"urban\" == t", true],
    ["place == t", false],
    ["place != t", true],
    ["sometext == \"free\"", true],
    ["\"y\" in vetoes", true],
    ["\"x\" in vetoes", false],
    ["t in [\"rural\"]", false],
    ["t in ['urban', \"rural\"]", true],
    ["flag == true", true],
    ["flag != true", false],
    ["flag and b > 50", false],
    ["flag or b > 50", true],
    ["not flag or b > 50", false],
    ["flag && !(b > 50)", true],
    ["!flag || b == 40", true],
    ["if(flag, t, \"rural\") == \"urban\"", true],
    ["if(flag, t, \"rural\") == \"rural\"", false],
    ["if(not flag, true, false)", false],
    ["if(flag, true, false)", true],
    ["huge > b", true],
    ["third * 3 == 1", true],
    ["(a - b) / (v - 1) > 23.62", true],
    ["min(rate, b) < 1", true],
  ];
  it.each(cases)("%s is %s", (src, truth) => {
    const node = checked(src);
    expect(compileExact(node, scope)(exactFrame)).toBe(truth);
    const f = compileFast(node, scope, slots);
    const notFast = ["huge > b", "third * 3 == 1", "(a - b) / (v - 1) > 23.62", "min(rate, b) < 1"];
    expect(f === undefined).toBe(notFast.includes(src));
    if (f) expect(f(fastFrame)).toBe(truth);
  });

  it("a condition is not a number, and a number is not a condition, to the fast compiler", () => {
    expect(compileFast(checked("a + b"), scope, slots)).toBeUndefined();
    expect(compileFastNum(checked("a > b"), scope, slots)).toBeUndefined();
    expect(compileFastNum(checked("t"), scope, slots)).toBeUndefined();
  });
});

describe("fast helpers", () => {
  it("floorDiv is floor(a / b) exactly", () => {
    expect([floorDiv(7, 2), floorDiv(-7, 2), floorDiv(6, 3), floorDiv(-6, 3), floorDiv(0, 5), floorDiv(1, 3), floorDiv(-1, 3)]).toEqual([3, -4, 2, -2, 0, 0, -1]);
    // Near 2^53 (a float quotient of safe integers never rounds across an integer, so the
    // corrections are a guard): (2^53 − 1) / (2^53 − 2) is just above 1.
    expect(floorDiv(2 ** 53 - 1, 2 ** 53 - 2)).toBe(1);
    expect(floorDiv(2 ** 53 - 2, 2 ** 53 - 1)).toBe(0);
  });
  it("roundFrac rounds half away from zero", () => {
    expect([roundFrac(1, 8, 2), roundFrac(-1, 8, 2), roundFrac(1, 3, 2), roundFrac(2, 3, 2), roundFrac(-2, 3, 2), roundFrac(5, 2, 0), roundFrac(-5, 2, 0), roundFrac(1, 200, 2)]).toEqual([13, -13, 33, 67, -67, 3, -3, 1]);
    expect(Object.is(roundFrac(0, 3, 2), 0)).toBe(true);
  });
  it("formatScaled writes the plain decimal without trailing zeros", () => {
    expect([formatScaled(0, 2), formatScaled(5, 0), formatScaled(-5, 0), formatScaled(8725, 2), formatScaled(8700, 2), formatScaled(8720, 2), formatScaled(-25, 1), formatScaled(5, 3), formatScaled(-5, 3), formatScaled(100, 2)]).toEqual(["0", "5", "-5", "87.25", "87", "87.2", "-2.5", "0.005", "-0.005", "1"]);
  });
  it("formatFrac: exact when the decimal ends, else half-up to two places, else decimal.js", () => {
    expect([formatFrac(1, 4), formatFrac(-1, 4), formatFrac(6, 3), formatFrac(2, 3), formatFrac(-2, 3), formatFrac(1, 6), formatFrac(0, 7), formatFrac(7, 40), formatFrac(3, 1)]).toEqual(["0.25", "-0.25", "2", "0.67", "-0.67", "0.17", "0", "0.175", "3"]);
    // Past 2^53 in the rounding: the exact path answers.
    expect(formatFrac(2 ** 52, 3)).toBe(Q.of(2 ** 52).div(Q.of(3)).toString());
    // A terminating quotient whose scaled value is past 2^53.
    expect(formatFrac(2 ** 52 + 1, 2 ** 20)).toBe(Q.of(2 ** 52 + 1).div(Q.of(2 ** 20)).toString());
  });
  it("scaledOf: a terminating decimal as an integer and a scale, or nothing", () => {
    expect(scaledOf(Q.of("87.25"))).toEqual({ int: 8725, scale: 2 });
    expect(scaledOf(Q.of(40))).toEqual({ int: 40, scale: 0 });
    expect(scaledOf(Q.of(1).div(Q.of(4)))).toEqual({ int: 25, scale: 2 });
    expect(scaledOf(Q.of(1).div(Q.of(3)))).toBeUndefined();
    expect(scaledOf(Q.of("1e-16"))).toBeUndefined();
    expect(scaledOf(Q.of("1e-15"))).toEqual({ int: 1, scale: 15 });
    expect(scaledOf(Q.of("1e20"))).toBeUndefined();
  });
});

describe("check: every problem, with its code, message and character", () => {
  const issuesOf = (src: string) => {
    const issues: CheckIssue[] = [];
    const type = check(parse(src), scope, issues);
    return { type: type.k, issues: issues.map((i) => [i.code, i.at, i.message]) };
  };
  it.each([
    ["rat > 1", "boolean", [["unknown_name", 0, 'unknown name "rat" (not a fact, parameter or score) (did you mean "rate"?)']]],
    ["rank > 1", "boolean", [["unknown_name", 0, '"rank" is a cohort value, not visible here']]],
    ["not b", "boolean", [["type_mismatch", 4, 'the operand of "not" must be a boolean, but "b" is a number']]],
    ["-flag", "number", [["type_mismatch", 1, 'the operand of "-" must be a number, but "flag" is a boolean']]],
    ["b[t]", "error", [["type_mismatch", 0, 'only a table parameter can be indexed with [...], but "b" is a number']]],
    ["w[b]", "error", [["type_mismatch", 2, 'a table key must be a string, but "b" is a number']]],
    ["w[sometext]", "error", [["type_mismatch", 2, "a table key must have a declared set of values"]]],
    ["w[\"town\"]", "error", [["unknown_value", 2, 'table "w" has no entry for "town"']]],
    ["w[nope]", "error", [["unknown_name", 2, 'unknown name "nope" (not a fact, parameter or score)']]],
    ["sum()", "error", [["arity", 0, "sum() needs at least one argument"]]],
    ["max(b, t)", "number", [["type_mismatch", 7, 'argument 2 of max() must be a number, but "t" is a one of "rural", "urban"']]],
    ["count(b)", "number", [["type_mismatch", 6, 'count() takes a list, but "b" is a number']]],
    ["count(vetoes, vetoes)", "error", [["arity", 0, "count() takes exactly one list"]]],
    ["count()", "error", [["arity", 0, "count() takes exactly one list"]]],
    ["if(flag, b)", "error", [["arity", 0, "if() takes a condition and two values"]]],
    ["if(b, b, b)", "number", [["type_mismatch", 3, 'the condition of if() must be a boolean, but "b" is a number']]],
    ["if(flag, b, t)", "error", [["type_mismatch", 12, 'both branches of if() must have the same type (number vs one of "rural", "urban")']]],
    ["if(flag, b, nope)", "error", [["unknown_name", 12, 'unknown name "nope" (not a fact, parameter or score)']]],
    ["if(flag, t, sometext)", "string", []],
    ["avg(b)", "error", [["unknown_function", 0, 'unknown function "avg"']]],
    ["summ(b)", "error", [["unknown_function", 0, 'unknown function "summ" (did you mean "sum"?)']]],
    ["b and flag", "boolean", [["type_mismatch", 0, 'the left side of "and" must be a boolean, but "b" is a number']]],
    ["flag or b", "boolean", [["type_mismatch", 8, 'the right side of "or" must be a boolean, but "b" is a number']]],
    ["flag + 1", "number", [["type_mismatch", 0, 'the left side of "+" must be a number, but "flag" is a boolean']]],
    ["1 / t", "number", [["type_mismatch", 4, 'the right side of "/" must be a number, but "t" is a one of "rural", "urban"']]],
    ["b in vetoes", "error", [["type_mismatch", 0, 'the left side of "in" must be a string, but "b" is a number']]],
    ["t in b", "error", [["type_mismatch", 5, 'the right side of "in" must be a list, but "b" is a number']]],
    ["\"z\" in vetoes", "boolean", [["unknown_value", 0, '"z" can never be in "vetoes"']]],
    ["\"z\" in [\"a\"]", "boolean", []],
    ["nope in vetoes", "boolean", [["unknown_name", 0, 'unknown name "nope" (not a fact, parameter or score)']]],
    ["[b] == vetoes", "error", [["type_mismatch", 1, "a list literal may hold only strings"], ["type_mismatch", 0, 'cannot compare this expression (list) with "vetoes" (list)']]],
    ["b == t", "error", [["type_mismatch", 0, 'cannot compare "b" (number) with "t" (one of "rural", "urban")']]],
    ["w == w", "error", [["type_mismatch", 0, 'cannot compare "w" (table) with "w" (table)']]],
    ["t == \"town\"", "boolean", [["unknown_value", 5, '"town" is not a possible value here; expected one of "rural", "urban"']]],
    ["\"rurl\" != t", "boolean", [["unknown_value", 0, '"rurl" is not a possible value here (did you mean "rural"?); expected one of "rural", "urban"']]],
    ["sometext == \"town\"", "boolean", []],
    ["t == place", "boolean", []],
    ["t > 1", "boolean", [["type_mismatch", 0, 'the left side of ">" must be a number, but "t" is a one of "rural", "urban"']]],
    ["1 <= flag", "boolean", [["type_mismatch", 5, 'the right side of "<=" must be a number, but "flag" is a boolean']]],
    ["nope < 1", "boolean", [["unknown_name", 0, 'unknown name "nope" (not a fact, parameter or score)']]],
    ["sum(b) > \"x\"", "boolean", [["type_mismatch", 9, 'the right side of ">" must be a number, but "x" is a one of "x"']]],
    ["-(b > 1) < 0", "boolean", [["type_mismatch", 2, 'the operand of "-" must be a number, but this expression is a boolean']]],
    ["if(flag, \"a\", \"b\")", "string", []],
    // A name already reported is not reported again by what contains it.
    ["nope[t]", "error", [["unknown_name", 0, 'unknown name "nope" (not a fact, parameter or score)']]],
    ["if(flag, nope, b)", "error", [["unknown_name", 9, 'unknown name "nope" (not a fact, parameter or score)']]],
    ["t in nope", "boolean", [["unknown_name", 5, 'unknown name "nope" (not a fact, parameter or score)']]],
    ["1 < nope", "boolean", [["unknown_name", 4, 'unknown name "nope" (not a fact, parameter or score)']]],
    ["t == nope", "boolean", [["unknown_name", 5, 'unknown name "nope" (not a fact, parameter or score)']]],
    ["count(nope)", "number", [["unknown_name", 6, 'unknown name "nope" (not a fact, parameter or score)']]],
    ["t in vetoes", "boolean", []],
    ["\"x\" in vetoes", "boolean", []],
    ["\"town\" == t", "boolean", [["unknown_value", 0, '"town" is not a possible value here; expected one of "rural", "urban"']]],
    ["meen(b)", "error", [["unknown_function", 0, 'unknown function "meen" (did you mean "mean"?)']]],
    ["mim(b)", "error", [["unknown_function", 0, 'unknown function "mim" (did you mean "min"?)']]],
    ["maxx(b)", "error", [["unknown_function", 0, 'unknown function "maxx" (did you mean "max"?)']]],
    ["coutn(vetoes)", "error", [["unknown_function", 0, 'unknown function "coutn" (did you mean "count"?)']]],
  ] as const)("%s", (src, type, issues) => {
    expect(issuesOf(src)).toEqual({ type, issues });
  });

  it("the type of if() over two sets of strings is their union; over a free string, a free string", () => {
    expect(check(parse('if(flag, t, "town")'), scope, [])).toEqual({ k: "string", values: ["rural", "urban", "town"] });
    expect(check(parse("if(flag, t, sometext)"), scope, [])).toEqual({ k: "string" });
    expect(check(parse("if(flag, b, 1)"), scope, [])).toEqual(NUMBER);
    expect(check(parse('"x"'), scope, [])).toEqual({ k: "string", values: ["x"] });
    expect(check(parse('["x", "y"]'), scope, [])).toEqual({ k: "list", values: ["x", "y"] });
    expect(check(parse("true"), scope, [])).toEqual(BOOLEAN);
  });
});

describe("render: the expression as a person reads it", () => {
  it.each([
    ["a - (b - c)", "a - (b - c)"],
    ["(a - b) - c", "a - b - c"],
    ["a / (b * c)", "a / (b * c)"],
    ["(a + b) * c", "(a + b) * c"],
    ["-(a + b)", "-(a + b)"],
    ["-a * b", "-a * b"],
    ["not (flag and flag)", "not (flag and flag)"],
    ["not flag and flag", "not flag and flag"],
    ["(flag or flag) and flag", "(flag or flag) and flag"],
    ["flag or flag and flag", "flag or flag and flag"],
    ["w[t] * b", "w[t] * b"],
    ["b * k", "b * 0.6"],
    ["flag == true", "flag == true"],
    ["t in ['x', \"y\"]", 't in ["x", "y"]'],
    ["(b > 1) == (c < 2)", "(b > 1) == (c < 2)"],
    ["if(flag, a, max(b, c))", "if(flag, a, max(b, c))"],
    ["place == t", "place == t"],
    ["a + b * c", "a + b * c"],
    ["a / b > 0.6", "a / b > 0.6"],
    ["a and b or not c", "a and b or not c"],
    ["a && (b || !c)", "a and (b or not c)"],
    ['"ideals" in vetoes', '"ideals" in vetoes'],
    ["sum(a, b, 3) >= 80", "sum(a, b, 3) >= 80"],
    ["-a - -2", "-a - -2"],
    ["w[type] * 2", "w[type] * 2"],
    ["x in ['a', \"b\"]", 'x in ["a", "b"]'],
  ])("%s → %s", (src, text) => {
    expect(render(parse(src), scope)).toBe(text);
  });
  it("names go through the label function; parameters show their value", () => {
    expect(render(parse("b * k > a"), scope, (n) => `【${n}】`)).toBe("【b】 * 0.6 > 【a】");
  });
});

describe("parse: spans point at the characters", () => {
  const span = (n: Node) => [n.kind, n.start, n.end];
  it("every node keeps where it was written", () => {
    const root = parse("a + b * c") as Extract<Node, { kind: "binary" }>;
    expect([span(root), span(root.left), span(root.right)]).toEqual([["binary", 0, 9], ["name", 0, 1], ["binary", 4, 9]]);
    const call = parse("  sum(a, 12.5)  ") as Extract<Node, { kind: "call" }>;
    expect([span(call), span(call.args[0]!), span(call.args[1]!)]).toEqual([["call", 2, 14], ["name", 6, 7], ["num", 9, 13]]);
    expect(span(parse("w[t]"))).toEqual(["index", 0, 4]);
    expect(span(parse("not  flag"))).toEqual(["unary", 0, 9]);
    expect(span(parse("- b"))).toEqual(["unary", 0, 3]);
    expect(span(parse("-12"))).toEqual(["num", 0, 3]);
    expect(span(parse("['x','y']"))).toEqual(["list", 0, 9]);
    expect(span(parse("'abc'"))).toEqual(["str", 0, 5]);
    expect(span(parse("true"))).toEqual(["bool", 0, 4]);
    expect(span(parse("(a)"))).toEqual(["name", 1, 2]);
  });
  it("numbers, strings and words are read as written", () => {
    expect(parse("-12.50")).toMatchObject({ kind: "num", text: "-12.50" });
    expect(parse("--12")).toMatchObject({ kind: "num", text: "12" });
    expect(parse(".5")).toMatchObject({ kind: "num", text: ".5" });
    expect(parse("'a b'")).toMatchObject({ kind: "str", value: "a b" });
    expect(parse('"it\'s"')).toMatchObject({ kind: "str", value: "it's" });
    expect(parse("false")).toMatchObject({ kind: "bool", value: false });
    expect(parse("$x_1")).toMatchObject({ kind: "name", name: "$x_1" });
    expect(parse("constructor")).toMatchObject({ kind: "name", name: "constructor" });
    expect(parse("f()")).toMatchObject({ kind: "call", fn: "f", args: [] });
    expect(parse("[]")).toMatchObject({ kind: "list", items: [] });
    expect(parse("a\t<=\nb\r")).toMatchObject({ kind: "binary", op: "<=" });
    expect(parse("a != b")).toMatchObject({ kind: "binary", op: "!=" });
    expect(parse("a in b")).toMatchObject({ kind: "binary", op: "in" });
    expect(parse("a == b")).toMatchObject({ kind: "binary", op: "==" });
    expect(parse("a >= b")).toMatchObject({ kind: "binary", op: ">=" });
    expect(parse("a < b")).toMatchObject({ kind: "binary", op: "<" });
    expect(parse("a > b")).toMatchObject({ kind: "binary", op: ">" });
    expect(parse("a / b - c")).toMatchObject({ kind: "binary", op: "-", left: { op: "/" } });
    expect(parse("a || b && c")).toMatchObject({ kind: "binary", op: "or", right: { op: "and" } });
  });

  const error = (src: string) => {
    try {
      parse(src);
    } catch (e) {
      expect(e).toBeInstanceOf(ExprSyntaxError);
      return [(e as ExprSyntaxError).at, (e as Error).message];
    }
    return undefined;
  };
  it.each([
    ["1.", 1, 'unexpected character "."'],
    ["a = 1", 2, 'unexpected character "=": compare with "==" (there is no assignment)'],
    ["a => 1", 2, 'unexpected character "=": did you mean ">="?'],
    ["a =< 1", 2, 'unexpected character "=": did you mean "<="?'],
    ["a > 80%", 6, 'unexpected character "%": write a percentage as a decimal (80% is 0.8)'],
    ["a ≥ 1", 2, 'unexpected character "≥": write ">="'],
    ["a ≧ 1", 2, 'unexpected character "≧": write ">="'],
    ["a ≤ 1", 2, 'unexpected character "≤": write "<="'],
    ["a ≦ 1", 2, 'unexpected character "≦": write "<="'],
    ["a ≠ 1", 2, 'unexpected character "≠": write "!="'],
    ["sum（a)", 3, 'unexpected character "（": a full-width character; use ASCII ( ) ,'],
    ["sum(a）", 5, 'unexpected character "）": a full-width character; use ASCII ( ) ,'],
    ["sum(a，b)", 5, 'unexpected character "，": a full-width character; use ASCII ( ) ,'],
    ["a & b", 2, 'unexpected character "&": write "&&" or "and"'],
    ["a | b", 2, 'unexpected character "|": write "||" or "or"'],
    ["(a + b]", 6, 'expected ")" but found "]"'],
    ["sum(a, b", 8, 'expected ")" but the expression ended'],
    ["w[t", 3, 'expected "]" but the expression ended'],
    ["[a, b", 5, 'expected "]" but the expression ended'],
    ["a > )", 4, 'unexpected ")" where a value was expected'],
    ["a == b == c", 7, 'comparisons cannot be chained; use "and"'],
    ["a < b in c", 6, 'unexpected "in" after the end of the expression'],
    ["'abc", 0, "unterminated string"],
    ["", 0, "the expression ended where a value was expected"],
    ["a >", 3, "the expression ended where a value was expected"],
    ["a > > 6", 4, 'unexpected ">" where a value was expected'],
    ["(a + b", 6, 'expected ")" but the expression ended'],
    ["a b", 2, 'unexpected "b" after the end of the expression'],
    ['"abc', 0, "unterminated string"],
    ["a # b", 2, 'unexpected character "#"'],
    ["1 < a < 3", 6, 'comparisons cannot be chained; use "and"'],
  ])("%j: at %i, %s", (src, at, message) => {
    expect(error(src)).toEqual([at, message]);
  });

  it("nesting counts depth, not how many nested things sit side by side", () => {
    expect(error(Array(70).fill("(a)").join(" + "))).toBeUndefined();
    expect(error(Array(70).fill("not a").join(" and "))).toBeUndefined();
    expect(error(Array(70).fill("-a").join(" + "))).toBeUndefined();
  });

  it("caret points under the character, cutting a long expression to about 80 around it", () => {
    expect(caret("a > > 6", 4)).toBe("a > > 6\n    ^");
    expect(caret("a >", 99)).toBe("a >\n   ^");
    expect(caret("a >", -5)).toBe("a >\n^");
    const long = "x".repeat(50) + "#" + "y".repeat(50);
    expect(caret(long, 50)).toBe(`…${"x".repeat(40)}#${"y".repeat(39)}…\n${" ".repeat(41)}^`);
    expect(caret(long, 3)).toBe(`${"x".repeat(43)}…\n   ^`);
    // At the last character (100): characters 60–100, all y, cut at the head only.
    expect(caret(long, 100)).toBe(`…${"y".repeat(41)}\n${" ".repeat(41)}^`);
    const eighty = "z".repeat(80);
    expect(caret(eighty, 79)).toBe(`${eighty}\n${" ".repeat(79)}^`);
  });

  it("limits: length, nesting and height, each at its boundary", () => {
    expect(error("a".repeat(4000))).toBeUndefined();
    expect(error("a".repeat(4001))).toEqual([4000, "the expression is 4001 characters long; at most 4000 are allowed (split it into scores)"]);
    // The whole expression is one level; each parenthesis another.
    expect(error("(".repeat(63) + "a" + ")".repeat(63))).toBeUndefined();
    expect(error("(".repeat(64) + "a" + ")".repeat(64))).toEqual([64, "nested more than 64 levels deep"]);
    expect(error("not ".repeat(63) + "a")).toBeUndefined();
    expect(error("not ".repeat(64) + "a")).toEqual([256, "nested more than 64 levels deep"]);
    expect(error("- ".repeat(64) + "a")).toEqual([128, "nested more than 64 levels deep"]);
    // A chain of n terms is n high.
    expect(error(Array(256).fill("a").join("+"))).toBeUndefined();
    // The walk points at the deepest part of the chain: its first "+" (the second term, at character 2).
    expect(error(Array(257).fill("a").join("+"))).toEqual([2, "the expression is more than 256 operations deep (a long chain of + or and): use sum(…) or split it into scores"]);
    expect(error(Array(257).fill("a").join(" and "))![0]).toBe(6);
    expect(error(`sum(${Array(256).fill("a").join("*")})`)![1]).toMatch(/more than 256 operations deep/);
    expect(error(`[${Array(256).fill("a").join("-")}]`)![1]).toMatch(/more than 256 operations deep/);
    expect(error(`w[${Array(256).fill("a").join("/")}]`)![1]).toMatch(/more than 256 operations deep/);
    expect(error(`-(${Array(256).fill("a").join("-")})`)![1]).toMatch(/more than 256 operations deep/);
  });
});
