import { ExprSyntaxError, type BinaryOp, type Node } from "./ast.js";

type Tok =
  | { t: "num"; v: string; s: number; e: number }
  | { t: "str"; v: string; s: number; e: number }
  | { t: "id"; v: string; s: number; e: number }
  | { t: "op"; v: string; s: number; e: number }
  | { t: "end"; v: ""; s: number; e: number };

const OPS = ["<=", ">=", "==", "!=", "&&", "||", "<", ">", "+", "-", "*", "/", "(", ")", "[", "]", ",", "!"];
// A Map, not an object literal: a name such as "constructor" or "toString" is a name, not an operator.
const WORD_OPS: ReadonlyMap<string, string> = new Map([["and", "and"], ["or", "or"], ["not", "not"], ["in", "in"]]);

/** Limits that keep every pass over an expression (check, compile, evaluate) far from the stack's end. */
export const MAX_EXPRESSION_LENGTH = 4000;
/** How deep parentheses, calls, lists, indexes and prefix operators may nest. */
export const MAX_NESTING = 64;
/** The height of the syntax tree (a chain of 200 `+` is 200 high). */
export const MAX_HEIGHT = 256;

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    if ((c >= "0" && c <= "9") || (c === "." && /[0-9]/.test(src[i + 1] ?? ""))) {
      const m = /^(?:\d+(?:\.\d+)?|\.\d+)/.exec(src.slice(i))!;
      out.push({ t: "num", v: m[0], s: i, e: i + m[0].length });
      i += m[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      const close = src.indexOf(c, i + 1);
      if (close < 0) throw new ExprSyntaxError("unterminated string", i);
      out.push({ t: "str", v: src.slice(i + 1, close), s: i, e: close + 1 });
      i = close + 1;
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(src.slice(i))!;
      const word = m[0];
      const op = WORD_OPS.get(word);
      out.push(op ? { t: "op", v: op, s: i, e: i + word.length } : { t: "id", v: word, s: i, e: i + word.length });
      i += word.length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ExprSyntaxError(`unexpected character "${c}"${hintAt(src, i)}`, i);
    out.push({ t: "op", v: op === "&&" ? "and" : op === "||" ? "or" : op === "!" ? "not" : op, s: i, e: i + op.length });
    i += op.length;
  }
  out.push({ t: "end", v: "", s: src.length, e: src.length });
  return out;
}

/** What a writer probably meant by a character the language does not have. */
function hintAt(src: string, i: number): string {
  const c = src[i]!, next = src[i + 1];
  if (c === "=" && next === ">") return ': did you mean ">="?';
  if (c === "=" && next === "<") return ': did you mean "<="?';
  if (c === "=") return ': compare with "==" (there is no assignment)';
  if (c === "%") return ": write a percentage as a decimal (80% is 0.8)";
  if (c === "≥" || c === "≧") return ': write ">="';
  if (c === "≤" || c === "≦") return ': write "<="';
  if (c === "≠") return ': write "!="';
  if (c === "（" || c === "）" || c === "，") return ": a full-width character; use ASCII ( ) ,";
  if (c === "&" || c === "|") return `: write "${c}${c}" or "${c === "&" ? "and" : "or"}"`;
  return "";
}

/**
 * Parses one expression of the ruleset language, e.g. `surveySatisfied / surveyValid > 0.6`,
 * `"ideals" in vetoes`, `sum(grid, regional) >= 80`. Throws {@link ExprSyntaxError} with the
 * character offset of the problem.
 */
