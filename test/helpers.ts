import { expect } from "vitest";
import { RulesetError, type Evaluation, type Result, type RulesetIssue, type RulesetSource } from "../src/index.js";
import { rulesets } from "./untyped.js";
import example from "../docs/examples/example-branch.json" with { type: "json" };

/** The eight qualitative assessments of a Rushan member, all true. */
export const ALL_MEMBER_BOOLEANS = {
  ideals: true,
  orgAwareness: true,
  moralConduct: true,
  exemplar: true,
  duty: true,
  volunteer: true,
  stability: true,
  tackleHard: true,
} as const;

/** Every assessment false, org life 5 (no star), survey 1 of 10 (no survey star): zero stars. */
export const NO_STAR_MEMBER = {
  ideals: false,
  orgAwareness: false,
  moralConduct: false,
  exemplar: false,
  duty: false,
  volunteer: false,
  stability: false,
  tackleHard: false,
  orgLifeScore: 5,
  surveySatisfied: 1,
  surveyValid: 10,
};

/** Narrows a result to a successful evaluation, failing the test with the errors otherwise. */
export function ok(r: Result): Evaluation {
  if (!r.ok) throw new Error(`expected ok, got errors: ${JSON.stringify(r.errors)}`);
  return r;
}

/** Ids of the earned stars. */
export function earned(r: Result): string[] {
  return ok(r).stars.filter((s) => s.earned).map((s) => s.id);
}

/** The issues of the RulesetError that `f` throws; fails the test when it throws nothing or something else. */
export function rulesetIssues(f: () => unknown): readonly RulesetIssue[] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(RulesetError);
    return (e as RulesetError).issues;
  }
  throw new Error("expected a RulesetError");
}

/**
 * A copy of the example branch's ruleset (docs/examples) under another id, edited, with its three
 * tiers widened to the star count the edit leaves (every star; 3 to all but one; 0–2): for the
 * search's rules, which no bundled ruleset has.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an edit reaches anywhere in the JSON
export function exampleWith(id: string, edit: (r: Record<string, any>) => void): RulesetSource {
  const r = JSON.parse(JSON.stringify(example));
  r.id = id;
  edit(r);
  const n = r.stars.length;
  r.tiers = [
    { ...r.tiers[0], min: n, max: n },
    { ...r.tiers[1], min: 3, max: n - 1 },
    { ...r.tiers[2], min: 0, max: 2 },
  ];
  return r as RulesetSource;
}

/** A copy of a bundled ruleset, edited (for rules no bundled ruleset has). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an edit reaches anywhere in the JSON
export function edited(id: keyof typeof rulesets, edit: (r: Record<string, any>) => void): RulesetSource {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const r = JSON.parse(JSON.stringify(rulesets[id])) as Record<string, any>;
  edit(r);
  return r as RulesetSource;
}
