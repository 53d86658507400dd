import { Q } from "../_lib/decimal.js";
import type { Node } from "./ast.js";
import type { Scope, Value } from "./types.js";

/** A compiled expression of the exact evaluator: reads a frame of slot values, returns a value. */
export type ExactFn = (frame: readonly unknown[]) => Value;

/**
 * Compiles a type-checked expression to a closure over exact rationals ({@link Q}). No `eval`,
 * no `new Function`: the tree becomes nested closures, built once at compile time.
 */
export function compileExact(node: Node, scope: Scope): ExactFn {
  switch (node.kind) {
    case "num": {
      const v = Q.of(node.text);
      return () => v;
    }
    case "str": {
      const v = node.value;
      return () => v;
    }
    case "bool": {
      const v = node.value;
      return () => v;
    }
    case "list": {
      const v = Object.freeze(node.items.map((i) => (i.kind === "str" ? i.value : "")));
      return () => v;
    }
    case "name": {
      const sym = scope.lookup(node.name)!;
      if (sym.kind === "param") {
        const v = sym.value!;
        return () => v;
      }
      const slot = sym.slot;
      return (f) => f[slot] as Value;
    }
    case "index": {
      const t = compileExact(node.target, scope);
      const k = compileExact(node.key, scope);
      return (f) => (t(f) as Record<string, Q>)[k(f) as string]!;
    }
    case "unary": {
      const a = compileExact(node.arg, scope);
      return node.op === "not" ? (f) => !a(f) : (f) => (a(f) as Q).neg();
    }
    case "call": {
      const args = node.args.map((a) => compileExact(a, scope));
      switch (node.fn) {
        case "sum":
          return (f) => args.reduce((acc, a) => acc.add(a(f) as Q), Q.ZERO);
        case "mean": {
          const n = Q.of(args.length);
          return (f) => args.reduce((acc, a) => acc.add(a(f) as Q), Q.ZERO).div(n);
        }
        case "min":
          return (f) => args.map((a) => a(f) as Q).reduce((m, v) => (v.cmp(m) < 0 ? v : m));
        case "max":
          return (f) => args.map((a) => a(f) as Q).reduce((m, v) => (v.cmp(m) > 0 ? v : m));
        case "count": {
          const a = args[0]!;
          return (f) => Q.of((a(f) as readonly string[]).length);
        }
        case "if": {
          const [c, x, y] = args as [ExactFn, ExactFn, ExactFn];
          return (f) => (c(f) ? x(f) : y(f));
        }
      }
      throw new Error(`unchecked function ${node.fn}`);
    }
    case "binary": {
      const l = compileExact(node.left, scope);
      const r = compileExact(node.right, scope);
      switch (node.op) {
        case "and":
          return (f) => (l(f) as boolean) && (r(f) as boolean);
        case "or":
          return (f) => (l(f) as boolean) || (r(f) as boolean);
        case "+":
          return (f) => (l(f) as Q).add(r(f) as Q);
        case "-":
          return (f) => (l(f) as Q).sub(r(f) as Q);
        case "*":
          return (f) => (l(f) as Q).mul(r(f) as Q);
        case "/":
          return (f) => (l(f) as Q).div(r(f) as Q);
        case "in":
          return (f) => (r(f) as readonly string[]).includes(l(f) as string);
        case "==":
        case "!=": {
          const want = node.op === "==";
          return (f) => {
            const a = l(f);
            const b = r(f);
            const eq = a instanceof Q ? a.cmp(b as Q) === 0 : a === b;
            return eq === want;
          };
        }
        case "<":
          return (f) => (l(f) as Q).cmp(r(f) as Q) < 0;
        case "<=":
          return (f) => (l(f) as Q).cmp(r(f) as Q) <= 0;
        case ">":
          return (f) => (l(f) as Q).cmp(r(f) as Q) > 0;
        case ">=":
          return (f) => (l(f) as Q).cmp(r(f) as Q) >= 0;
      }
    }
  }
}

/** Renders an expression back to text, with parameters shown by their values (for reasons). */
export function render(node: Node, scope: Scope, label: (name: string) => string = (n) => n): string {
  const go = (n: Node, parentPrec: number): string => {
    switch (n.kind) {
      case "num":
        return n.text;
      case "str":
        return JSON.stringify(n.value);
      case "bool":
        return String(n.value);
      case "list":
        return `[${n.items.map((i) => go(i, 0)).join(", ")}]`;
      case "name": {
        const sym = scope.lookup(n.name);
        if (sym?.kind === "param" && sym.value instanceof Q) return sym.value.toString();
        return label(n.name);
      }
      case "index":
        return `${go(n.target, 9)}[${go(n.key, 0)}]`;
      case "call":
        return `${n.fn}(${n.args.map((a) => go(a, 0)).join(", ")})`;
      case "unary":
        return n.op === "not" ? `not ${go(n.arg, 8)}` : `-${go(n.arg, 8)}`;
      case "binary": {
        const prec = PREC[n.op] ?? 0;
        // Comparisons do not chain (`a > 1 == b` is a syntax error): a comparison on either side of one keeps its parentheses.
        const s = `${go(n.left, prec === COMPARE ? prec + 1 : prec)} ${n.op} ${go(n.right, prec + 1)}`;
        return prec < parentPrec ? `(${s})` : s;
      }
    }
  };
  return go(node, 0);
}

/** The precedence of comparisons (and `in`), which do not chain. */
const COMPARE = 4;
const PREC: Record<string, number> = { or: 1, and: 2, "<": COMPARE, "<=": COMPARE, ">": COMPARE, ">=": COMPARE, "==": COMPARE, "!=": COMPARE, in: COMPARE, "+": 5, "-": 5, "*": 6, "/": 6 };
