/**
 * The fast compiler: the same expressions as {@link compileExact}, on plain JS numbers, where that
 * is provably exact.
 *
 * A number is a scaled integer (value = int / 10^scale) whose bounds are known at compile time
 * from the facts' declared ranges; a quotient is kept as a fraction (numerator, positive
 * denominator) and compared by cross-multiplying. Every intermediate bound is checked against
 * 2^53 at compile time, so every operation on the fast path is exact integer arithmetic. Anything
 * that cannot be proven so (an unbounded product, a divisor whose sign is unknown) makes the
 * compiler return `undefined`, and the exact evaluator is used instead.
 */
import { Q } from "../_lib/decimal.js";
import type { Node } from "./ast.js";
import type { FastNum, Scope } from "./types.js";

/** A compiled fast expression: reads a frame of fast slot values. */
export type FastFn = (frame: readonly unknown[]) => unknown;

const SAFE = Number.MAX_SAFE_INTEGER;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** An exact integer expression: value = fn() / 10^scale, and lo ≤ fn() ≤ hi. */
interface Int {
  readonly t: "int";
  readonly fn: (f: readonly unknown[]) => number;
  readonly scale: number;
  readonly lo: number;
  readonly hi: number;
  /** The value when it is a compile-time constant. */
  readonly c?: number;
  /** The frame slot when the value is read directly from it (lets comparisons skip a closure call). */
  readonly slot?: number;
}
/** An exact fraction n / d with d > 0. Scales are folded into n and d. */
interface Frac {
  readonly t: "frac";
  readonly n: Int;
  readonly d: Int;
}
type Num = Int | Frac;
type Other = { readonly t: "other"; readonly fn: FastFn };
type Fast = Num | Other;

class NotFast extends Error {}
const fail = (): never => {
  throw new NotFast();
};

function safe(...vs: number[]): void {
  for (const v of vs) if (!(Math.abs(v) <= SAFE)) fail();
}

function constInt(v: number, scale: number): Int {
  safe(v);
  return { t: "int", fn: () => v, scale, lo: v, hi: v, c: v };
}

/** The scaled integer of a decimal constant, or fail when it does not terminate. */
export function scaledOf(q: Q): { int: number; scale: number } | undefined {
  if (!q.terminates()) return undefined;
  const d = q.toDecimal();
  const scale = Math.max(0, d.decimalPlaces());
  if (scale >= POW10.length) return undefined;
  const int = d.times(POW10[scale]!).toNumber();
  if (!Number.isSafeInteger(int)) return undefined;
  return { int, scale };
}

function constOf(q: Q): Int {
  const s = scaledOf(q);
  if (!s) return fail();
  return constInt(s.int, s.scale);
}

/** Multiplies an Int by 10^k (k ≥ 0). */
function rescale(a: Int, k: number): Int {
  if (k === 0) return a;
  const m = POW10[k] ?? fail();
  safe(a.lo * m, a.hi * m);
  if (a.c !== undefined) return constInt(a.c * m, a.scale + k);
  const fn = a.fn, sl = a.slot;
  return { t: "int", fn: sl !== undefined ? (f) => (f[sl] as number) * m : (f) => fn(f) * m, scale: a.scale + k, lo: a.lo * m, hi: a.hi * m };
}

function align(a: Int, b: Int): [Int, Int] {
  const s = Math.max(a.scale, b.scale);
  return [rescale(a, s - a.scale), rescale(b, s - b.scale)];
}

function addInt(a0: Int, b0: Int, sign: 1 | -1): Int {
  const [a, b] = align(a0, b0);
  const lo = sign === 1 ? a.lo + b.lo : a.lo - b.hi;
  const hi = sign === 1 ? a.hi + b.hi : a.hi - b.lo;
  safe(lo, hi);
  if (a.c !== undefined && b.c !== undefined) return constInt(a.c + sign * b.c, a.scale);
  const fa = a.fn, fb = b.fn;
  return { t: "int", fn: sign === 1 ? (f) => fa(f) + fb(f) : (f) => fa(f) - fb(f), scale: a.scale, lo, hi };
}

function mulInt(a: Int, b: Int): Int {
  const ps = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
  const lo = Math.min(...ps), hi = Math.max(...ps);
  safe(lo, hi);
  if (a.c !== undefined && b.c !== undefined) return constInt(a.c * b.c, a.scale + b.scale);
  const fa = a.fn, fb = b.fn;
  if (a.c === 1 && a.scale === 0) return b;
  if (b.c === 1 && b.scale === 0) return a;
  if (a.c !== undefined || b.c !== undefined) {
    const k = (a.c ?? b.c)!;
    const v = a.c !== undefined ? b : a;
    const vs = v.slot, fv = v.fn;
    return { t: "int", fn: vs !== undefined ? (f) => (f[vs] as number) * k : (f) => fv(f) * k, scale: a.scale + b.scale, lo, hi };
  }
  return { t: "int", fn: (f) => fa(f) * fb(f), scale: a.scale + b.scale, lo, hi };
}

