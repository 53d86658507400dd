/** A position range inside an expression's source text (0-based, end exclusive). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The expression syntax tree. Every node keeps its span so errors can point at the character. */
export type Node =
  | ({ readonly kind: "num"; readonly text: string } & Span)
  | ({ readonly kind: "str"; readonly value: string } & Span)
  | ({ readonly kind: "bool"; readonly value: boolean } & Span)
  | ({ readonly kind: "list"; readonly items: readonly Node[] } & Span)
  | ({ readonly kind: "name"; readonly name: string } & Span)
  | ({ readonly kind: "call"; readonly fn: string; readonly args: readonly Node[] } & Span)
  | ({ readonly kind: "index"; readonly target: Node; readonly key: Node } & Span)
  | ({ readonly kind: "unary"; readonly op: "-" | "not"; readonly arg: Node } & Span)
  | ({ readonly kind: "binary"; readonly op: BinaryOp; readonly left: Node; readonly right: Node } & Span);

export type ArithOp = "+" | "-" | "*" | "/";
export type CompareOp = "<" | "<=" | ">" | ">=" | "==" | "!=";
export type BinaryOp = ArithOp | CompareOp | "and" | "or" | "in";

/** A syntax error with the character offset where it was found. */
export class ExprSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}