export function parse(src: string): Node {
  if (src.length > MAX_EXPRESSION_LENGTH) throw new ExprSyntaxError(`the expression is ${src.length} characters long; at most ${MAX_EXPRESSION_LENGTH} are allowed (split it into scores)`, MAX_EXPRESSION_LENGTH);
  const toks = lex(src);
  let p = 0;
  let depth = 0;
  /** Enters one level of nesting; the caller leaves it with `depth--`. */
  const nest = () => {
    if (++depth > MAX_NESTING) throw new ExprSyntaxError(`nested more than ${MAX_NESTING} levels deep`, peek().s);
  };
  const peek = () => toks[p]!;
  const isOp = (v: string) => peek().t === "op" && peek().v === v;
  const expectOp = (v: string) => {
    const t = peek();
    if (t.t !== "op" || t.v !== v) {
      throw new ExprSyntaxError(t.t === "end" ? `expected "${v}" but the expression ended` : `expected "${v}" but found "${src.slice(t.s, t.e)}"`, t.s);
    }
    p++;
    return t;
  };
  const bin = (op: BinaryOp, left: Node, right: Node): Node => ({ kind: "binary", op, left, right, start: left.start, end: right.end });

  function orExpr(): Node {
    nest();
    let left = andExpr();
    while (isOp("or")) {
      p++;
      left = bin("or", left, andExpr());
    }
    depth--;
    return left;
  }
  function andExpr(): Node {
    let left = notExpr();
    while (isOp("and")) {
      p++;
      left = bin("and", left, notExpr());
    }
    return left;
  }
  function notExpr(): Node {
    if (isOp("not")) {
      const t = toks[p++]!;
      nest();
      const arg = notExpr();
      depth--;
      return { kind: "unary", op: "not", arg, start: t.s, end: arg.end };
    }
    return cmpExpr();
  }
  function cmpExpr(): Node {
    const left = addExpr();
    const t = peek();
    if (t.t === "op" && ["<", "<=", ">", ">=", "==", "!=", "in"].includes(t.v)) {
      p++;
      const right = addExpr();
      const n = bin(t.v as BinaryOp, left, right);
      const u = peek();
      if (u.t === "op" && ["<", "<=", ">", ">=", "==", "!="].includes(u.v)) {
        throw new ExprSyntaxError(`comparisons cannot be chained; use "and"`, u.s);
      }
      return n;
    }
    return left;
  }
  function addExpr(): Node {
    let left = mulExpr();
    while (isOp("+") || isOp("-")) {
      const op = toks[p++]!.v as BinaryOp;
      left = bin(op, left, mulExpr());
    }
    return left;
  }
  function mulExpr(): Node {
    let left = unary();
    while (isOp("*") || isOp("/")) {
      const op = toks[p++]!.v as BinaryOp;
      left = bin(op, left, unary());
    }
    return left;
  }
  function unary(): Node {
    if (isOp("-")) {
      const t = toks[p++]!;
      nest();
      const arg = unary();
      depth--;
      // A negative literal folds; a double negation of one (--1, -(-1)) folds back.
      if (arg.kind === "num") return { kind: "num", text: arg.text.startsWith("-") ? arg.text.slice(1) : "-" + arg.text, start: t.s, end: arg.end };
      return { kind: "unary", op: "-", arg, start: t.s, end: arg.end };
    }
    return postfix();
  }
  function postfix(): Node {
    let node = primary();
    while (isOp("[")) {
      p++;
      const key = orExpr();
      const close = expectOp("]");
      node = { kind: "index", target: node, key, start: node.start, end: close.e };
    }
    return node;
  }
  function primary(): Node {
    const t = peek();
    if (t.t === "num") {
      p++;
      return { kind: "num", text: t.v, start: t.s, end: t.e };
    }
    if (t.t === "str") {
      p++;
      return { kind: "str", value: t.v, start: t.s, end: t.e };
    }
    if (t.t === "id") {
      p++;
      if (t.v === "true" || t.v === "false") return { kind: "bool", value: t.v === "true", start: t.s, end: t.e };
      if (isOp("(")) {
        p++;
        const args: Node[] = [];
        if (!isOp(")")) {
          args.push(orExpr());
          while (isOp(",")) {
            p++;
            args.push(orExpr());
          }
        }
        const close = expectOp(")");
        return { kind: "call", fn: t.v, args, start: t.s, end: close.e };
      }
      return { kind: "name", name: t.v, start: t.s, end: t.e };
    }
    if (t.t === "op" && t.v === "(") {
      p++;
      const inner = orExpr();
      expectOp(")");
      return inner;
    }
    if (t.t === "op" && t.v === "[") {
      p++;
      const items: Node[] = [];
      if (!isOp("]")) {
        items.push(orExpr());
        while (isOp(",")) {
          p++;
          items.push(orExpr());
        }
      }
      const close = expectOp("]");
      return { kind: "list", items, start: t.s, end: close.e };
    }
    if (t.t === "end") throw new ExprSyntaxError("the expression ended where a value was expected", t.s);
    throw new ExprSyntaxError(`unexpected "${src.slice(t.s, t.e)}" where a value was expected`, t.s);
  }

  const node = orExpr();
  const rest = peek();
  if (rest.t !== "end") throw new ExprSyntaxError(`unexpected "${src.slice(rest.s, rest.e)}" after the end of the expression`, rest.s);
  const tall = tooTall(node);
  if (tall) throw new ExprSyntaxError(`the expression is more than ${MAX_HEIGHT} operations deep (a long chain of + or and): use sum(…) or split it into scores`, tall.start);
  return node;
}

/** The first node found deeper than MAX_HEIGHT, by an iterative walk (no recursion to overflow). */
function tooTall(root: Node): Node | undefined {
  const stack: [Node, number][] = [[root, 1]];
  while (stack.length) {
    const [n, h] = stack.pop()!;
    if (h > MAX_HEIGHT) return n;
    switch (n.kind) {
      case "binary":
        stack.push([n.left, h + 1], [n.right, h + 1]);
        break;
      case "unary":
        stack.push([n.arg, h + 1]);
        break;
      case "index":
        stack.push([n.target, h + 1], [n.key, h + 1]);
        break;
      case "call":
        for (const a of n.args) stack.push([a, h + 1]);
        break;
      case "list":
        for (const a of n.items) stack.push([a, h + 1]);
        break;
    }
  }
  return undefined;
}

/** A one-line pointer under the expression: `a > > 6` / `    ^`; a long expression is cut to about 80 characters around the point. */
export function caret(src: string, at: number): string {
  const pos = Math.max(0, Math.min(at, src.length));
  if (src.length <= 80) return `${src}\n${" ".repeat(pos)}^`;
  const from = Math.max(0, pos - 40), to = Math.min(src.length, pos + 40);
  const head = from > 0 ? "…" : "", tail = to < src.length ? "…" : "";
  return `${head}${src.slice(from, to)}${tail}\n${" ".repeat(head.length + pos - from)}^`;
}
