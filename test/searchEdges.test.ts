import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seeded } from "./arbitraries.js";
import { compile, type RulesetSource } from "../src/index.js";
import { searchStats } from "../src/remediation/search.js";
import { exampleWith, ok } from "./helpers.js";

/**
 * "What would it take" on rules no bundled ruleset has: facts effort moves down (absences, late
 * days), a decimal step whose last value is a bound off the grid, a fact bounded by another fact
 * of a different scale (the search falls back to exact numbers), and conditional vetoes (advice
 * that must not be remembered by the star's own facts). Each answer is worked out from the rules
 * below; the probe counts hold the search's cost claims (a guess and the step below it).
 */
const src = { document: "example", quote: "（测试用规则）" };
const label = (zh: string, en: string) => ({ zh, en });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the example edited as JSON
function rulesetWith(edit: (r: any) => void = () => {}): RulesetSource {
  return exampleWith("example/search", (r) => {
    r.facts.absences = { type: "integer", min: 0, max: 20, improve: "down", label: label("缺勤次数", "absences"), source: src };
    r.facts.lateDays = { type: "decimal", min: 0, max: 10, step: "0.25", improve: "down", label: label("迟到天数", "late days"), source: src };
    r.facts.waitHours = { type: "decimal", min: "0.125", max: 24, improve: "down", label: label("等候小时", "hours waited"), source: src };
    r.facts.slacking = { type: "boolean", improve: "down", label: label("工作懈怠", "slacking"), source: src };
    r.facts.flagged = { type: "boolean", improve: "none", label: label("被约谈", "flagged"), source: src };
    const star = (id: string, zh: string, when: string) => ({ id, label: label(zh, id), group: "basic", when: [when], source: src });
    r.stars.push(
      star("attendance", "出勤星", "absences <= 2"),
      star("punctual", "守时星", "lateDays <= 0.1"),
      star("quick", "快办星", "waitHours < 0.13"),
      star("timely", "及时星", "lateDays <= 1.1"),
      star("diligent", "勤勉星", "not slacking"),
      star("careful", "稳健星", "serviceScore >= 60"),
    );
    r.vetoes.push(
      { id: "rushed", label: label("突击整改", "rushed"), effect: "cancelStar", star: "careful", when: "meetings < 2 and serviceScore >= 60", source: src },
      { id: "flaggedIdle", label: label("约谈后仍懈怠", "flagged and idle"), effect: "disqualify", when: "flagged and serviceScore < 10", source: src },
    );
    edit(r);
  });
}

/** Adds part (steps of 0.5) at most whole (hundredths, a given): the fast frame cannot hold both on one grid. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the example edited as JSON
function addPartOfWhole(r: any): void {
  r.facts.whole = { type: "decimal", min: 0, max: 100, improve: "none", label: label("总量", "whole"), source: src };
  r.facts.part = { type: "decimal", min: 0, max: "whole", step: "0.5", label: label("完成量", "part done"), source: src };
}

/** A subject who earns every star, to be spoiled one fact at a time. */
const ALL = {
  meetings: 12,
  lessons: true,
  dues: true,
  serviceScore: 95,
  satisfaction: 1,
  absences: 0,
  lateDays: 0,
  waitHours: "0.125",
  slacking: false,
  flagged: false,
};

const scheme = compile(rulesetWith());

function advice(facts: Record<string, unknown>, star: string, s = scheme) {
  const r = ok(s.evaluate({ id: "s", facts: { ...ALL, ...facts } }));
  return r.remediation.nextStar.find((n) => n.star === star);
}

