/**
 * Exact ranking keys for cohort rules. A cohort compares each subject's score (or a fact) with
 * many others; doing that in decimal.js costs more than the evaluation. Where the fast path
 * holds, a value is a scaled integer, compared as an integer; otherwise a key compares by its
 * float approximation when the two floats are far enough apart for the order to be certain,
 * and exactly (decimal.js) only when they are not. A column never holds a subject's decision,
 * so a cohort of a million rows keeps only numbers between its two passes.
 */
import { Q } from "../_lib/decimal.js";
import type { CFact, CScore } from "../compile/model.js";
import { POW10 } from "../expr/fast.js";
import { intScale, type Decided } from "../evaluate/decide.js";

/** A value held exactly, for the rows a column cannot hold as a scaled integer. */
interface RankKey {
  /** A float within a relative 1e-15 of the exact value. */
  readonly f: number;
  /** The exact value, or (a fast-path fraction) its numerator and denominator, made exact when needed. */
  exact: Q | undefined;
  readonly num: number;
  readonly den: number;
}

/** The most rows sorted by insertion (more are counted, packed or compared). */
const INSERTION_UP_TO = 32;

/**
 * Sorts rows (in index order) by integer value, in place, by counting: bucket `|value − from|`
 * (descending from the largest, or ascending from the smallest), rows within a bucket in the
 * order given.
 */
function countingSort(rows: number[], ints: readonly number[], from: number, desc: boolean, range: number): number[] {
  const start = new Array<number>(range + 1).fill(0);
  for (let j = 0; j < rows.length; j++) start[(desc ? from - ints[rows[j]!]! : ints[rows[j]!]! - from) + 1]!++;
  for (let b = 1; b <= range; b++) start[b]! += start[b - 1]!;
  const out = rows.slice();
  for (let j = 0; j < out.length; j++) {
    const i = out[j]!;
    rows[start[desc ? from - ints[i]! : ints[i]! - from]!++] = i;
  }
  return rows;
}

/**
 * Sorts a few rows (given in index order) by integer value in place, by insertion: no comparator
 * call per comparison, and equal values keep the order given (index order).
 */
function insertionSort(rows: number[], ints: readonly number[], desc: boolean): number[] {
  for (let j = 1; j < rows.length; j++) {
    const i = rows[j]!, v = ints[i]!;
    let k = j - 1;
    while (k >= 0 && (desc ? ints[rows[k]!]! < v : ints[rows[k]!]! > v)) {
      rows[k + 1] = rows[k]!;
      k--;
    }
    rows[k + 1] = i;
  }
  return rows;
}

/** Relative gap beyond which two floats' order is the exact values' order (float error is ~1e-16). */
const CERTAIN = 1e-12;

function exactOf(k: RankKey): Q {
  return (k.exact ??= Q.of(k.num).div(Q.of(k.den)));
}

function compareKeys(a: RankKey, b: RankKey): number {
  const fa = a.f, fb = b.f;
  if (fa !== fb && Math.abs(fa - fb) > CERTAIN * Math.max(Math.abs(fa), Math.abs(fb))) return fa < fb ? -1 : 1;
  return exactOf(a).cmp(exactOf(b));
}

/**
 * One key per valid row, compared by row index. Rows whose value is a scaled integer at the
 * column's scale (every fast-path row, and exact-path rows whose value fits) are held in a
 * plain array of numbers and compared as such; only the others carry a {@link RankKey}. Rows are added
 * in order with {@link KeyColumn.add}.
 */
export class KeyColumn {
  /** The rows' scaled integers (0 for a row held as a key), a plain array of doubles: a small cohort makes no typed array. */
  private readonly ints: number[] = [];
  /** Keys of the rows not held as integers (sparse), or undefined when every row is. */
  private others: (RankKey | undefined)[] | undefined;

  private constructor(
    /** The decimal scale of the integers, or -1 when the values have no common scale. */
    private readonly scale: number,
    private readonly read: ((d: Decided) => void) | undefined,
  ) {
  }

