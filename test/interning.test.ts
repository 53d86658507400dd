import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rulesets, type BundledRulesetId, type RulesetSource } from "../src/index.js";
import { buildModel } from "../src/compile/compile.js";
import { evaluateSubject } from "../src/evaluate/evaluate.js";
import { downgrades, factsOf, seeded } from "./arbitraries.js";

/**
 * A scheme remembers what it built for earlier subjects (the frozen stars and trace of each set of
 * decisions, score texts, the traces with values `explain` adds, each star's advice by the values
 * of the facts it reads) and hands the same objects to later subjects that decide alike. That memory must never show: a scheme that has evaluated
 * hundreds of other subjects answers each subject exactly as a scheme that has seen none.
 * Here a warm scheme (kept across every run) evaluates a random list in order and a new scheme
 * evaluates it in reverse, so each side meets each subject after different others.
 */
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));
const STEPS = ["branchMentoring", "centerMentoring", "organizationalDisposal", "talkReminder"] as const;

/**
 * Rushan's member scheme with one more star whose fact is bounded by another fact: meetings
 * attended (at most the meetings held) at least 8. Its advice depends on both facts.
 */
function withAttendance(): RulesetSource {
  const r = structuredClone(rulesets["rushan/member"]) as unknown as { facts: Record<string, unknown>; stars: unknown[] };
  const source = { default: "a test of remembered advice" };
  r.facts.held = { type: "integer", min: 0, max: 12, improve: "none", label: { zh: "召开会议次数", en: "meetings held" }, source };
  r.facts.attended = { type: "integer", min: 0, max: "held", label: { zh: "参加会议次数", en: "meetings attended" }, source };
  r.stars.push({ id: "attendance", label: { zh: "出勤星", en: "attendance" }, group: "basic", when: ["attended >= 8"], source });
  return r as unknown as RulesetSource;
}
const attendance = fc.integer({ min: 0, max: 12 }).chain((held) => fc.record({ held: fc.constant(held), attended: fc.integer({ min: 0, max: held }) }));

const CASES: [string, RulesetSource, fc.Arbitrary<Record<string, unknown>>][] = [
  ...(Object.keys(rulesets) as BundledRulesetId[]).map((id): [string, RulesetSource, fc.Arbitrary<Record<string, unknown>>] => [id, rulesets[id], factsOf(id)]),
  ["rushan/member with a bounded attendance star", withAttendance(), fc.tuple(factsOf("rushan/member"), attendance).map(([a, b]) => ({ ...a, ...b }))],
];

describe("a scheme's memory of earlier subjects never changes an answer", () => {
  for (const [name, source, facts] of CASES) {
    const id = name.split(" ")[0]!;
    it(`${name}: a warm scheme gives what a new one gives, with and without explain and advice`, () => {
      const warm = buildModel(source);
      const row = fc.record({
        facts,
        explain: fc.boolean(),
        advice: fc.boolean(),
        name: fc.option(fc.constantFrom("张三", "李四"), { nil: undefined }),
        previous: fc.option(fc.constantFrom(...STEPS), { nil: undefined }),
        events: id === "feicheng/branch" ? downgrades : fc.constant(undefined),
      });
      fc.assert(
        fc.property(fc.array(row, { minLength: 2, maxLength: 10 }), (rows) => {
          const fresh = buildModel(source);
          const call = (model: typeof warm, i: number) => {
            const r = rows[i]!;
            const history = r.previous && model.stepLabels.has(r.previous)
              ? [{ ok: true, id: `s${i}`, ruleset: { id }, stars: [], rating: id.startsWith("liuzhou") ? { grade: "合格" } : { stars: 1 }, steps: [{ id: r.previous }] }]
              : undefined;
            const subject = { id: `s${i}`, facts: r.facts, ...(r.name ? { name: r.name } : {}), ...(r.events ? { events: r.events } : {}) };
            return plain(evaluateSubject(model, subject, { asOf: "2024-12-31", history, explain: r.explain, advice: r.advice }));
          };
          const forward = rows.map((_, i) => call(warm, i));
          const backward = rows.map((_, i) => rows.length - 1 - i).map((i) => call(fresh, i)).reverse();
          expect(forward).toEqual(backward);
        }),
        seeded(60),
      );
    });
  }
});