describe("facts effort moves down", () => {
  it("absences 7 → 2 for 出勤星 (at most 2): the guess and the step below it, 3 checks", () => {
    expect(ok(scheme.evaluate({ id: "s", facts: ALL })).rating).toMatchObject({ stars: 11 });
    const r = ok(scheme.evaluate({ id: "s", facts: { ...ALL, absences: 7 } }));
    const before = searchStats.probes;
    expect(r.remediation.nextStar).toEqual([{ star: "attendance", changes: [{ fact: "absences", from: 7, to: 2 }] }]);
    expect(searchStats.probes - before).toBe(3);
  });
  it("late days move down in steps of 0.25: 3.25 → 1 for 及时星 (at most 1.1), → 0 for 守时星 (at most 0.1)", () => {
    expect(advice({ lateDays: "3.25" }, "timely")).toEqual({ star: "timely", changes: [{ fact: "lateDays", from: 3.25, to: 1 }] });
    expect(advice({ lateDays: "3.25" }, "punctual")).toEqual({ star: "punctual", changes: [{ fact: "lateDays", from: 3.25, to: 0 }] });
    expect(advice({ lateDays: "1.25" }, "timely")).toEqual({ star: "timely", changes: [{ fact: "lateDays", from: 1.25, to: 1 }] });
    expect(advice({ lateDays: "0.5" }, "timely")).toBeUndefined();
  });
  it("without a declared step, hundredths down to the bound, which is off that grid: 5 → 0.125 for 快办星 (under 0.13)", () => {
    // 5, 4.99, …, 0.13 are all at least 0.13; the next value down is the bound 0.125.
    expect(advice({ waitHours: 5 }, "quick")).toEqual({ star: "quick", changes: [{ fact: "waitHours", from: 5, to: 0.125 }] });
    expect(advice({ waitHours: "0.135" }, "quick")).toEqual({ star: "quick", changes: [{ fact: "waitHours", from: 0.135, to: 0.125 }] });
  });
  it("a boolean effort turns off: slacking true → false for 勤勉星", () => {
    expect(advice({ slacking: true }, "diligent")).toEqual({ star: "diligent", changes: [{ fact: "slacking", from: true, to: false }] });
  });
  it("nextLevel: the cheapest single change against each fact's range, down or up", () => {
    // 守时星, 出勤星 and 组织生活星 missing: lateDays 0.5 → 0 is 0.5 of 10 (5 %); absences 3 → 2 is 1 of 20
    // (5 %), declared first; meetings 3 → 4 is 1 of 12 (8.3 %).
    const r = ok(scheme.evaluate({ id: "s", facts: { ...ALL, lateDays: "0.5", absences: 3, meetings: 3 } }));
    expect(r.rating).toMatchObject({ stars: 8 });
    expect(r.remediation.nextLevel).toEqual({ to: 9, changes: [{ fact: "absences", from: 3, to: 2 }] });
    // lateDays 0.25 → 0 is 2.5 %: cheaper than absences.
    const s = ok(scheme.evaluate({ id: "s", facts: { ...ALL, lateDays: "0.25", absences: 3, meetings: 3 } }));
    expect(s.remediation.nextLevel).toEqual({ to: 9, changes: [{ fact: "lateDays", from: 0.25, to: 0 }] });
    // waitHours 0.135 → 0.125 is 0.01 of 23.875 (0.04 %).
    const t = ok(scheme.evaluate({ id: "s", facts: { ...ALL, waitHours: "0.135", absences: 3 } }));
    expect(t.remediation.nextLevel).toEqual({ to: 10, changes: [{ fact: "waitHours", from: 0.135, to: 0.125 }] });
  });
});

