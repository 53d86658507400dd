/**
 * Fuzz families: whatever a user sends — a mutated ruleset, an expression, hostile subject
 * values, odd table cells, prototype names anywhere — gets an answer: a ruleset compiles or
 * throws one RulesetError; a compiled scheme evaluates and never throws on subject data; a table
 * returns one row per input row. `npm test` runs 2,000 cases per family (split over the seven
 * rulesets where a family runs per ruleset); `npm run fuzz` runs 100,000 per family (FUZZ_RUNS).
 * Seeded (FC_SEED); fast-check prints the seed and the counterexample on failure.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile, RulesetError } from "../src/index.js";
import { rulesets } from "./untyped.js";
import { factsOf, seeded } from "./arbitraries.js";

/** Cases per family (split over the rulesets where a family runs per ruleset). */
const FAMILY = Number(process.env.FUZZ_RUNS ?? 2000);
const IDS = Object.keys(rulesets) as (keyof typeof rulesets)[];
const PER_RULESET = Math.ceil(FAMILY / IDS.length);
const TIMEOUT = process.env.FUZZ_RUNS ? 0 : 60_000;

/** Names that are members of Object.prototype, and other names code tends to trip on. */
const PROTO = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "prototype", "then", "length", "0", ""];
/** Values no form sends. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 2 ** 53 + 1, 1e308, 5e-324, "", " ", "1e3", "0x10", "١٢", "８.５", "6." + "0".repeat(250) + "1", "9".repeat(400)),
  fc.string({ maxLength: 2000 }),
  fc.constant(" ".repeat(20_000) + "x"),
  fc.constant("1".repeat(20_000) + "x"),
  fc.bigInt(),
  fc.constant(Object.create(null)),
  fc.constant({ toString: 0, valueOf: 0 }),
  fc.constant([[[[[[[[[[[]]]]]]]]]]]),
  fc.date(),
  fc.func(fc.integer()),
);

/** Throws unless `f` returns, or throws a RulesetError; returns what it returned. */
function compilesOrRulesetError<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (e instanceof RulesetError) {
      // Every issue has its Chinese wording, and it is Chinese.
      for (const i of e.issues) if (!/[\u4e00-\u9fff]/.test(i.zh)) throw new Error(`issue without Chinese: ${JSON.stringify(i)}`);
      return undefined;
    }
    throw e;
  }
}

/** A random change at a random place of a JSON value: delete, replace, rename to a prototype name, or edit a string. */
function mutate(root: unknown, choices: readonly number[], replacement: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(root)) as unknown;
  // Walk down by the choices to a container and a key inside it.
  let parent: Record<string, unknown> | unknown[] | undefined;
  let key: string | number | undefined;
  let node = copy;
  for (const c of choices) {
    if (node === null || typeof node !== "object") break;
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) break;
    parent = node as Record<string, unknown>;
    key = keys[c % keys.length]!;
    node = (parent as Record<string | number, unknown>)[key];
  }
  if (parent === undefined || key === undefined) return copy;
  const op = choices[choices.length - 1]! % 4;
  const p = parent as Record<string | number, unknown>;
  if (op === 0) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete p[key];
  } else if (op === 1) p[key] = replacement;
  else if (op === 2 && !Array.isArray(parent)) {
    const v = p[key];
    delete p[key];
    Object.defineProperty(p, PROTO[choices[0]! % PROTO.length]!, { value: v, enumerable: true, configurable: true, writable: true });
  } else if (typeof node === "string") p[key] = node.slice(0, choices[0]! % (node.length + 1)) + (typeof replacement === "string" ? replacement : typeof replacement) + node.slice(choices[0]! % (node.length + 1));
  else p[key] = replacement;
  return copy;
}

describe("fuzz: mutated rulesets compile or throw one RulesetError; what compiles evaluates", () => {
  for (const id of IDS) {
    it(id, { timeout: TIMEOUT }, () => {
      const subject = factsOf(id).map((facts) => ({ id: "s", facts }));
      fc.assert(
        fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), hostile, subject, (choices, replacement, s) => {
          const mutated = mutate(rulesets[id], choices, replacement);
          const scheme = compilesOrRulesetError(() => compile(mutated));
          if (scheme) expect(typeof scheme.evaluate(s).ok).toBe("boolean");
        }),
        seeded(PER_RULESET),
      );
    });
  }
});

/** Expressions from the language's grammar, over the member ruleset's names, and random text. */
const names = ["orgLifeScore", "surveySatisfied", "surveyValid", "orgLifeThreshold", "satisfaction", "ideals", "vetoes", "rating", "constructor", "sum", "min", "max"];
const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(...names),
    fc.constantFrom("0", "6", "0.6", "-1", "--1", '"ideals"', "true", "[]", "1e3", "80%"),
    fc.tuple(tie("e"), fc.constantFrom("+", "-", "*", "/", ">", ">=", "<", "<=", "==", "!=", "and", "or", "in", "=", "=>", "≥"), tie("e")).map(([a, op, b]) => `${a} ${op} ${b}`),
    tie("e").map((a) => `(${a})`),
    tie("e").map((a) => `not ${a}`),
    tie("e").map((a) => `-${a}`),
    fc.tuple(fc.constantFrom("sum", "min", "max", "round", "summ"), fc.array(tie("e"), { maxLength: 3 })).map(([f, args]) => `${f}(${args.join(", ")})`),
  ),
})).e;

