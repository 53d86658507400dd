import { describe, expect, it } from "vitest";
import { compact, compare, compile, coverage, runFixtures, type Result } from "../src/index.js";
import { rulesets } from "./untyped.js";
import { ALL_MEMBER_BOOLEANS, ok, rulesetIssues } from "./helpers.js";

/** Each case here is a defect found by trying the library as a hostile user would (issue 9). */
const member = compile(rulesets["rushan/member"]);
const memberData = () => JSON.parse(JSON.stringify(rulesets["rushan/member"]));
/** The member ruleset with 组织观念星's org-life clause replaced by `expr`. */
const withClause = (expr: string) => {
  const r = memberData();
  r.stars[1].when[1] = expr;
  return r;
};
const errors = (r: Result) => (r.ok ? [] : r.errors.map((e) => [e.path, e.message]));
const facts = { ...ALL_MEMBER_BOOLEANS, orgLifeScore: 7, surveySatisfied: 9, surveyValid: 10 };

describe("expressions nobody writes by hand: a RulesetError at the path, never a stack overflow", () => {
  it("952 nested parentheses", () => {
    const [i] = rulesetIssues(() => compile(withClause("(".repeat(952) + "orgLifeScore > 6" + ")".repeat(952))));
    expect([i!.code, i!.path, i!.message.split("\n")[0]]).toEqual(["syntax_error", ["stars", 1, "when", 1], "syntax error at character 65: nested more than 64 levels deep"]);
  });
  it("977 nested sum( and a 2,330-term chain are too long", () => {
    for (const expr of ["sum(".repeat(977) + "orgLifeScore" + ")".repeat(977) + " > 6", Array(2330).fill("orgLifeScore").join(" + ") + " > 6"]) {
      const [i] = rulesetIssues(() => compile(withClause(expr)));
      expect(i!.message).toMatch(/^syntax error at character 4001: the expression is \d+ characters long; at most 4000 are allowed/);
      // The message shows about 80 characters around the point, not the whole expression.
      expect(i!.message.length).toBeLessThan(400);
    }
  });
  it("a 300-term chain under the length limit is too deep; a 250-term one compiles and evaluates", () => {
    const chain = (n: number) => "orgLifeScore" + " + 0".repeat(n - 1) + " > 6";
    const [i] = rulesetIssues(() => compile(withClause(chain(300))));
    expect(i!.message).toContain("more than 256 operations deep");
    const s = compile(withClause(chain(250)));
    // 7 + 0 + … + 0 > 6: the star is earned, exactly as with the plain clause.
    expect(ok(s.evaluate({ id: "m", facts })).rating).toEqual(ok(member.evaluate({ id: "m", facts })).rating);
  });
  it("--6 and -(-6) are 6", () => {
    for (const expr of ["orgLifeScore > --6", "orgLifeScore > -(-6)"]) {
      const s = compile(withClause(expr));
      expect(ok(s.evaluate({ id: "m", facts: { ...facts, orgLifeScore: 6 } })).stars[1]!.earned).toBe(false);
      expect(ok(s.evaluate({ id: "m", facts: { ...facts, orgLifeScore: "6.01" } })).stars[1]!.earned).toBe(true);
    }
  });
  it("operators from other languages get a hint", () => {
    const hint = (expr: string) => rulesetIssues(() => compile(withClause(expr)))[0]!.message.split("\n")[0];
    expect(hint("orgLifeScore = 6")).toBe('syntax error at character 14: unexpected character "=": compare with "==" (there is no assignment)');
    expect(hint("orgLifeScore => 6")).toBe('syntax error at character 14: unexpected character "=": did you mean ">="?');
    expect(hint("surveySatisfied / surveyValid > 80%")).toBe('syntax error at character 35: unexpected character "%": write a percentage as a decimal (80% is 0.8)');
    expect(hint("orgLifeScore ≥ 6")).toBe('syntax error at character 14: unexpected character "≥": write ">="');
  });
  it("a name that is not declared is an unknown name, not an unknown fact", () => {
    expect(rulesetIssues(() => compile(withClause("orgLifeScore > orgLifeThreshhold")))[0]!.message).toBe(
      'unknown name "orgLifeThreshhold" (not a fact, parameter or score) (did you mean "orgLifeThreshold"?) (at character 16 of "orgLifeScore > orgLifeThreshhold")',
    );
  });
});

