import { addDays } from "date-fns/addDays";
import { show } from "../_lib/text.js";
import { formatIsoDate, parseIsoDate, type UtcDay } from "../_lib/dates.js";

/** Options of {@link workingDays}. */
export interface WorkingDayOptions {
  /** Days off that would otherwise be working days (statutory holidays), `yyyy-MM-dd`. */
  readonly holidays?: readonly string[];
  /** Weekend days that are working days (调休补班), `yyyy-MM-dd`. */
  readonly makeupWorkdays?: readonly string[];
  /** The range the holiday lists are known to cover; counting past it is flagged as uncertain. */
  readonly coverage?: { readonly from: string; readonly to: string };
  /** Throw instead of answering when a count crosses a date outside `coverage`. */
  readonly strict?: boolean;
}

/** A counted date, and whether the count crossed dates the calendar does not cover. */
export interface CountedDate {
  /** The resulting date, `yyyy-MM-dd`. */
  readonly date: string;
  /** True when some counted day lies outside `coverage`: the holidays there are unknown. */
  readonly uncertain: boolean;
  /** The first and last counted days outside `coverage`, when uncertain. */
  readonly outside?: { readonly from: string; readonly to: string };
}

/** A working-day calendar: Monday–Friday, minus holidays, plus make-up workdays. */
export interface WorkingDayCalendar {
  /** Whether `date` is a working day. */
  isWorkingDay(date: string): boolean;
  /** The date `n` working days after `date` (the start day is not counted, 民法典 Art. 201); `add(d, 0)` is `d`. */
  add(date: string, n: number): string;
  /** Like {@link WorkingDayCalendar.add}, with the coverage flag. */
  count(date: string, n: number): CountedDate;
  /**
   * The last day of a period of `n` calendar days after `date` (the start day not counted); when
   * that day is not a working day, the period ends on the next working day (民法典 Art. 203).
   */
  addCalendarDays(date: string, n: number): CountedDate;
  /** Whether `date` lies inside `coverage` (always true without one). */
  covers(date: string): boolean;
}

function day(date: string, what: string): UtcDay {
  if (typeof date !== "string") throw new TypeError(`${what} must be an ISO date string "yyyy-MM-dd", got ${typeof date}`);
  const d = parseIsoDate(date);
  if (!d) throw new RangeError(`${what} must be an ISO date "yyyy-MM-dd", got ${show(date)}`);
  return d;
}

/**
 * Builds a working-day calendar from the caller's holiday and make-up-workday lists (China's 调休).
 * The library never downloads or reads calendars. Dates are ISO strings and the arithmetic is on
 * UTC calendar dates, so the host time zone never changes an answer.
 *
 * @throws RangeError when a date is malformed, or listed both as a holiday and a make-up workday.
 *
 * @example
 * ```ts
 * const cal = workingDays({ holidays: ["2026-10-01", …, "2026-10-07"], makeupWorkdays: ["2026-10-10"] });
 * cal.add("2026-09-28", 15); // "2026-10-23"
 * ```
 */
export function workingDays(options: WorkingDayOptions = {}): WorkingDayCalendar {
  const holidays = new Set<string>();
  const makeup = new Set<string>();
  for (const h of options.holidays ?? []) holidays.add(formatIsoDate(day(h, "a holiday")));
  for (const m of options.makeupWorkdays ?? []) {
    const iso = formatIsoDate(day(m, "a make-up workday"));
    if (holidays.has(iso)) throw new RangeError(`${iso} is listed both as a holiday and as a make-up workday`);
    makeup.add(iso);
  }
  const coverage = options.coverage ? { from: formatIsoDate(day(options.coverage.from, "coverage.from")), to: formatIsoDate(day(options.coverage.to, "coverage.to")) } : undefined;
  if (coverage && coverage.from > coverage.to) throw new RangeError(`coverage.from (${coverage.from}) is after coverage.to (${coverage.to})`);
  const covers = (iso: string) => !coverage || (iso >= coverage.from && iso <= coverage.to);
  const isWorking = (d: UtcDay, iso: string) => {
    if (makeup.has(iso)) return true;
    if (holidays.has(iso)) return false;
    const w = d.getDay();
    return w !== 0 && w !== 6;
  };

  const flag = (date: string, outside: string[]): CountedDate => {
    if (!outside.length) return Object.freeze({ date, uncertain: false });
    if (options.strict) throw new RangeError(`counting reaches ${outside[0]}, outside the calendar's coverage ${coverage!.from} – ${coverage!.to}`);
    return Object.freeze({ date, uncertain: true, outside: Object.freeze({ from: outside[0]!, to: outside[outside.length - 1]! }) });
  };

  const count = (date: string, n: number): CountedDate => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`the number of working days must be a whole number of at least 0, got ${n}`);
    let d = day(date, "the start date");
    const outside: string[] = [];
    let left = n;
    while (left > 0) {
      d = addDays(d, 1);
      const iso = formatIsoDate(d);
      if (!covers(iso)) outside.push(iso);
      if (isWorking(d, iso)) left--;
    }
    return flag(formatIsoDate(d), outside);
  };

  return Object.freeze({
    isWorkingDay: (date: string) => {
      const d = day(date, "the date");
      return isWorking(d, formatIsoDate(d));
    },
    add: (date: string, n: number) => count(date, n).date,
    count,
    addCalendarDays: (date: string, n: number): CountedDate => {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`the number of days must be a whole number of at least 0, got ${n}`);
      const start = day(date, "the start date");
      let d = addDays(start, n);
      const outside: string[] = [];
      const note = (x: UtcDay) => {
        const iso = formatIsoDate(x);
        if (!covers(iso)) outside.push(iso);
        return iso;
      };
      let iso = note(d);
      while (n > 0 && !isWorking(d, iso)) {
        d = addDays(d, 1);
        iso = note(d);
      }
      return flag(iso, outside);
    },
    covers: (date: string) => covers(formatIsoDate(day(date, "the date"))),
  });
}

/** The default calendar: Monday to Friday, no holidays. */
export const weekdays: WorkingDayCalendar = /* @__PURE__ */ workingDays();

/**
 * The due date of a procedure step counted from `from` on `calendar`: its working days, or its
 * calendar days (a period ending on a day off ends on the next working day, 民法典 Art. 203);
 * undefined for a step without a duration.
 */
export function stepDue(step: { readonly calendarDays?: number; readonly workingDays?: number }, from: string, calendar: WorkingDayCalendar): string | undefined {
  if (step.workingDays !== undefined) return calendar.add(from, step.workingDays);
  if (step.calendarDays !== undefined) return calendar.addCalendarDays(from, step.calendarDays).date;
  return undefined;
}
