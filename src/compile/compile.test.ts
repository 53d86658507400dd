import { describe, expect, it } from "vitest";
import { compile, rulesets } from "../index.js";
import { rulesetIssues } from "../../test/helpers.js";

/** A deep copy of the member ruleset to break on purpose. */
function memberCopy(): any {
  return structuredClone(rulesets["rushan/member"]);
}

const issuesOf = (input: unknown) => rulesetIssues(() => compile(input));

describe("compile() collects every problem into one RulesetError", () => {
  it("lists a misspelt fact, a type error and a tier gap together, each with its path", () => {
    const r = memberCopy();
    r.stars[1].when[1].if = "orgLifeScor > orgLifeThreshold"; // misspelt fact
    r.stars[5].when = ["orgLifeScore + 1"]; // a number where a condition is needed
    r.tiers[1].min = 6; // improve now starts at 6: rating 5 is covered by no tier
    const issues = issuesOf(r);
    expect(issues).toMatchObject([
      {
        code: "unknown_name",
        path: ["stars", 1, "when", 1, "if"],
        message: 'unknown name "orgLifeScor" (not a fact, parameter or score) (did you mean "orgLifeScore"?) (at character 1 of "orgLifeScor > orgLifeThreshold")',
      },
      { code: "type_mismatch", path: ["stars", 5, "when", 0], message: 'expected a boolean expression, but "orgLifeScore + 1" is a number' },
      {
        code: "tier_gap",
        path: ["tiers"],
        message: 'no tier covers rating 5 (between tiers "rectify" and "improve"); tiers must cover every rating from 0 to 10',
      },
    ]);
  });

  it("formats the error message with every issue and its dotted path", () => {
    const r = memberCopy();
    r.stars[0].when = ["idealz"];
    r.vetoes[0].star = "ideal";
    try {
      compile(r);
      expect.unreachable();
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain("rushan/member: 2 issues");
      expect(msg).toContain('✖ unknown name "idealz" (not a fact, parameter or score) (did you mean "ideals"?)');
      expect(msg).toContain("→ at stars[0].when[0]");
      expect(msg).toContain('veto "ideals" names unknown star "ideal" (did you mean "ideals"?)');
      expect(msg).toContain("→ at vetoes[0].star");
    }
  });

  it("points a syntax error at the character", () => {
    const r = memberCopy();
    r.stars[1].when[1].if = "orgLifeScore >> 6";
    const [issue] = issuesOf(r);
    expect(issue!.code).toBe("syntax_error");
    expect(issue!.path).toEqual(["stars", 1, "when", 1, "if"]);
    expect(issue!.message).toBe('syntax error at character 15: unexpected ">" where a value was expected\n    orgLifeScore >> 6\n                  ^');
  });

  it("reports duplicate ids, a veto that names no star, overlapping tiers and an unknown document", () => {
    const r = memberCopy();
    r.stars[6].id = "duty"; // volunteer renamed to an existing id
    delete r.vetoes[1].star;
    r.tiers[1].max = 8; // improve 5–8 overlaps consolidate 8–10
    r.stars[3].source = { document: "rushan2019", quote: "…" };
    const issues = issuesOf(r);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["unknown_reference", ["stars", 3, "source", "document"]],
      ["duplicate_id", ["stars", 6, "id"]],
      ["unknown_reference", ["vetoes", 1, "star"]],
      ["tier_overlap", ["tiers", 1]],
    ]);
    expect(issues[0]!.message).toBe('unknown document "rushan2019" (did you mean "rushan2018"?)');
    expect(issues[1]!.message).toBe('duplicate star id "duty" (also stars[5])');
    expect(issues[2]!.message).toBe('veto "orgAwareness" cancels a star but names none; add "star"');
    expect(issues[3]!.message).toBe('tiers "consolidate" and "improve" both cover rating 8');
  });

  it("checks types inside expressions: comparing a boolean with a number, an unknown enum value, an unknown function", () => {
    const r = memberCopy();
    r.stars[0].when = ["ideals > 1"];
    r.stars[4].when[0].if = '"idaels" in vetoes';
    r.stars[5].when = ["summ(orgLifeScore) > 1"];
    const issues = issuesOf(r);
    expect(issues.map((i) => i.message)).toEqual([
      'the left side of ">" must be a number, but "ideals" is a boolean (at character 1 of "ideals > 1")',
      '"idaels" can never be in "vetoes" (did you mean "ideals"?) (at character 1 of ""idaels" in vetoes")',
      'unknown function "summ" (did you mean "sum"?) (at character 1 of "summ(orgLifeScore) > 1")',
    ]);
  });

  it("rejects outcome names where they are not available", () => {
    const r = memberCopy();
    r.stars[0].when = ["rating > 3"];
    expect(issuesOf(r)[0]!.message).toContain('"rating" is only available in tier and remediation rules');
  });

  it("reports unknown parameters in numeric references with a suggestion", () => {
    const r = memberCopy();
    r.tiers[0].min = "consolidateMinStar";
    const [issue] = issuesOf(r);
    expect(issue).toMatchObject({ code: "unknown_parameter", path: ["tiers", 0, "min"] });
    expect(issue!.message).toContain('unknown parameter "consolidateMinStar" (did you mean "consolidateMinStars"?)');
  });

  it("reports schema problems with paths: unknown keys with a suggestion, wrong JSON types, missing keys, bad enums", () => {
    const r = memberCopy();
    r.stars[0].whn = r.stars[0].when;
    delete r.stars[0].when;
    r.facts.orgLifeScore.type = "decimel";
    r.rating.kind = "starcount";
    r.version = 1;
    const issues = issuesOf(r);
    const byPath = Object.fromEntries(issues.map((i) => [i.path.join("."), i.message]));
    expect(byPath["version"]).toBe("expected string, got number 1");
    expect(byPath["facts.orgLifeScore.type"]).toBe('expected one of "boolean", "decimal", "integer", "enum", "list", got string "decimel" (did you mean "decimal"?)');
    expect(byPath["stars.0.when"]).toBe('missing required key "when" (array)');
    expect(byPath["stars.0.whn"]).toBe('unknown key "whn" (did you mean "when"?)');
    expect(byPath["rating.kind"]).toContain('(did you mean "starCount"?)');
    expect(issues.every((i) => i.code === "invalid_schema")).toBe(true);
  });

  it("rejects something that is not a ruleset at all", () => {
    expect(issuesOf(42)[0]).toMatchObject({ code: "invalid_schema", path: [] });
    expect(issuesOf({})).toContainEqual({ code: "invalid_schema", path: ["id"], message: 'missing required key "id" (string)', zh: '缺少必需的键 "id"（应为文本）' });
  });

  it("takes a star's name from a text parameter, so a default name can be renamed without touching the star", () => {
    const r = memberCopy();
    r.parameters.moralConductName.value = { zh: "道德品质星", en: "moral quality star" };
    const scheme = compile(r);
    const star = scheme.evaluate({ id: "m", facts: { ideals: true, orgAwareness: true, moralConduct: true, exemplar: true, duty: true, volunteer: true, stability: true, tackleHard: true, orgLifeScore: 8, surveySatisfied: 9, surveyValid: 10 } });
    expect(star.ok && star.stars[2]!.label).toEqual({ zh: "道德品质星", en: "moral quality star" });
    expect(star.ok && star.stars[2]!.reason.zh).toBe("已得星：道德品质星的全部条件均满足");
  });

  it("reports an unknown text parameter as a star's name", () => {
    const r = memberCopy();
    r.stars[2].label = "moralConductNme";
    expect(issuesOf(r)).toEqual([
      { code: "unknown_parameter", path: ["stars", 2, "label"], message: 'unknown text parameter "moralConductNme" (did you mean "moralConductName"?)', zh: '未知的文本参数 "moralConductNme"（是否应为 "moralConductName"？）' },
    ]);
  });

  it("does not mutate the input", () => {
    const r = memberCopy();
    const before = JSON.stringify(r);
    compile(r);
    expect(JSON.stringify(r)).toBe(before);
  });
});