function negInt(a: Int): Int {
  if (a.c !== undefined) return constInt(-a.c, a.scale);
  const fa = a.fn;
  return { t: "int", fn: (f) => -fa(f), scale: a.scale, lo: -a.hi, hi: -a.lo };
}

/** Int as a fraction with scale folded into the denominator. */
function asFrac(x: Num): Frac {
  if (x.t === "frac") return x;
  return { t: "frac", n: { ...x, scale: 0 }, d: constInt(POW10[x.scale] ?? fail(), 0) };
}

function frac(n: Int, d: Int): Frac {
  if (d.lo <= 0) {
    if (d.hi < 0) return { t: "frac", n: negInt(n), d: negInt(d) };
    return fail(); // the divisor's sign is unknown, or it can be zero
  }
  return { t: "frac", n, d };
}

function add(a: Num, b: Num, sign: 1 | -1): Num {
  if (a.t === "int" && b.t === "int") return addInt(a, b, sign);
  const x = asFrac(a), y = asFrac(b);
  if (x.d.c !== undefined && y.d.c !== undefined && x.d.c === y.d.c) return frac(addInt(x.n, y.n, sign), x.d);
  return frac(addInt(mulInt(x.n, y.d), mulInt(y.n, x.d), sign), mulInt(x.d, y.d));
}

function mul(a: Num, b: Num): Num {
  if (a.t === "int" && b.t === "int") return mulInt(a, b);
  const x = asFrac(a), y = asFrac(b);
  return frac(mulInt(x.n, y.n), mulInt(x.d, y.d));
}

function div(a: Num, b: Num): Num {
  const x = asFrac(a), y = asFrac(b);
  return frac(mulInt(x.n, y.d), mulInt(x.d, y.n));
}

/** Compiles `a op b` over numbers to an exact boolean closure. */
function compare(op: string, a: Num, b: Num): FastFn {
  let l: Int, r: Int;
  if (a.t === "int" && b.t === "int") [l, r] = align(a, b);
  else {
    const x = asFrac(a), y = asFrac(b);
    l = mulInt(x.n, y.d);
    r = mulInt(y.n, x.d);
  }
  const fl = l.fn, fr = r.fn;
  if (r.c !== undefined && l.slot !== undefined) {
    const k = r.c, sl = l.slot;
    switch (op) {
      case "<": return (f) => (f[sl] as number) < k;
      case "<=": return (f) => (f[sl] as number) <= k;
      case ">": return (f) => (f[sl] as number) > k;
      case ">=": return (f) => (f[sl] as number) >= k;
      case "==": return (f) => f[sl] === k;
      default: return (f) => f[sl] !== k;
    }
  }
  if (r.c !== undefined) {
    const k = r.c;
    switch (op) {
      case "<": return (f) => fl(f) < k;
      case "<=": return (f) => fl(f) <= k;
      case ">": return (f) => fl(f) > k;
      case ">=": return (f) => fl(f) >= k;
      case "==": return (f) => fl(f) === k;
      default: return (f) => fl(f) !== k;
    }
  }
  switch (op) {
    case "<": return (f) => fl(f) < fr(f);
    case "<=": return (f) => fl(f) <= fr(f);
    case ">": return (f) => fl(f) > fr(f);
    case ">=": return (f) => fl(f) >= fr(f);
    case "==": return (f) => fl(f) === fr(f);
    default: return (f) => fl(f) !== fr(f);
  }
}

/** How a numeric slot (fact, score or context value) is held in the fast frame. */
export type FastSlot = { readonly kind: "int"; readonly num: FastNum } | { readonly kind: "frac"; readonly n: FastNum; readonly d: FastNum };

/** The fast form of each numeric symbol, by slot. */
export type FastSlots = ReadonlyMap<number, FastSlot>;

