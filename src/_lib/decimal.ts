import Decimal from "decimal.js";

/**
 * The library's private decimal.js constructor. Never `Decimal.set()`: that would change the
 * host application's global configuration. Precision is generous because exact arithmetic
 * relies on additions and multiplications of bounded inputs never being rounded.
 */
export const D = /* @__PURE__ */ Decimal.clone({
  precision: 200,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -1000,
  toExpPos: 1000,
});
export type D = Decimal;

const ONE = /* @__PURE__ */ new D(1);
const ZERO = /* @__PURE__ */ new D(0);

/**
 * An exact rational number `n / d` with `d > 0`, built on decimal.js. Sums and products of
 * decimals are exact in {@link D}; a quotient stays a fraction until it is reported, so
 * `530 / 6 * 0.6` is exactly 53 (decimal.js alone gives 52.99999999999999999998).
 */
export class Q {
  private constructor(
    /** Numerator. */
    readonly n: Decimal,
    /** Denominator, always positive. */
    readonly d: Decimal,
  ) {}

  static of(v: Decimal.Value): Q {
    return new Q(new D(v), ONE);
  }
  static frac(n: Decimal, d: Decimal): Q {
    if (d.isZero()) throw new DivisionByZero();
    return d.isNeg() ? new Q(n.neg(), d.neg()) : new Q(n, d);
  }
  static readonly ZERO: Q = /* @__PURE__ */ new Q(ZERO, ONE);

  add(o: Q): Q {
    if (this.d.eq(o.d)) return new Q(this.n.plus(o.n), this.d);
    return new Q(this.n.times(o.d).plus(o.n.times(this.d)), this.d.times(o.d));
  }
  sub(o: Q): Q {
    return this.add(o.neg());
  }
  mul(o: Q): Q {
    return new Q(this.n.times(o.n), this.d.times(o.d));
  }
  div(o: Q): Q {
    return Q.frac(this.n.times(o.d), this.d.times(o.n));
  }
  neg(): Q {
    return new Q(this.n.neg(), this.d);
  }
  abs(): Q {
    return this.n.isNeg() ? this.neg() : this;
  }
  /** -1, 0 or 1 as this is less than, equal to or greater than `o`. */
  cmp(o: Q): number {
    return this.n.times(o.d).cmp(o.n.times(this.d));
  }
  isInteger(): boolean {
    return this.n.mod(this.d).isZero();
  }
  /** Whether the decimal expansion terminates: the reduced denominator has no prime factor but 2 and 5. */
  terminates(): boolean {
    if (this.d.eq(ONE)) return true;
    const scale = new D(10).pow(Math.max(this.n.decimalPlaces(), this.d.decimalPlaces()));
    const n = this.n.times(scale).abs();
    let d = this.d.times(scale);
    d = d.div(gcd(n, d));
    for (const p of [2, 5]) while (d.mod(p).isZero()) d = d.div(p);
    return d.eq(ONE);
  }
  /** The exact decimal value when it terminates; otherwise rounded half-up to `places`. */
  toDecimal(places = 2): Decimal {
    if (this.d.eq(ONE)) return this.n;
    const q = this.n.div(this.d);
    return this.terminates() ? q : q.toDecimalPlaces(places, D.ROUND_HALF_UP);
  }
  /** Rounded half-up (away from zero on a tie) to `places` decimals, exactly. */
  round(places: number): Q {
    // A terminating quotient is exact at this precision; a non-terminating one cannot sit on a tie.
    return new Q(this.n.div(this.d).toDecimalPlaces(places, D.ROUND_HALF_UP), ONE);
  }
  /** Plain decimal string, no exponent, no trailing zeros; non-terminating values rounded to 2 places. */
  toString(): string {
    return formatDecimal(this.toDecimal(2));
  }
}

function gcd(a: Decimal, b: Decimal): Decimal {
  while (!b.isZero()) [a, b] = [b, a.mod(b)];
  return a;
}

/** Raised when an expression divides by zero; the evaluator reports it as bad input. */
export class DivisionByZero extends Error {
  constructor() {
    super("division by zero");
  }
}

/** A decimal as a plain string: no exponent, no trailing zeros, no "-0". */
export function formatDecimal(v: Decimal): string {
  if (v.isZero()) return "0";
  return v.toFixed();
}

// One way to match each text (no nested or adjacent quantifiers over the same digits): linear time.
const DECIMAL_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** The most digits decimal text may carry: the precision arithmetic stays exact within. */
export const MAX_DIGITS = 200;

/** Whether `v` is decimal text with more digits than arithmetic keeps exactly ({@link MAX_DIGITS}). */
export function tooManyDigits(v: unknown): boolean {
  if (typeof v !== "string") return false;
  const t = v.trim();
  return t.length > MAX_DIGITS && DECIMAL_TEXT.test(t) && t.replace(/[^0-9]/g, "").length > MAX_DIGITS;
}

/**
 * Parses a JSON number or a decimal string exactly; returns undefined when it is neither, or
 * when the text has more than {@link MAX_DIGITS} digits (it would be rounded).
 */
export function toDecimal(v: unknown): Decimal | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? new D(v) : undefined;
  if (typeof v === "string") {
    const t = v.trim();
    if (t.length > MAX_DIGITS + 2 && t.replace(/[^0-9]/g, "").length > MAX_DIGITS) return undefined;
    return DECIMAL_TEXT.test(t) ? new D(t) : undefined;
  }
  return undefined;
}
