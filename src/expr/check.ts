import { quote } from "../_lib/text.js";
import { didYouMean } from "../_lib/didYouMean.js";
import type { Node } from "./ast.js";
import { BOOLEAN, ERROR, NUMBER, typeName, type Scope, type Type } from "./types.js";

/** A type error inside an expression, with the character offset it concerns. */
export interface CheckIssue {
  readonly code: "unknown_name" | "type_mismatch" | "unknown_function" | "arity" | "unknown_value";
  readonly message: string;
  readonly at: number;
}

const NUMERIC_FNS = new Set(["sum", "mean", "min", "max"]);
const FUNCTIONS = ["sum", "mean", "min", "max", "count", "if"];

/**
 * Type-checks an expression against the names in `scope`, collecting every problem into
 * `issues`. Returns the expression's type (`error` when it could not be determined).
 */
export function check(node: Node, scope: Scope, issues: CheckIssue[]): Type {
  const bad = (code: CheckIssue["code"], message: string, at: number): Type => {
    issues.push({ code, message, at });
    return ERROR;
  };
  const expect = (n: Node, want: "number" | "boolean", what: string): boolean => {
    const t = check(n, scope, issues);
    if (t.k === "error" || t.k === want) return t.k === want;
    bad("type_mismatch", `${what} must be a ${want}, but ${describe(n)} is a ${typeName(t)}`, n.start);
    return false;
  };

  switch (node.kind) {
    case "num":
      return NUMBER;
    case "bool":
      return BOOLEAN;
    case "str":
      return { k: "string", values: [node.value] };
    case "list": {
      const values: string[] = [];
      for (const item of node.items) {
        if (item.kind !== "str") {
          bad("type_mismatch", "a list literal may hold only strings", item.start);
          continue;
        }
        values.push(item.value);
      }
      return { k: "list", values };
    }
    case "name": {
      const sym = scope.lookup(node.name);
      if (!sym) {
        const why = scope.hidden?.(node.name);
        if (why) return bad("unknown_name", `"${node.name}" ${why}`, node.start);
        return bad("unknown_name", `unknown name ${quote(node.name)} (not a fact, parameter or score)${didYouMean(node.name, scope.names())}`, node.start);
      }
      return sym.type;
    }
    case "unary":
      if (node.op === "not") {
        expect(node.arg, "boolean", `the operand of "not"`);
        return BOOLEAN;
      }
      expect(node.arg, "number", `the operand of "-"`);
      return NUMBER;
    case "index": {
      const target = check(node.target, scope, issues);
      const key = check(node.key, scope, issues);
      if (target.k === "error" || key.k === "error") return ERROR;
      if (target.k !== "map") return bad("type_mismatch", `only a table parameter can be indexed with [...], but ${describe(node.target)} is a ${typeName(target)}`, node.start);
      if (key.k !== "string") return bad("type_mismatch", `a table key must be a string, but ${describe(node.key)} is a ${typeName(key)}`, node.key.start);
      if (!key.values) return bad("type_mismatch", `a table key must have a declared set of values`, node.key.start);
      const missing = key.values.filter((v) => !target.keys.includes(v));
      if (missing.length) return bad("unknown_value", `table ${describe(node.target)} has no entry for ${missing.map((m) => JSON.stringify(m)).join(", ")}`, node.key.start);
      return NUMBER;
    }
    case "call": {
      if (NUMERIC_FNS.has(node.fn)) {
        if (node.args.length === 0) return bad("arity", `${node.fn}() needs at least one argument`, node.start);
        node.args.forEach((a, i) => expect(a, "number", `argument ${i + 1} of ${node.fn}()`));
        return NUMBER;
      }
      if (node.fn === "count") {
        if (node.args.length !== 1) return bad("arity", `count() takes exactly one list`, node.start);
        const t = check(node.args[0]!, scope, issues);
        if (t.k !== "list" && t.k !== "error") bad("type_mismatch", `count() takes a list, but ${describe(node.args[0]!)} is a ${typeName(t)}`, node.args[0]!.start);
        return NUMBER;
      }
      if (node.fn === "if") {
        if (node.args.length !== 3) return bad("arity", `if() takes a condition and two values`, node.start);
        expect(node.args[0]!, "boolean", "the condition of if()");
        const a = check(node.args[1]!, scope, issues);
        const b = check(node.args[2]!, scope, issues);
        if (a.k === "error" || b.k === "error") return ERROR;
        if (a.k !== b.k) return bad("type_mismatch", `both branches of if() must have the same type (${typeName(a)} vs ${typeName(b)})`, node.args[2]!.start);
        if (a.k === "string" && b.k === "string") return a.values && b.values ? { k: "string", values: [...new Set([...a.values, ...b.values])] } : { k: "string" };
        return a;
      }
      return bad("unknown_function", `unknown function "${node.fn}"${didYouMean(node.fn, FUNCTIONS)}`, node.start);
    }
    case "binary": {
      const { op } = node;
      if (op === "and" || op === "or") {
        expect(node.left, "boolean", `the left side of "${op}"`);
        expect(node.right, "boolean", `the right side of "${op}"`);
        return BOOLEAN;
      }
      if (op === "+" || op === "-" || op === "*" || op === "/") {
        expect(node.left, "number", `the left side of "${op}"`);
        expect(node.right, "number", `the right side of "${op}"`);
        return NUMBER;
      }
      if (op === "in") {
        const l = check(node.left, scope, issues);
        const r = check(node.right, scope, issues);
        if (l.k === "error" || r.k === "error") return BOOLEAN;
        if (l.k !== "string") return bad("type_mismatch", `the left side of "in" must be a string, but ${describe(node.left)} is a ${typeName(l)}`, node.left.start);
        if (r.k !== "list") return bad("type_mismatch", `the right side of "in" must be a list, but ${describe(node.right)} is a ${typeName(r)}`, node.right.start);
        if (node.left.kind === "str" && r.values && node.right.kind !== "list" && !r.values.includes(node.left.value)) {
          bad("unknown_value", `"${node.left.value}" can never be in ${describe(node.right)}${didYouMean(node.left.value, r.values)}`, node.left.start);
        }
        return BOOLEAN;
      }
      // comparisons
      const l = check(node.left, scope, issues);
      const r = check(node.right, scope, issues);
      if (l.k === "error" || r.k === "error") return BOOLEAN;
      if (op === "==" || op === "!=") {
        if (l.k !== r.k || l.k === "list" || l.k === "map") {
          return bad("type_mismatch", `cannot compare ${describe(node.left)} (${typeName(l)}) with ${describe(node.right)} (${typeName(r)})`, node.start);
        }
        if (l.k === "string" && r.k === "string") {
          const lit = node.left.kind === "str" ? node.left : node.right.kind === "str" ? node.right : undefined;
          const other = lit === node.left ? r : l;
          if (lit && lit.kind === "str" && other.k === "string" && other.values && !other.values.includes(lit.value)) {
            bad("unknown_value", `"${lit.value}" is not a possible value here${didYouMean(lit.value, other.values)}; expected ${typeName(other)}`, lit.start);
          }
        }
        return BOOLEAN;
      }
      if (l.k !== "number") bad("type_mismatch", `the left side of "${op}" must be a number, but ${describe(node.left)} is a ${typeName(l)}`, node.left.start);
      if (r.k !== "number") bad("type_mismatch", `the right side of "${op}" must be a number, but ${describe(node.right)} is a ${typeName(r)}`, node.right.start);
      return BOOLEAN;
    }
  }
}

function describe(n: Node): string {
  switch (n.kind) {
    case "name":
      return `"${n.name}"`;
    case "num":
      return n.text;
    case "str":
      return JSON.stringify(n.value);
    case "call":
      return `${n.fn}(…)`;
    default:
      return "this expression";
  }
}