describe("fuzz: any expression compiles or throws one RulesetError; what compiles evaluates", () => {
  it("grammar-based and random expressions in a star condition", { timeout: TIMEOUT }, () => {
    const base = JSON.parse(JSON.stringify(rulesets["rushan/member"]));
    const subject = factsOf("rushan/member").map((facts) => ({ id: "s", facts }));
    fc.assert(
      fc.property(fc.oneof(expr, fc.string({ maxLength: 200 }), fc.constantFrom("(".repeat(500), "sum(".repeat(300) + "1", "1" + " + 1".repeat(1000))), subject, (text, s) => {
        base.stars[1].when[1] = text;
        const scheme = compilesOrRulesetError(() => compile(base));
        if (scheme) expect(typeof scheme.evaluate(s).ok).toBe("boolean");
      }),
      seeded(FAMILY),
    );
  });
});

describe("fuzz: hostile subjects are answered, never thrown", () => {
  for (const id of IDS) {
    it(id, { timeout: TIMEOUT }, () => {
      const scheme = compile(rulesets[id]);
      const keys = fc.oneof(fc.constantFrom(...scheme.facts.map((f) => f.id), ...PROTO), fc.string({ maxLength: 30 }));
      fc.assert(
        fc.property(
          factsOf(id),
          fc.dictionary(keys, hostile, { maxKeys: 4 }),
          fc.oneof(fc.string(), fc.constantFrom(...PROTO), hostile),
          fc.option(fc.oneof(hostile, fc.array(fc.record({ type: fc.oneof(fc.constant("downgrade"), hostile), date: fc.oneof(fc.constant("2024-06-30"), hostile), levels: fc.oneof(fc.constant(1), hostile), reason: hostile }), { maxLength: 2 })), { nil: undefined }),
          fc.option(fc.oneof(hostile, fc.array(fc.oneof(hostile, fc.record({ ok: fc.boolean(), id: fc.oneof(fc.constant("s"), hostile), ruleset: fc.oneof(fc.constant({ id }), hostile), stars: hostile, earned: hostile, rating: hostile, steps: hostile, remediation: hostile })), { maxLength: 3 })), { nil: undefined }),
          (good, bad, subjectId, events, history) => {
            // Prototype-named keys as own properties, as JSON.parse makes them.
            const facts = JSON.parse(JSON.stringify({ ...good }));
            for (const [k, v] of Object.entries(bad)) Object.defineProperty(facts, k, { value: v, enumerable: true, configurable: true, writable: true });
            const r = scheme.evaluate({ id: subjectId, facts, ...(events !== undefined ? { events } : {}) }, history !== undefined ? { history: history as never } : undefined);
            expect(typeof r.ok).toBe("boolean");
            if (r.ok) {
              void r.remediation.nextStar;
              void r.remediation.nextLevel;
              JSON.stringify(r);
            } else {
              expect(r.errors.length).toBeGreaterThan(0);
              for (const e of r.errors) expect(e.message.length).toBeLessThan(2000);
            }
          },
        ),
        seeded(PER_RULESET),
      );
    });
  }
});

describe("fuzz: any table gives one row per input row", () => {
  for (const id of IDS) {
    it(id, { timeout: TIMEOUT }, () => {
      const scheme = compile(rulesets[id]);
      const header = fc.array(fc.oneof(fc.constantFrom("id", "编号", ...scheme.facts.map((f) => f.id), ...scheme.facts.map((f) => f.label.zh), ...PROTO), hostile), { maxLength: scheme.facts.length + 3 });
      fc.assert(
        fc.property(header, fc.array(fc.oneof(fc.array(hostile, { maxLength: scheme.facts.length + 3 }), hostile), { maxLength: 6 }), (head, rows) => {
          const out = scheme.evaluateTable([head, ...rows] as never);
          expect(out).toHaveLength(rows.length + 1);
        }),
        seeded(Math.ceil(PER_RULESET / 4)),
      );
    });
  }
});

describe("fuzz: prototype names where a simulation names parameters or a ruleset", () => {
  it("with() and extends", { timeout: TIMEOUT }, () => {
    const scheme = compile(rulesets["qianjin/organization"]);
    fc.assert(
      fc.property(fc.constantFrom(...PROTO), hostile, fc.constantFrom(...IDS, ...PROTO), (name, value, ext) => {
        const params = JSON.parse("{}");
        Object.defineProperty(params, name, { value, enumerable: true, configurable: true, writable: true });
        expect(() => scheme.with(params)).toThrow(RulesetError);
        compilesOrRulesetError(() => compile({ extends: ext, parameters: params }));
      }),
      seeded(FAMILY),
    );
  });
});
