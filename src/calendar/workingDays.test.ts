import { afterEach, describe, expect, it } from "vitest";
import { compile, rulesets, workingDays } from "../index.js";

const range = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
};
/** China's 2026 schedule, as far as these tests need it (domain-notes §7.3). */
const CN2026 = {
  holidays: [...range("2026-01-01", "2026-01-03"), ...range("2026-02-15", "2026-02-23"), ...range("2026-10-01", "2026-10-07")],
  makeupWorkdays: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-10-10"],
};
const cn = workingDays(CN2026);
const weekdays = workingDays();

describe("workingDays — 15 working days (counted by hand, start day not counted)", () => {
  it.each([
    // start, China 2026, Monday–Friday
    ["2026-09-28", "2026-10-23", "2026-10-19"], // worked example 7: Oct 1–7 off, Oct 10 (Sat) worked
    ["2026-02-10", "2026-03-09", "2026-03-03"], // Feb 15–23 off, Feb 14 and 28 (Sat) worked
    ["2025-12-25", "2026-01-16", "2026-01-15"], // Jan 1–3 off, Jan 4 (Sun) worked
  ])("after %s: %s with China's holidays, %s on weekdays", (start, withHolidays, plain) => {
    expect(cn.add(start, 15)).toBe(withHolidays);
    expect(weekdays.add(start, 15)).toBe(plain);
  });
  it("add(d, 0) is d, even on a day off; one working day after a Friday is the Monday", () => {
    expect(cn.add("2026-10-03", 0)).toBe("2026-10-03");
    expect(weekdays.add("2026-11-20", 1)).toBe("2026-11-23");
    expect(cn.add("2026-09-30", 1)).toBe("2026-10-08");
  });
  it("knows working days, holidays and make-up days", () => {
    expect([cn.isWorkingDay("2026-02-14"), cn.isWorkingDay("2026-02-16"), cn.isWorkingDay("2026-02-21"), cn.isWorkingDay("2026-03-02")]).toEqual([true, false, false, true]);
  });
});

describe("workingDays — coverage and errors", () => {
  const covered = workingDays({ ...CN2026, coverage: { from: "2026-01-01", to: "2026-12-31" } });
  it("flags a count that crosses dates outside the coverage instead of guessing silently", () => {
    expect(covered.count("2026-09-28", 15)).toEqual({ date: "2026-10-23", uncertain: false });
    expect(covered.count("2025-12-25", 15)).toEqual({ date: "2026-01-16", uncertain: true, outside: { from: "2025-12-26", to: "2025-12-31" } });
    expect(covered.count("2026-12-28", 5)).toMatchObject({ date: "2027-01-04", uncertain: true, outside: { from: "2027-01-01", to: "2027-01-04" } });
    expect(covered.covers("2027-01-01")).toBe(false);
  });
  it("a strict calendar throws instead", () => {
    const strict = workingDays({ ...CN2026, coverage: { from: "2026-01-01", to: "2026-12-31" }, strict: true });
    expect(() => strict.add("2026-12-28", 5)).toThrow("outside the calendar's coverage 2026-01-01 – 2026-12-31");
  });
  it("rejects a date listed both as a holiday and a make-up workday, and malformed dates", () => {
    expect(() => workingDays({ holidays: ["2026-10-10"], makeupWorkdays: ["2026-10-10"] })).toThrow("2026-10-10 is listed both as a holiday and as a make-up workday");
    expect(() => workingDays({ holidays: ["2026-02-30"] })).toThrow(RangeError);
    expect(() => cn.add("2026/09/28", 15)).toThrow('the start date must be an ISO date "yyyy-MM-dd"');
    expect(() => cn.add("2026-09-28", -1)).toThrow(RangeError);
  });
  it("a calendar-day period that ends on a day off ends on the next working day (民法典 Art. 203)", () => {
    expect(cn.addCalendarDays("2026-09-26", 5)).toEqual({ date: "2026-10-08", uncertain: false }); // Oct 1 is a holiday → Oct 8
    expect(weekdays.addCalendarDays("2026-11-16", 5)).toEqual({ date: "2026-11-23", uncertain: false }); // Sat 21 → Mon 23
    expect(weekdays.addCalendarDays("2026-11-16", 3)).toEqual({ date: "2026-11-19", uncertain: false });
  });
});

describe("scheme.deadline — procedure steps", () => {
  const qianjin = compile(rulesets["qianjin/organization"]);
  it("Qianjin's appeal: 15 working days from the day after the feedback", () => {
    expect(qianjin.deadline("appeal", "2026-09-28")).toBe("2026-10-19");
    expect(qianjin.deadline("appeal", "2026-09-28", { calendar: cn })).toBe("2026-10-23");
  });
  it("Rushan's public notice and Feicheng's publicity: 5 calendar days (defaults)", () => {
    expect(compile(rulesets["rushan/member"]).deadline("publicNotice", "2026-09-28", { calendar: cn })).toBe("2026-10-08");
    expect(compile(rulesets["feicheng/branch"]).deadline("publicityFiling", "2026-11-16")).toBe("2026-11-23");
    expect(compile(rulesets["feicheng/branch"]).with({ publicityDays: 7 }).deadline("publicityFiling", "2026-11-16")).toBe("2026-11-23");
  });
  it("an unknown step or a step without a duration is a programmer error", () => {
    expect(() => qianjin.deadline("apeal", "2026-09-28")).toThrow('declares no procedure step "apeal" (did you mean "appeal"?)');
    expect(() => qianjin.deadline("ledger", "2026-09-28")).toThrow('procedure step "ledger" of "qianjin/organization" has no duration');
  });
  it("lists each scheme's steps in order", () => {
    expect(compile(rulesets["feicheng/branch"]).procedure.map((p) => p.id)).toEqual(["selfEvaluation", "committeeEvaluation", "cityReview", "publicityFiling"]);
    expect(qianjin.procedure.find((p) => p.id === "appeal")).toMatchObject({ workingDays: 15 });
  });
});

describe("workingDays — independent of the host time zone", () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });
  it.each(["America/Los_Angeles", "Asia/Shanghai", "Pacific/Kiritimati", "UTC"])("gives the same answers in %s", (tz) => {
    process.env.TZ = tz;
    const c = workingDays(CN2026);
    expect([c.add("2026-09-28", 15), c.add("2026-02-10", 15), c.add("2025-12-25", 15), c.isWorkingDay("2026-01-05"), c.isWorkingDay("2026-01-10")]).toEqual([
      "2026-10-23", "2026-03-09", "2026-01-16", true, false,
    ]);
    const r = compile(rulesets["rushan/member"]).evaluate(
      { id: "m", facts: { ideals: true, orgAwareness: false, moralConduct: false, exemplar: false, duty: true, volunteer: true, stability: false, tackleHard: false, orgLifeScore: 5, surveySatisfied: 1, surveyValid: 10 } },
      { asOf: "2024-02-29" },
    );
    expect(r.ok && r.remediation.steps[0]!.due).toBe("2025-02-28"); // a leap day plus one year, in every zone
  });
});
