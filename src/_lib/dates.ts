// One module per function: the date-fns index loads every function it has (slow cold start).
import { addDays } from "date-fns/addDays";
import { addMonths } from "date-fns/addMonths";
import { addYears } from "date-fns/addYears";
import { isValid } from "date-fns/isValid";

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar day held in UTC: the fields date-fns reads and writes (year, month, day, weekday,
 * hours) are the UTC ones, so no arithmetic depends on the host's time zone (or needs `Intl`,
 * which `@date-fns/utc` used at load). date-fns makes new dates of the same class through the
 * constructor.
 */
export class UtcDay extends Date {
  override getFullYear(): number { return this.getUTCFullYear(); }
  override getMonth(): number { return this.getUTCMonth(); }
  override getDate(): number { return this.getUTCDate(); }
  override getDay(): number { return this.getUTCDay(); }
  override getHours(): number { return this.getUTCHours(); }
  override getMinutes(): number { return this.getUTCMinutes(); }
  override getSeconds(): number { return this.getUTCSeconds(); }
  override getMilliseconds(): number { return this.getUTCMilliseconds(); }
  override setFullYear(y: number, m?: number, d?: number): number {
    return m === undefined ? this.setUTCFullYear(y) : d === undefined ? this.setUTCFullYear(y, m) : this.setUTCFullYear(y, m, d);
  }
  override setMonth(m: number, d?: number): number { return d === undefined ? this.setUTCMonth(m) : this.setUTCMonth(m, d); }
  override setDate(d: number): number { return this.setUTCDate(d); }
  override setHours(h: number, m?: number, s?: number, ms?: number): number {
    return this.setUTCHours(h, m ?? this.getUTCMinutes(), s ?? this.getUTCSeconds(), ms ?? this.getUTCMilliseconds());
  }
  /** `y`-`m`-`d` (month 0-based) as a UTC day. */
  static of(y: number, m: number, d: number): UtcDay {
    const x = new UtcDay(0);
    x.setUTCFullYear(y, m, d);
    x.setUTCHours(0, 0, 0, 0);
    return x;
  }
}

/** Parses `yyyy-MM-dd` as a UTC calendar date; undefined when it is not a real date. */
export function parseIsoDate(s: string): UtcDay | undefined {
  const m = ISO.exec(s);
  if (!m) return undefined;
  const d = UtcDay.of(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (!isValid(d) || d.getFullYear() !== Number(m[1]) || d.getMonth() !== Number(m[2]) - 1 || d.getDate() !== Number(m[3])) return undefined;
  return d;
}

/** Formats a UTC calendar date as `yyyy-MM-dd`, independent of the host time zone. */
export function formatIsoDate(d: UtcDay): string {
  const y = String(d.getFullYear()).padStart(4, "0");
  const m = String(d.getMonth() + 1).padStart(2, "0");
  const day = String(d.getDate()).padStart(2, "0");
  return `${y}-${m}-${day}`;
}

/** `date` plus a duration, as an ISO date (date-fns on UTC dates: Feb 29 + 1 year is Feb 28). */
export function addDuration(date: string, dur: { years: number; months: number; days: number }): string {
  const d = parseIsoDate(date);
  if (!d) throw new RangeError(`invalid ISO date "${date}" (expected yyyy-MM-dd)`);
  return formatIsoDate(addDays(addMonths(addYears(d, dur.years), dur.months), dur.days));
}
