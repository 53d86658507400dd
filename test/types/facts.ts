/**
 * Type tests, checked by `npm run typecheck` (tsc over test/): every `@ts-expect-error` line must
 * be an error, or tsc fails ("unused directive"); every other line must type-check.
 */
import { compile, rulesets, type FactChange, type RatingResult, type RulesetSource, type RushanMemberFacts, type Scheme } from "../../src/index.js";
import rushanMember from "../../src/rulesets/rushan/member.js";

const member = compile(rushanMember);
const good: RushanMemberFacts = {
  ideals: true, orgAwareness: true, moralConduct: true, exemplar: true,
  duty: true, volunteer: true, stability: true, tackleHard: true,
  orgLifeScore: 6, surveySatisfied: "9", surveyValid: 10, vetoes: ["clutterNotCleared"],
};
member.evaluate({ id: "m", name: "张三", facts: good });

// @ts-expect-error a misspelt fact
member.evaluate({ id: "m", facts: { ...good, orgLifeScor: 5 } });
// @ts-expect-error a missing fact
member.evaluate({ id: "m", facts: { ideals: true } });
// @ts-expect-error a yes/no assessment as text
member.evaluate({ id: "m", facts: { ...good, ideals: "是" } });
// @ts-expect-error a veto item the scheme does not have
member.evaluate({ id: "m", facts: { ...good, vetoes: ["idaels"] } });
// @ts-expect-error no id
member.evaluate({ facts: good });
// @ts-expect-error a typo in a bundled ruleset's id
void rulesets["rushan/membr"];

// Through the map, with() and extends, the facts stay typed.
const qianjinFacts = { grid: 18, regional: 16, professional: "15.5", smartService: 20, standardizedOperation: 17 };
compile(rulesets["qianjin/organization"]).with({ fiveStarShare: "0.2" }).evaluateCohort([{ id: "q", facts: qianjinFacts }]);
compile({ extends: "qianjin/organization", parameters: { fiveStarShare: "0.2" } }).evaluate({ id: "q", facts: qianjinFacts });
// @ts-expect-error Qianjin's facts are not a Rushan member's
compile(rulesets["rushan/member"]).evaluate({ id: "q", facts: qianjinFacts });
// @ts-expect-error an enum value outside the declared ones (Yantian's level)
compile(rulesets["yantian/organization"]).evaluate({ id: "y", facts: { level: "branch", leader: 1, workSystem: 1, venue: 1, supportMechanism: 1, performance: 1, massContact: 1, evaluation: 1 } });

// Any other ruleset (or a bundled one compiled as any ruleset): facts are checked at run time.
declare const own: RulesetSource;
const custom = compile(own);
custom.evaluate({ id: "x", facts: { anything: 1 } });
custom.evaluate(JSON.parse("{}") as unknown);
compile(rulesets["rushan/member"] as RulesetSource).evaluate({ id: "m", facts: { orgLifeScor: 5 } });

// A plain Scheme holds typed and untyped schemes alike.
const schemes: Scheme[] = [member, custom, compile(rulesets["feicheng/branch"])];
void schemes;

// rating.kind narrows: stars is a number where it exists.
export function starsOf(r: RatingResult): number {
  if (r.kind === "grade") return r.grade.length;
  const n: number = r.stars;
  return n;
}
export function gradeOf(r: RatingResult): string {
  // @ts-expect-error a star or level rating has no grade
  const g: string = r.grade;
  return g;
}

// FactChange values are numbers, exact text or booleans, not unknown.
export function describeChange(c: FactChange): string {
  return typeof c.to === "boolean" ? String(c.to) : typeof c.to === "number" ? c.to.toFixed(2) : c.to.toUpperCase();
}
