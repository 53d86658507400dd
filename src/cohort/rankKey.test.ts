import { describe, expect, it } from "vitest";
import { Q } from "../_lib/decimal.js";
import type { CFact, CScore } from "../compile/model.js";
import type { Decided } from "../evaluate/decide.js";
import { KeyColumn } from "./rankKey.js";

/** A numeric fact at slot 0 held on the fast path as hundredths. */
const fact = { slot: 0, fast: { scale: 2, pow: 100 } } as unknown as CFact;
const fast = (int: number) => ({ fast: true, frame: [int] }) as unknown as Decided;
const exact = (text: string) => ({ fast: false, frame: [Q.of(text)] }) as unknown as Decided;
function column(rows: Decided[], f: CFact = fact) {
  const c = KeyColumn.ofFact(f);
  for (const d of rows) c.add(d);
  return c;
}

describe("KeyColumn — exact order whatever the representation", () => {
  it("scaled integers sort natively, descending or ascending, equal values by row", () => {
    const c = column([fast(1600), fast(1725), fast(1600), fast(-5), fast(2000)]);
    expect(c.sorted(true)).toEqual([4, 1, 0, 2, 3]);
    expect(c.sorted(false)).toEqual([3, 0, 2, 1, 4]);
    expect([c.compare(0, 2), Math.sign(c.compare(1, 0)), Math.sign(c.compare(3, 4))]).toEqual([0, 1, -1]);
  });
  it("a subset sorts alone", () => {
    const c = column([fast(10), fast(30), fast(20), fast(40)]);
    expect(c.sort([0, 2, 3], true)).toEqual([3, 2, 0]);
    expect(c.sort([1], true)).toEqual([1]);
  });
  it("a range too wide to pack with the row index (2^52 apart) still sorts exactly", () => {
    const c = column([fast(2 ** 52), fast(-(2 ** 52)), fast(0), fast(2 ** 52 - 1)]);
    expect(c.sorted(true)).toEqual([0, 3, 2, 1]);
  });
  it("an exact-path value that is a whole number of hundredths compares as an integer with fast rows", () => {
    const c = column([fast(1600), exact("16.00"), exact("15.99"), exact("16.5")]);
    expect(c.compare(0, 1)).toBe(0);
    expect(c.sorted(true)).toEqual([3, 0, 1, 2]);
  });
  it("values beyond a float's precision: equal floats are told apart exactly", () => {
    // 16.000000000000000000001 and 16 are the same float; the exact values differ.
    const c = column([exact("16.000000000000000000001"), fast(1600), exact("16.000000000000000000002"), exact("15.999999999999999999999")]);
    expect(c.sorted(true)).toEqual([2, 0, 1, 3]);
    expect(Math.sign(c.compare(0, 1))).toBe(1);
    expect(c.compare(1, 1)).toBe(0);
  });
  it("floats far enough apart order without the exact value; close ones with it", () => {
    const c = column([exact("100.001"), exact("100.002"), exact("-3.0001"), exact("1e-3")].map((d) => d));
    expect(c.sorted(true)).toEqual([1, 0, 3, 2]);
  });
  it("a fact with no fast form keeps every value exact", () => {
    const c = column([exact("2.5"), exact("2.25"), exact("2.5")], { slot: 0, fast: undefined } as unknown as CFact);
    expect(c.sorted(true)).toEqual([0, 2, 1]);
    expect(c.compare(0, 2)).toBe(0);
  });
  it("a fraction score on the fast path (numerator, denominator) compares exactly: 1/3 < 0.34, 2/6 = 1/3", () => {
    const sc = { slot: 0, fast: { kind: "frac" }, round: undefined } as unknown as CScore;
    const frac = (n: number, d: number) => ({ fast: true, frame: [n, d] }) as unknown as Decided;
    const c = KeyColumn.ofScore(sc);
    for (const d of [frac(1, 3), frac(34, 100), frac(2, 6), { fast: false, frame: [Q.of(1).div(Q.of(3))] } as unknown as Decided]) c.add(d);
    expect(c.sorted(true)).toEqual([1, 0, 2, 3]);
    expect([c.compare(0, 2), c.compare(0, 3)]).toEqual([0, 0]);
  });
  it("a rounded score is an integer at its reported scale", () => {
    const sc = { slot: 0, fast: { kind: "int", num: { scale: 4 } }, round: 2 } as unknown as CScore;
    const c = KeyColumn.ofScore(sc);
    for (const d of [fast(8833), exact("88.33"), fast(8834)]) c.add(d);
    expect(c.compare(0, 1)).toBe(0);
    expect(c.sorted(true)).toEqual([2, 0, 1]);
  });
  it("past 32 rows: counted (few distinct values) or packed with their row, ascending and descending, negatives, a subset, a range too wide to pack", () => {
    // Rows 0..39 hold (i mod 4) × 100 − 150: −150, −50, 50, 150, −150, … (a range of 301: counted).
    const values = Array.from({ length: 40 }, (_, i) => (i % 4) * 100 - 150);
    const c = column(values.map(fast));
    const rowsOf = (v: number) => values.flatMap((x, i) => (x === v ? [i] : []));
    expect(c.sorted(false)).toEqual([...rowsOf(-150), ...rowsOf(-50), ...rowsOf(50), ...rowsOf(150)]);
    expect(c.sorted(true)).toEqual([...rowsOf(150), ...rowsOf(50), ...rowsOf(-50), ...rowsOf(-150)]);
    // A subset (in index order) sorts alone: rows 1, 3, 4, … 36 hold −50, 150, −150, …
    expect(c.sort([1, 3, ...Array.from({ length: 33 }, (_, k) => k + 4)], true).slice(0, 10)).toEqual([3, 7, 11, 15, 19, 23, 27, 31, 35, 6]);
    // A range of 300,001 (more than twice the rows plus 1,024): packed rather than counted, the same order.
    const spread = column(values.map((v) => fast(v * 1000)));
    expect(spread.sorted(false)).toEqual(c.sorted(false));
    expect(spread.sorted(true)).toEqual(c.sorted(true));
    // 2^52 and −2^52 among 38 zeros: (range × rows) passes 2^53, so the comparison sort decides.
    const wide = column([fast(2 ** 52), fast(-(2 ** 52)), ...Array.from({ length: 38 }, () => fast(0))]);
    expect(wide.sorted(true)).toEqual([0, ...Array.from({ length: 38 }, (_, k) => k + 2), 1]);
  });
  it("whole numbers (ratings) as a column; more rows than the first buffer holds", () => {
    const values = Array.from({ length: 200 }, (_, i) => (i * 37) % 11);
    const c = KeyColumn.ofInts(values);
    const order = c.sorted(true);
    expect(order.map((i) => values[i])).toEqual([...values].sort((a, b) => b - a));
    // Equal values keep row order.
    expect(order.filter((i) => values[i] === 10)).toEqual(values.map((v, i) => [v, i] as const).filter(([v]) => v === 10).map(([, i]) => i));
  });
});