describe("a fact bounded by a fact of another scale: the search on exact numbers", () => {
  const bounded = compile(
    rulesetWith((r) => {
      addPartOfWhole(r);
      r.stars.push({ id: "share", label: label("完成星", "share"), group: "basic", when: ["part >= 60"], source: src });
    }),
  );
  const full = { ...ALL, whole: 100, part: 100 };
  it("part 10 → 60 for 完成星 when whole is 80; unreachable when whole is 50; 10.5 → 60 likewise", () => {
    expect(ok(bounded.evaluate({ id: "s", facts: full })).rating).toMatchObject({ stars: 12 });
    expect(advice({ ...full, part: 10, whole: 80 }, "share", bounded)).toEqual({ star: "share", changes: [{ fact: "part", from: 10, to: 60 }] });
    expect(advice({ ...full, part: 10, whole: 50 }, "share", bounded)).toEqual({ star: "share", changes: [], unreachable: true });
    expect(advice({ ...full, part: "10.5", whole: "80.25" }, "share", bounded)).toEqual({ star: "share", changes: [{ fact: "part", from: 10.5, to: 60 }] });
  });
  it("on exact numbers there is no guess: the whole range (1 check), then a bisection of the 140 values 10.5 … 80 (7 checks)", () => {
    const r = ok(bounded.evaluate({ id: "s", facts: { ...full, part: 10, whole: 80 } }));
    const before = searchStats.probes;
    r.remediation.nextStar;
    expect(searchStats.probes - before).toBe(8);
  });
  it("nextLevel on exact numbers: the cheapest single change, part 59.5 → 60 (0.5 of 100) over absences 3 → 2 (1 of 20)", () => {
    const r = ok(bounded.evaluate({ id: "s", facts: { ...full, part: "59.5", absences: 3 } }));
    expect(r.remediation.nextLevel).toEqual({ to: 11, changes: [{ fact: "part", from: 59.5, to: 60 }] });
  });
  it("a value with more decimals than the fact's scale is searched exactly too: service 69.999 → 80", () => {
    expect(advice({ serviceScore: "69.999" }, "service")).toEqual({ star: "service", changes: [{ fact: "serviceScore", from: 69.999, to: 80 }] });
  });
});

describe("conditional vetoes: advice is not remembered by the star's own facts", () => {
  it("稳健星 needs service 60, but with fewer than 2 meetings a service of 60 cancels it: 50 → 60, then unreachable", () => {
    expect(advice({ serviceScore: 50, meetings: 5 }, "careful")).toEqual({ star: "careful", changes: [{ fact: "serviceScore", from: 50, to: 60 }] });
    // The same service score, one meeting: the answer above would be wrong.
    expect(advice({ serviceScore: 50, meetings: 1 }, "careful")).toEqual({ star: "careful", changes: [], unreachable: true });
    expect(advice({ serviceScore: 50, meetings: 5 }, "careful")).toEqual({ star: "careful", changes: [{ fact: "serviceScore", from: 50, to: 60 }] });
  });
  it("a disqualifying condition blocks every star's advice on other facts: meetings 2 → 4, unless flagged with service under 10", () => {
    expect(advice({ meetings: 2, serviceScore: 5 }, "organization")).toEqual({ star: "organization", changes: [{ fact: "meetings", from: 2, to: 4 }] });
    // Flagged, with service 5, the subject is disqualified now: every star's advice is blocked by it.
    expect(advice({ meetings: 2, serviceScore: 5, flagged: true }, "organization")).toEqual({ star: "organization", changes: [], blockedBy: ["flaggedIdle"] });
    expect(advice({ meetings: 2, serviceScore: 5 }, "organization")).toEqual({ star: "organization", changes: [{ fact: "meetings", from: 2, to: 4 }] });
  });
  it("without conditional vetoes the advice is remembered: the same facts again cost no check", () => {
    const plain = compile(rulesetWith((r) => (r.vetoes = r.vetoes.filter((v: { when?: string }) => !v.when))));
    expect(advice({ absences: 9 }, "attendance", plain)).toEqual({ star: "attendance", changes: [{ fact: "absences", from: 9, to: 2 }] });
    const before = searchStats.probes;
    expect(advice({ absences: 9 }, "attendance", plain)).toEqual({ star: "attendance", changes: [{ fact: "absences", from: 9, to: 2 }] });
    expect(searchStats.probes - before).toBe(0);
    // With a disqualifying condition in the scheme nothing is remembered: the same facts again
    // search both missing stars again (服务星 and 稳健星, 3 checks each).
    advice({ serviceScore: 50, meetings: 5 }, "careful");
    const again = searchStats.probes;
    advice({ serviceScore: 50, meetings: 5 }, "careful");
    expect(searchStats.probes - again).toBe(6);
  });
});