describe("names that are Object.prototype members", () => {
  it("a fact named constructor or toString can be used in conditions", () => {
    const r = memberData();
    for (const name of ["constructor", "toString"]) r.facts[name] = { type: "boolean", label: { zh: name, en: name }, source: { default: "test" } };
    r.stars[2].when = ["constructor and not toString"];
    const s = compile(r);
    expect(ok(s.evaluate({ id: "m", facts: { ...facts, constructor: true, toString: false } })).stars[2]!.earned).toBe(true);
    expect(ok(s.evaluate({ id: "m", facts: { ...facts, constructor: true, toString: true } })).stars[2]!.earned).toBe(false);
  });
  it("with({ __proto__: 5 }) is an unknown parameter, not silently nothing", () => {
    expect(rulesetIssues(() => member.with(JSON.parse('{"__proto__":5}'))).map((i) => [i.code, i.path])).toEqual([["unknown_parameter", ["parameters", "__proto__"]]]);
    expect(rulesetIssues(() => member.with({ toString: 5 })).map((i) => i.path)).toEqual([["parameters", "toString"]]);
  });
  it("extends toString is an unknown ruleset", () => {
    expect(rulesetIssues(() => compile({ extends: "toString" })).map((i) => [i.code, i.path])).toEqual([["unknown_ruleset", ["extends"]]]);
  });
});

describe("what is not JSON data", () => {
  it("a BigInt, a function or a cycle is an issue at its path", () => {
    const r = memberData();
    r.parameters.orgLifeThreshold.value = 6n;
    r.stars[0].label = { zh: "x", en: () => "x" };
    r.documents.rushan2018.self = r.documents;
    expect(rulesetIssues(() => compile(r)).map((i) => [i.path, i.message])).toEqual([
      [["documents", "rushan2018", "self"], "the ruleset refers back to itself here (a cycle); it must be plain JSON data"],
      [["parameters", "orgLifeThreshold", "value"], "a BigInt is not JSON data; write the number (or a decimal string)"],
      [["stars", 0, "label", "en"], "a function is not JSON data"],
    ]);
  });
  it("an object used in two places is data, not a cycle: rules built in code may share one source", () => {
    const r = memberData();
    const shared = { document: "rushan2018", quote: r.stars[0].source.quote };
    for (const star of r.stars.slice(0, 5)) star.source = shared;
    const scheme = compile(r);
    expect(ok(scheme.evaluate({ id: "m", facts })).rating).toEqual(ok(member.evaluate({ id: "m", facts })).rating);
    // Shared at every level, 40 levels of two references each (2^40 paths): one answer, quickly.
    const deep = memberData();
    let node: Record<string, unknown> = {};
    for (let i = 0; i < 40; i++) node = { a: node, b: node };
    deep.documents.rushan2018.extra = node;
    expect(rulesetIssues(() => compile(deep)).map((i) => i.message)).toContain("nested deeper than 32 levels; no part of a ruleset is");
    // Shared within its depth: checked once, then unknown keys reported by the schema as usual.
    const wide = memberData();
    let flat: Record<string, unknown> = {};
    for (let i = 0; i < 20; i++) flat = { a: flat, b: flat };
    wide.documents.rushan2018.extra = flat;
    expect(rulesetIssues(() => compile(wide)).map((i) => i.path)).toEqual([["documents", "rushan2018", "extra"]]);
  });
});