  /** A column of a score. */
  static ofScore(sc: CScore): KeyColumn {
    // The decimal scale of the score's fast-path integer, or -1 for a fraction (or no fast form).
    const scale = sc.fast ? (intScale(sc) ?? -1) : -1;
    const col: KeyColumn = new KeyColumn(scale, (d) => {
      const v = d.frame[sc.slot];
      if (d.fast && sc.fast) {
        if (scale >= 0) col.push(v as number);
        else col.pushKey({ f: (v as number) / (d.frame[sc.slot + 1] as number), exact: undefined, num: v as number, den: d.frame[sc.slot + 1] as number });
      } else col.pushExact(v as Q);
    });
    return col;
  }
  /** A column of a numeric fact. */
  static ofFact(f: CFact): KeyColumn {
    const col: KeyColumn = new KeyColumn(f.fast ? f.fast.scale : -1, (d) => {
      const v = d.frame[f.slot];
      if (d.fast && typeof v === "number") col.push(v);
      else col.pushExact(v as Q);
    });
    return col;
  }
  /** A column of whole numbers. */
  static ofInts(values: readonly number[]): KeyColumn {
    const col = new KeyColumn(0, undefined);
    for (const v of values) col.push(v);
    return col;
  }

  /** Adds the next row's value from its decision. */
  add(d: Decided): void {
    this.read!(d);
  }

  private push(int: number): void {
    this.ints.push(int);
  }
  private pushKey(k: RankKey): void {
    (this.others ??= [])[this.ints.length] = k;
    this.push(0);
  }
  /** An exact value: a scaled integer at the column's scale when it is one, else held exactly. */
  private pushExact(q: Q): void {
    const scale = this.scale;
    if (scale >= 0 && scale < POW10.length) {
      const scaled = q.mul(Q.of(POW10[scale]!));
      if (scaled.isInteger()) {
        const int = scaled.n.div(scaled.d).toNumber();
        if (Number.isSafeInteger(int)) return this.push(int);
      }
    }
    this.pushKey({ f: q.n.div(q.d).toNumber(), exact: q, num: 0, den: 1 });
  }

  private key(i: number): RankKey {
    const k = this.others?.[i];
    if (k) return k;
    const int = this.ints[i]!, pow = POW10[this.scale]!;
    return { f: int / pow, exact: undefined, num: int, den: pow };
  }

  /** Negative, zero or positive as row i's value is less than, equal to or greater than row j's. */
  compare(i: number, j: number): number {
    const o = this.others;
    if (o === undefined || (o[i] === undefined && o[j] === undefined)) return this.ints[i]! - this.ints[j]!;
    return compareKeys(this.key(i), this.key(j));
  }

  /** Row indexes sorted by value (descending when `desc`), equal values by index. */
  sorted(desc: boolean): number[] {
    const rows = new Array<number>(this.ints.length);
    for (let i = 0; i < rows.length; i++) rows[i] = i;
    return this.sort(rows, desc);
  }

  /**
   * Sorts the given row indexes (in place; given in index order) by value, descending when
   * `desc`, equal values by index. Integer keys of up to 32 rows are sorted by insertion; of more
   * rows, with few distinct values (a total in hundredths, a rating), counted into place; others
   * whose range times the row count stays below 2^53 are packed with the row index into one number
   * and sorted natively; the rest (and keys held exactly) take a comparison sort.
   */
  sort(rows: number[], desc: boolean): number[] {
    const ints = this.ints;
    const n = this.ints.length;
    // A small cohort sorts by insertion: counting or packing costs more than it saves below a few dozen rows.
    if (this.others === undefined && rows.length <= INSERTION_UP_TO) return insertionSort(rows, ints, desc);
    if (this.others === undefined) {
      let min = Infinity, max = -Infinity;
      for (const i of rows) {
        const v = ints[i]!;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      // O(rows + range), equal values in the order given (index order).
      if (max - min < 2 * rows.length + 1024) return countingSort(rows, ints, desc ? max : min, desc, max - min + 1);
      if ((max - min + 1) * n < 2 ** 53) {
        const packed = new Float64Array(rows.length);
        for (let j = 0; j < rows.length; j++) {
          const i = rows[j]!;
          packed[j] = (desc ? max - ints[i]! : ints[i]! - min) * n + i;
        }
        packed.sort();
        for (let j = 0; j < rows.length; j++) rows[j] = packed[j]! % n;
        return rows;
      }
    }
    const sign = desc ? -1 : 1;
    return rows.sort((a, b) => sign * this.compare(a, b) || a - b);
  }
}