describe("nextLevel and vetoes", () => {
  it("a cap at 4 blocks the fifth level but not the fourth", () => {
    expect(ok(scheme.evaluate({ id: "s", facts: { ...ALL, vetoes: ["majorIncident"] } })).remediation.nextLevel).toEqual({ to: 5, changes: [], blockedBy: ["majorIncident"] });
    // Three stars (组织生活星, 服务群众星, 稳健星), capped at 4: the cheapest single change is waitHours
    // 1 → 0.125 (0.875 of 23.875, 3.7 %), before absences 10 → 2 (40 %) or lateDays 5 → 1 (40 %).
    const three = { ...ALL, lessons: false, dues: false, satisfaction: "0.5", absences: 10, lateDays: 5, slacking: true, waitHours: 1, vetoes: ["majorIncident"] };
    const r = ok(scheme.evaluate({ id: "s", facts: three }));
    expect(r.rating).toMatchObject({ stars: 3 });
    expect(r.remediation.nextLevel).toEqual({ to: 4, changes: [{ fact: "waitHours", from: 1, to: 0.125 }] });
  });
  it("a disqualification in force blocks the next level; a cancelled star does not", () => {
    expect(ok(scheme.evaluate({ id: "s", facts: { ...ALL, flagged: true, serviceScore: 5 } })).remediation.nextLevel).toMatchObject({ changes: [], blockedBy: ["flaggedIdle"] });
    // One meeting: 组织生活星 lost, and 稳健星 cancelled (fewer than 2 meetings with service ≥ 60): 9 stars.
    // Meetings 1 → 2 lifts the cancellation (1 of 12); 1 → 4 would also earn 组织生活星 but costs 3 of 12.
    const r = ok(scheme.evaluate({ id: "s", facts: { ...ALL, meetings: 1 } }));
    expect(r.rating).toMatchObject({ stars: 9 });
    expect(r.stars.find((s) => s.id === "careful")!.vetoedBy).toEqual(["rushed"]);
    expect(r.remediation.nextLevel).toEqual({ to: 10, changes: [{ fact: "meetings", from: 1, to: 2 }] });
  });
});

describe("the search's cost on each kind of rating: a guess from the margins, then a few checks", () => {
  const probes = (s: ReturnType<typeof compile>, facts: Record<string, unknown>) => {
    const r = ok(s.evaluate({ id: "x", facts }));
    const before = searchStats.probes;
    const answer = r.remediation.nextLevel;
    return [searchStats.probes - before, answer] as const;
  };
  it("a grade on a rounded total (Yantian 87.4): every indicator at its best (1), each alone (7), and at most 4 around the guess (18 without the guess: a bisection of evaluation's 1,400 steps)", async () => {
    const { rulesets } = await import("./untyped.js");
    const [n, answer] = probes(compile(rulesets["yantian/organization"]), { level: "subordinate", type: "community", leader: 90, workSystem: 85, venue: 80, supportMechanism: 95, performance: 88, massContact: 92, evaluation: 86 });
    expect(answer).toEqual({ to: "good", changes: [{ fact: "evaluation", from: 86, to: 92.49 }] });
    expect(n).toBeLessThanOrEqual(12);
  });
  it("stars on a weighted total (Feicheng 78.8): each of six facts alone, then the guess: at most 29 checks (63 without the guess)", async () => {
    const { rulesets } = await import("./untyped.js");
    const [n, answer] = probes(compile(rulesets["feicheng/branch"]), { domain: "rural", team: 17, operation: 17, orgLife: 17, memberMgmt: 17, basicSupport: 16, roleScore: 71 });
    expect(answer).toEqual({ to: 4, changes: [{ fact: "roleScore", from: 71, to: 74 }] });
    expect(n).toBeLessThanOrEqual(29);
  });
});