function go(node: Node, scope: Scope, slots: FastSlots): Fast {
  switch (node.kind) {
    case "num":
      return constOf(Q.of(node.text));
    case "str": {
      const v = node.value;
      return { t: "other", fn: () => v };
    }
    case "bool": {
      const v = node.value;
      return { t: "other", fn: () => v };
    }
    case "list": {
      const v = Object.freeze(node.items.map((i) => (i.kind === "str" ? i.value : "")));
      return { t: "other", fn: () => v };
    }
    case "name": {
      const sym = scope.lookup(node.name)!;
      if (sym.kind === "param") {
        const v = sym.value;
        if (v instanceof Q) return constOf(v);
        if (typeof v === "object") return fail(); // tables are only read through [ ]
        return { t: "other", fn: () => v };
      }
      const slot = sym.slot;
      if (sym.type.k !== "number") return { t: "other", fn: (f) => f[slot] };
      const fs = slots.get(slot) ?? fail();
      if (fs.kind === "int") return { t: "int", fn: (f) => f[slot] as number, scale: fs.num.scale, lo: fs.num.lo, hi: fs.num.hi, slot };
      const dslot = slot + 1;
      return {
        t: "frac",
        n: { t: "int", fn: (f) => f[slot] as number, scale: 0, lo: fs.n.lo, hi: fs.n.hi, slot },
        d: { t: "int", fn: (f) => f[dslot] as number, scale: 0, lo: fs.d.lo, hi: fs.d.hi, slot: dslot },
      };
    }
    case "index": {
      const target = scope.lookup((node.target as { name: string }).name);
      if (node.target.kind !== "name" || !target || target.kind !== "param") return fail();
      const table = target.value as Record<string, Q>;
      const entries = Object.entries(table).map(([k, q]) => [k, scaledOf(q) ?? fail()] as const);
      const scale = Math.max(0, ...entries.map(([, s]) => s.scale));
      const ints = new Map(entries.map(([k, s]) => [k, s.int * (POW10[scale - s.scale] ?? fail())]));
      const vals = [...ints.values()];
      safe(...vals);
      const key = go(node.key, scope, slots);
      if (key.t !== "other") return fail();
      const kf = key.fn;
      const lookup = Object.fromEntries(ints) as Record<string, number>;
      return { t: "int", fn: (f) => lookup[kf(f) as string]!, scale, lo: Math.min(...vals), hi: Math.max(...vals) };
    }
    case "unary": {
      const a = go(node.arg, scope, slots);
      if (node.op === "not") {
        const fa = (a as Other).fn;
        return { t: "other", fn: (f) => !fa(f) };
      }
      if (a.t === "other") return fail();
      return a.t === "int" ? negInt(a) : frac(negInt(a.n), a.d);
    }
    case "call": {
      const args = node.args.map((a) => go(a, scope, slots));
      switch (node.fn) {
        case "sum":
        case "mean": {
          const nums = args.map((a) => (a.t === "other" ? fail() : a));
          const total = nums.slice(1).reduce((acc, x) => add(acc, x, 1), nums[0]!);
          return node.fn === "sum" ? total : div(total, constInt(nums.length, 0));
        }
        case "min":
        case "max": {
          const ints = args.map((a) => (a.t === "int" ? a : fail()));
          const s = Math.max(...ints.map((i) => i.scale));
          const al = ints.map((i) => rescale(i, s - i.scale));
          const fns = al.map((i) => i.fn);
          const pick = node.fn === "min" ? Math.min : Math.max;
          return {
            t: "int",
            fn: (f) => pick(...fns.map((g) => g(f))),
            scale: s,
            lo: pick(...al.map((i) => i.lo)),
            hi: pick(...al.map((i) => i.hi)),
          };
        }
        case "count": {
          const a = (args[0] as Other).fn;
          return { t: "int", fn: (f) => (a(f) as readonly string[]).length, scale: 0, lo: 0, hi: 1e6 };
        }
        case "if": {
          const [c, x, y] = args as [Fast, Fast, Fast];
          const fc = (c as Other).fn;
          if (x.t === "other" && y.t === "other") {
            const fx = x.fn, fy = y.fn;
            return { t: "other", fn: (f) => (fc(f) ? fx(f) : fy(f)) };
          }
          if (x.t !== "int" || y.t !== "int") return fail();
          const [a, b] = align(x, y);
          const fa = a.fn, fb = b.fn;
          return { t: "int", fn: (f) => (fc(f) ? fa(f) : fb(f)), scale: a.scale, lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
        }
      }
      return fail();
    }
    case "binary": {
      const { op } = node;
      const l = go(node.left, scope, slots);
      const r = go(node.right, scope, slots);
      if (op === "and" || op === "or") {
        const fl = (l as Other).fn, fr = (r as Other).fn;
        return { t: "other", fn: op === "and" ? (f) => (fl(f) as boolean) && (fr(f) as boolean) : (f) => (fl(f) as boolean) || (fr(f) as boolean) };
      }
      if (op === "in") {
        const fl = (l as Other).fn, fr = (r as Other).fn;
        return { t: "other", fn: (f) => (fr(f) as readonly string[]).includes(fl(f) as string) };
      }
      if (l.t === "other" || r.t === "other") {
        if (op !== "==" && op !== "!=") return fail();
        const fl = (l as Other).fn, fr = (r as Other).fn;
        return { t: "other", fn: op === "==" ? (f) => fl(f) === fr(f) : (f) => fl(f) !== fr(f) };
      }
      switch (op) {
        case "+": return add(l, r, 1);
        case "-": return add(l, r, -1);
        case "*": return mul(l, r);
        case "/": return div(l, r);
        default: return { t: "other", fn: compare(op, l, r) };
      }
    }
  }
}

/** A fast numeric result: a scaled integer, or a fraction whose numerator and denominator go to two slots. */
export type FastNumResult =
  | { readonly kind: "int"; readonly fn: (f: readonly unknown[]) => number; readonly num: FastNum }
  | { readonly kind: "frac"; readonly n: (f: readonly unknown[]) => number; readonly d: (f: readonly unknown[]) => number; readonly nb: FastNum; readonly db: FastNum };

/** Compiles a boolean (or string/list) expression for the fast path; undefined when not provably exact. */
export function compileFast(node: Node, scope: Scope, slots: FastSlots): FastFn | undefined {
  try {
    const r = go(node, scope, slots);
    return r.t === "other" ? r.fn : undefined;
  } catch (e) {
    if (e instanceof NotFast) return undefined;
    throw e;
  }
}

/** Compiles a numeric expression for the fast path; undefined when not provably exact. */
export function compileFastNum(node: Node, scope: Scope, slots: FastSlots): FastNumResult | undefined {
  try {
    const r = go(node, scope, slots);
    if (r.t === "int") return { kind: "int", fn: r.fn, num: { scale: r.scale, lo: r.lo, hi: r.hi } };
    if (r.t === "frac") return { kind: "frac", n: r.n.fn, d: r.d.fn, nb: { scale: 0, lo: r.n.lo, hi: r.n.hi }, db: { scale: 0, lo: r.d.lo, hi: r.d.hi } };
    return undefined;
  } catch (e) {
    if (e instanceof NotFast) return undefined;
    throw e;
  }
}

/** floor(a / b) for safe integers, b > 0, exactly (float division corrected by one step). */
export function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  if (q * b > a) q--;
  else if ((q + 1) * b <= a) q++;
  return q;
}

