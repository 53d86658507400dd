/**
 * Exact ranking keys for cohort rules. A cohort compares each subject's score (or a fact) with
 * many others; doing that in decimal.js costs more than the evaluation. Where the fast path
 * holds, a value is a scaled integer, compared as an integer; otherwise a key compares by its
 * float approximation when the two floats are far enough apart for the order to be certain,
 * and exactly (decimal.js) only when they are not.
 */
import { Q } from "../_lib/decimal.js";
import type { CFact, CScore } from "../compile/model.js";
import { POW10 } from "../expr/fast.js";
import { factExact, scoreExact, type Decided } from "../evaluate/evaluate.js";

/** A value to rank by. `scale >= 0`: the value is `int / 10^scale` exactly. */
interface RankKey {
  /** A float within a relative 1e-15 of the exact value (the value itself for scaled integers). */
  readonly f: number;
  /** The scaled integer, when `scale >= 0`. */
  readonly int: number;
  /** The decimal scale of `int`, or -1 when the value is held only exactly. */
  readonly scale: number;
  /** The exact value, computed when first needed. */
  exact: Q | undefined;
  readonly d: Decided | undefined;
  readonly source: CScore | CFact | undefined;
}

/** Relative gap beyond which two floats' order is the exact values' order (float error is ~1e-16). */
const CERTAIN = 1e-12;

function exactOf(k: RankKey): Q {
  if (k.exact === undefined) {
    const src = k.source!;
    k.exact = "fn" in src ? scoreExact(k.d!, src) : (factExact(k.d!, src) as Q);
  }
  return k.exact;
}

/** Exact comparison: negative, zero or positive as `a` is less than, equal to or greater than `b`. */
function compareKeys(a: RankKey, b: RankKey): number {
  if (a.scale >= 0 && a.scale === b.scale) return a.int - b.int;
  const fa = a.f, fb = b.f;
  if (fa !== fb && Math.abs(fa - fb) > CERTAIN * Math.max(Math.abs(fa), Math.abs(fb))) return fa < fb ? -1 : 1;
  return exactOf(a).cmp(exactOf(b));
}

function toFloat(q: Q): number {
  return q.n.div(q.d).toNumber();
}

/** The decimal scale of a score's fast-path integer, or -1 when it is a fraction (or has no fast form). */
function scoreScale(sc: CScore): number {
  const f = sc.fast;
  if (!f) return -1;
  if (sc.round !== undefined) return f.kind === "int" ? Math.min(f.num.scale, sc.round) : sc.round;
  return f.kind === "int" ? f.num.scale : -1;
}

/**
 * An exact value as a key: a scaled integer at `scale` when it is one (so exact-path rows still
 * compare as integers with fast-path rows), else held exactly.
 */
function exactKey(q: Q, scale: number, d: Decided, source: CScore | CFact): RankKey {
  if (scale >= 0 && scale < POW10.length) {
    const scaled = q.mul(Q.of(POW10[scale]!));
    if (scaled.isInteger()) {
      const int = scaled.n.div(scaled.d).toNumber();
      if (Number.isSafeInteger(int)) return { f: int / POW10[scale]!, int, scale, exact: q, d, source };
    }
  }
  return { f: toFloat(q), int: 0, scale: -1, exact: q, d, source };
}

/** The key of a decided subject's score. */
function scoreKey(d: Decided, sc: CScore): RankKey {
  const scale = scoreScale(sc);
  if (d.fast && sc.fast) {
    const v = d.frame[sc.slot] as number;
    if (scale >= 0) return { f: v / POW10[scale]!, int: v, scale, exact: undefined, d, source: sc };
    return { f: v / (d.frame[sc.slot + 1] as number), int: 0, scale: -1, exact: undefined, d, source: sc };
  }
  return exactKey(d.frame[sc.slot] as Q, scale, d, sc);
}

/** The key of a decided subject's numeric fact. */
function factKey(d: Decided, fact: CFact): RankKey {
  const v = d.frame[fact.slot];
  if (d.fast && typeof v === "number") return { f: v / fact.fast!.pow, int: v, scale: fact.fast!.scale, exact: undefined, d, source: fact };
  return exactKey(v as Q, fact.fast ? fact.fast.scale : -1, d, fact);
}

/**
 * One key per valid row, compared by row index. Rows whose value is a scaled integer at the
 * column's scale (every fast-path row, and exact-path rows whose value fits) are held in a
 * Float64Array and compared as numbers; only the others carry a {@link RankKey}.
 */
export class KeyColumn {
  private constructor(
    private readonly ints: Float64Array,
    private readonly scale: number,
    /** Keys of the rows not held as integers (sparse), or undefined when every row is. */
    private readonly others: (RankKey | undefined)[] | undefined,
  ) {}

  /** A column of a score of each decided row. */
  static ofScore(ds: readonly Decided[], sc: CScore): KeyColumn {
    return KeyColumn.build(ds, scoreScale(sc), (d) => scoreKey(d, sc));
  }
  /** A column of a numeric fact of each decided row. */
  static ofFact(ds: readonly Decided[], f: CFact): KeyColumn {
    return KeyColumn.build(ds, f.fast ? f.fast.scale : -1, (d) => factKey(d, f));
  }
  /** A column of whole numbers. */
  static ofInts(values: readonly number[]): KeyColumn {
    return new KeyColumn(Float64Array.from(values), 0, undefined);
  }

  private static build(ds: readonly Decided[], scale: number, keyOf: (d: Decided) => RankKey): KeyColumn {
    const ints = new Float64Array(ds.length);
    let others: (RankKey | undefined)[] | undefined;
    for (let i = 0; i < ds.length; i++) {
      const k = keyOf(ds[i]!);
      if (k.scale >= 0 && k.scale === scale) ints[i] = k.int;
      else (others ??= new Array(ds.length))[i] = k;
    }
    return new KeyColumn(ints, scale, others);
  }

  private key(i: number): RankKey {
    const k = this.others?.[i];
    if (k) return k;
    const int = this.ints[i]!;
    return { f: int / POW10[this.scale]!, int, scale: this.scale, exact: Q.of(int).div(Q.of(POW10[this.scale]!)), d: undefined, source: undefined };
  }

  /** Negative, zero or positive as row i's value is less than, equal to or greater than row j's. */
  compare(i: number, j: number): number {
    const o = this.others;
    if (o === undefined || (o[i] === undefined && o[j] === undefined)) return this.ints[i]! - this.ints[j]!;
    return compareKeys(this.key(i), this.key(j));
  }

  /** Row indexes sorted by value (descending when `desc`), equal values by index. */
  sorted(desc: boolean): number[] {
    return this.sort(Array.from({ length: this.ints.length }, (_, i) => i), desc);
  }

  /**
   * Sorts the given row indexes (in place) by value, descending when `desc`, equal values by
   * index. Integer keys whose range times the row count stays below 2^53 are packed with the row
   * index into one number and sorted natively; the rest take a comparison sort.
   */
  sort(rows: number[], desc: boolean): number[] {
    const ints = this.ints;
    const n = ints.length;
    if (this.others === undefined && rows.length > 1) {
      let min = Infinity, max = -Infinity;
      for (const i of rows) {
        const v = ints[i]!;
        if (v < min) min = v;
        if (v > max) max = v;
      }
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