describe("a whole number bounded off the whole numbers: only whole numbers are answers", () => {
  // absences: at least 0.5 (so at least 1); presence: at most 9.5 (so at most 9). A bound that is not a
  // whole number is not a value the scheme accepts: advice once offered 0.5 and 9.5.
  const offGrid = compile(
    rulesetWith((r) => {
      addPartOfWhole(r);
      r.facts.absences.min = "0.5";
      r.facts.presence = { type: "integer", min: 0, max: "9.5", label: label("到会次数", "presence"), source: src };
      r.stars.push(
        { id: "never", label: label("全勤星", "never absent"), group: "basic", when: ["absences < 1"], source: src },
        { id: "present", label: label("到会星", "present"), group: "basic", when: ["presence >= 9"], source: src },
        { id: "always", label: label("每会必到星", "always"), group: "basic", when: ["presence > 9"], source: src },
      );
    }),
  );
  // The fast path; and the exact one, where part and whole (steps of 0.5, hundredths) share no grid.
  const fast = { ...ALL, absences: 7, presence: 3, whole: 100, part: 50 };
  const exact = { ...fast, whole: "80.25" };
  for (const [path, facts] of [["fast", fast], ["exact", exact]] as const) {
    it(`${path}: absences 7 → 2 for 出勤星, 全勤星 (under 1) out of reach; presence 3 → 9 for 到会星, 每会必到星 (over 9) out of reach`, () => {
      expect(advice(facts, "attendance", offGrid)).toEqual({ star: "attendance", changes: [{ fact: "absences", from: 7, to: 2 }] });
      expect(advice(facts, "never", offGrid)).toEqual({ star: "never", changes: [], unreachable: true });
      expect(advice(facts, "present", offGrid)).toEqual({ star: "present", changes: [{ fact: "presence", from: 3, to: 9 }] });
      expect(advice(facts, "always", offGrid)).toEqual({ star: "always", changes: [], unreachable: true });
      expect(offGrid.evaluate({ id: "s", facts: { ...facts, presence: "9.5" } }).ok).toBe(false);
    });
  }
});

describe("wide ranges: past the fast path, past 2^31 and 2^53 grid values", () => {
  const wide = (max: string, step: string | undefined, at: string) =>
    compile(
      rulesetWith((r) => {
        r.facts.funds = { type: "decimal", min: 0, max, ...(step ? { step } : {}), label: label("经费", "funds"), source: src };
        r.stars.push({ id: "rich", label: label("经费星", "funds"), group: "basic", when: [`funds >= ${at}`], source: src });
      }),
    );
  it("hundredths up to 10^10 (10^12 grid values) on exact numbers: 0.125 → 1234567.5, by bisection; the search once looped forever past 2^31", () => {
    // 0.125 has three decimals: the exact path, no margins, a bisection over 10^12 values (41 checks).
    const before = searchStats.probes;
    expect(advice({ funds: "0.125" }, "rich", wide("10000000000", undefined, "1234567.5"))).toEqual({ star: "rich", changes: [{ fact: "funds", from: 0.125, to: 1234567.5 }] });
    expect(searchStats.probes - before).toBeLessThanOrEqual(42);
  });
  it("2^53 grid values (steps of 0.5 to 2^52), every index a number: the least value exactly, 0 → 4503599627370495.5", () => {
    const s = wide("4503599627370496", "0.5", "4503599627370495.5");
    expect(advice({ funds: 0 }, "rich", s)).toEqual({ star: "rich", changes: [{ fact: "funds", from: 0, to: 4503599627370495.5 }] });
  });
  it("past 2^53 grid values the search ends, with a value that earns the star a few steps above the least, as a decimal string", () => {
    // Hundredths to 10^20: 10^22 values; near 1.2·10^16 an index is a number only to within 256 steps (2.56).
    const s = wide("100000000000000000000", undefined, "12345678901234567.5");
    const n = advice({ funds: 0 }, "rich", s)!;
    const to = n.changes[0]!.to as string;
    expect(typeof to).toBe("string");
    const over = Number(to) - 12345678901234567.5;
    expect(over >= 0 && over <= 2.56).toBe(true);
    expect(ok(s.evaluate({ id: "s", facts: { ...ALL, funds: to } })).stars.find((x) => x.id === "rich")!.earned).toBe(true);
  });
});