describe("misuse says what the user did", () => {
  it("a misspelt bundled id gives undefined: the message names the bundled ids", () => {
    const [i] = rulesetIssues(() => compile(rulesets["rushan/membre" as keyof typeof rulesets]));
    expect(i!.message).toBe("compile() got undefined: is the rulesets[…] id right? bundled: rushan/organization, rushan/member, qianjin/organization, yantian/organization, feicheng/branch, liuzhou/village, liuzhou/learning");
  });
  it("JSON text: parse it first, quoted in 40 characters", () => {
    const [i] = rulesetIssues(() => compile(JSON.stringify(rulesets["rushan/member"])));
    expect(i!.message).toMatch(/^compile\(\) got a string of JSON text \(\{.{39}… \(\d+ characters\)\): JSON.parse it first$/);
  });
  it("an id as a string: pass the data", () => {
    expect(rulesetIssues(() => compile("rushan/member"))[0]!.message).toBe('compile() got the string "rushan/member": pass the ruleset data, e.g. compile(rulesets["rushan/member"]) for a bundled one');
  });
});

describe("tiers and parameters", () => {
  it("an unresolved tier bound is one issue, not three spurious overlaps; overlaps read as ranges", () => {
    const r = memberData();
    r.tiers[0].min = "consolidateMinStar";
    expect(rulesetIssues(() => compile(r)).map((i) => i.code)).toEqual(["unknown_parameter"]);
    const o = memberData();
    o.tiers[1].max = 9; // improve: 5–9 now overlaps consolidate 8–10 on 8 and 9
    expect(rulesetIssues(() => compile(o)).map((i) => i.message)).toEqual(['tiers "consolidate" and "improve" both cover ratings 8–9']);
  });
  it("parameter ranges are declared and checked on override: the recognition rate may not pass the satisfaction rate", () => {
    expect(rulesetIssues(() => member.with({ recognitionRate: "0.9" })).map((i) => [i.path, i.message])).toEqual([
      [["parameters", "recognitionRate", "value"], 'parameter "recognitionRate" must be at most satisfactionRate (0.8), got 0.9'],
    ]);
    expect(member.with({ recognitionRate: "0.7" }).version).toBe("1.0.0+override");
  });
  it("an override that breaks a tier is reported at the parameter, saying where", () => {
    const [i] = rulesetIssues(() => member.with({ consolidateMinStars: 12 }));
    expect(i!.path).toEqual(["parameters", "consolidateMinStars"]);
    expect(i!.message).toMatch(/^overriding "consolidateMinStars" breaks the ruleset at tiers/);
  });
  it("…also when another overridden parameter has a name full of regular-expression characters", () => {
    const r = memberData();
    r.parameters["x(y$"] = { type: "decimal", value: 1, source: { default: "test" } };
    const [i] = rulesetIssues(() => compile(r).with({ "x(y$": 2, consolidateMinStars: 12 }));
    expect(i!.path).toEqual(["parameters", "consolidateMinStars"]);
  });
});

describe("subject values no form sends", () => {
  const base = { id: "m", facts };
  it("decimal text past 200 digits is too many digits, never rounded", () => {
    for (const v of ["6." + "0".repeat(200) + "1", "5." + "0".repeat(200) + "1"]) {
      const r = member.evaluate({ ...base, facts: { ...facts, orgLifeScore: v } });
      expect(errors(r).map(([p]) => p)).toEqual([["facts", "orgLifeScore"]]);
      expect(String(errors(r)[0]![1])).toMatch(/^"orgLifeScore" has too many digits \(at most 200; more would be rounded\), got "6?5?\.0{78}"… \(203 characters\)$/);
    }
  });
  it("a 60,000-character cell is an error whose message quotes about 80 characters of it", () => {
    for (const v of ["1".repeat(60000) + "x", " ".repeat(60000) + "x"]) {
      const [e] = errors(member.evaluate({ ...base, facts: { ...facts, orgLifeScore: v } }));
      expect(e![0]).toEqual(["facts", "orgLifeScore"]);
      expect(String(e![1]).length).toBeLessThan(200);
    }
  });
  it("an unknown fact with a million-character name: no suggestion, a short message", () => {
    const [e] = errors(member.evaluate({ ...base, facts: { ...facts, ["x".repeat(1e6)]: 1 } }));
    expect(String(e![1])).toBe(`unknown fact "${"x".repeat(80)}"… (1000000 characters)`);
  });
});

describe("what a scheme exposes cannot change how it evaluates", () => {
  it("scheme.facts values are a frozen copy: pushing onto the veto list throws and changes nothing", () => {
    const vetoes = member.facts.find((f) => f.id === "vetoes")!.values as string[];
    expect(() => vetoes.push("bogus")).toThrow(TypeError);
    expect(errors(member.evaluate({ ...{ id: "m" }, facts: { ...facts, vetoes: ["bogus"] } }))[0]![0]).toEqual(["facts", "vetoes", 0]);
  });
  it("the bundled rulesets are deeply frozen", () => {
    const r = rulesets["qianjin/organization"] as unknown as { parameters: { fiveStarShare: { value: string } } };
    expect(() => (r.parameters.fiveStarShare.value = "0.5")).toThrow(TypeError);
    expect(compile({ extends: "qianjin/organization" }).ruleset.parameters!.fiveStarShare!.value).toBe("0.15");
  });
});

describe("the faces given what they do not expect: an answer, never a crash inside", () => {
  const member = compile(rulesets["rushan/member"]);
  const facts = { ideals: true, orgAwareness: true, moralConduct: true, exemplar: true, duty: true, volunteer: true, stability: true, tackleHard: true, orgLifeScore: 8, surveySatisfied: 9, surveyValid: 10 };
  const makeFull = () => member.evaluate({ id: "m", facts });
  it("explain and publication refuse a compact result with a clear TypeError", () => {
    const full = makeFull();
    expect(() => member.explain(compact(full) as never)).toThrow("explain() needs a full result");
    expect(() => member.publication({ results: [compact(full)], adjustments: [], distribution: {} } as never, { from: "2025-01-03" })).toThrow("publication() needs full results");
    expect(() => member.explain({ hello: 1 } as never)).toThrow(TypeError);
  });
  it("coverage skips what carries no trace, and says how many", () => {
    const full = makeFull();
    const c = coverage(member, [full, compact(full) as never, { ok: true } as never, null as never, 42 as never]);
    expect([c.skipped, c.items.find((i) => i.id === "tiers.consolidate")!.covered]).toEqual([2, true]);
  });
  it("compare and runFixtures with junk: TypeErrors that say what they need", () => {
    expect(() => compare(member, {}, [])).toThrow("expected a scheme that compile() returned");
    expect(() => runFixtures(member, "cases")).toThrow(/not a fixtures file/);
    expect(() => runFixtures(member, { ruleset: "rushan/member", cases: [{ name: "x", subject: { id: "m", facts: { __proto__: { ideals: true } } } }] })).not.toThrow();
  });
});