/** Rounds n / d (d > 0) half-up (away from zero on a tie) to `places` decimals, as a scaled integer. */
export function roundFrac(n: number, d: number, places: number): number {
  const m = POW10[places]!;
  const a = Math.abs(n) * m;
  const r = floorDiv(2 * a + d, 2 * d);
  return n < 0 ? -r : r;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * Formats the exact fraction n / d (safe integers, d > 0) like {@link Q.toString}: the exact
 * decimal when it terminates, otherwise rounded half-up to 2 places. Integer arithmetic only.
 */
export function formatFrac(n: number, d: number): string {
  const g = gcd(Math.abs(n), d) || 1;
  const rn = n / g;
  let rd = d / g;
  let twos = 0, fives = 0;
  while (rd % 2 === 0) (rd /= 2), twos++;
  while (rd % 5 === 0) (rd /= 5), fives++;
  if (rd === 1) {
    const places = Math.max(twos, fives);
    const m = POW10[places];
    if (m !== undefined && Number.isSafeInteger(rn * m)) return formatScaled((rn * m) / (d / g), places);
  } else if (Number.isSafeInteger(2 * Math.abs(n) * 100 + d)) {
    return formatScaled(roundFrac(n, d, 2), 2);
  }
  return Q.of(n).div(Q.of(d)).toString();
}

/** Formats a scaled integer as a plain decimal string without trailing zeros. */
export function formatScaled(int: number, scale: number): string {
  if (int === 0) return "0";
  if (scale === 0) return String(int);
  const abs = Math.abs(int);
  const pow = POW10[scale]!;
  let frac = abs % pow;
  const whole = (abs - frac) / pow;
  const sign = int < 0 ? "-" : "";
  if (frac === 0) return sign + whole;
  let places = scale;
  while (frac % 10 === 0) {
    frac /= 10;
    places--;
  }
  let digits = String(frac);
  while (digits.length < places) digits = "0" + digits;
  return `${sign}${whole}.${digits}`;
}

export { POW10 };