describe("a declared step: only its multiples are answers, even where a bound is off the step", () => {
  // lateDays: multiples of 0.25, at least 0.1 (so at least 0.25); hours: multiples of 0.5, at most 10.3 (so at most 10).
  const offStep = compile(
    rulesetWith((r) => {
      r.facts.lateDays.min = "0.1";
      r.facts.hours = { type: "decimal", min: 0, max: "10.3", step: "0.5", label: label("服务时长", "hours served"), source: src };
      r.stars.push(
        { id: "long", label: label("长时星", "long"), group: "basic", when: ["hours >= 10.1"], source: src },
        { id: "longish", label: label("较长星", "longish"), group: "basic", when: ["hours >= 9.7"], source: src },
      );
    }),
  );
  const base = { ...ALL, lateDays: "0.25", hours: 10 };
  it("down: 3.25 → 1 for 及时星; 守时星 (at most 0.1) cannot be reached, though the bound is 0.1", () => {
    expect(advice({ ...base, lateDays: "3.25" }, "timely", offStep)).toEqual({ star: "timely", changes: [{ fact: "lateDays", from: 3.25, to: 1 }] });
    expect(advice({ ...base, lateDays: "3.25" }, "punctual", offStep)).toEqual({ star: "punctual", changes: [], unreachable: true });
  });
  it("up: 2 → 10 for 较长星 (at least 9.7); 长时星 (at least 10.1) cannot be reached, though the bound is 10.3", () => {
    expect(advice({ ...base, hours: 2 }, "longish", offStep)).toEqual({ star: "longish", changes: [{ fact: "hours", from: 2, to: 10 }] });
    expect(advice({ ...base, hours: 2 }, "long", offStep)).toEqual({ star: "long", changes: [], unreachable: true });
    // The value advised is one the scheme accepts.
    expect(ok(offStep.evaluate({ id: "s", facts: { ...base, hours: 10 } })).stars.find((s) => s.id === "longish")!.earned).toBe(true);
    expect(offStep.evaluate({ id: "s", facts: { ...base, hours: "10.3" } }).ok).toBe(false);
  });
  it("every suggestion on random subjects is a subject the scheme accepts, and earns its star (seeded; FC_SEED replays)", () => {
    fc.assert(
      fc.property(
        fc.record({
          lateDays: fc.integer({ min: 1, max: 40 }).map((k) => k / 4),
          hours: fc.integer({ min: 0, max: 20 }).map((k) => k / 2),
          absences: fc.integer({ min: 0, max: 20 }),
          meetings: fc.integer({ min: 0, max: 12 }),
          serviceScore: fc.integer({ min: 0, max: 10000 }).map((k) => k / 100),
          waitHours: fc.integer({ min: 125, max: 24000 }).map((k) => k / 1000),
        }),
        (f) => {
          const facts = { ...base, ...f };
          for (const n of ok(offStep.evaluate({ id: "s", facts })).remediation.nextStar) {
            if (!n.changes.length) continue;
            const moved = { ...facts, ...Object.fromEntries(n.changes.map((c) => [c.fact, c.to])) };
            expect(ok(offStep.evaluate({ id: "s", facts: moved })).stars.find((s) => s.id === n.star)!.earned).toBe(true);
          }
        },
      ),
      seeded(200),
    );
  });
  it("on exact numbers too: part (steps of 0.5) at most whole 80.25 reaches 80, not 80.25", () => {
    const bounded = compile(
      rulesetWith((r) => {
        addPartOfWhole(r);
        r.stars.push(
          { id: "most", label: label("大部星", "most"), group: "basic", when: ["part >= 79.6"], source: src },
          { id: "all", label: label("全部星", "all"), group: "basic", when: ["part >= 80.2"], source: src },
        );
      }),
    );
    const facts = { ...ALL, whole: "80.25", part: 10 };
    expect(advice(facts, "most", bounded)).toEqual({ star: "most", changes: [{ fact: "part", from: 10, to: 80 }] });
    expect(advice(facts, "all", bounded)).toEqual({ star: "all", changes: [], unreachable: true });
  });
});
