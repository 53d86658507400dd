import { UTCDate } from "@date-fns/utc";
// One module per function: the date-fns index loads every function it has (slow cold start).
import { addDays } from "date-fns/addDays";
import { addMonths } from "date-fns/addMonths";
import { addYears } from "date-fns/addYears";
import { isValid } from "date-fns/isValid";

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `yyyy-MM-dd` as a UTC calendar date; undefined when it is not a real date. */
export function parseIsoDate(s: string): UTCDate | undefined {
  const m = ISO.exec(s);
  if (!m) return undefined;
  const d = new UTCDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (!isValid(d) || d.getFullYear() !== Number(m[1]) || d.getMonth() !== Number(m[2]) - 1 || d.getDate() !== Number(m[3])) return undefined;
  return d;
}

/** Formats a UTC calendar date as `yyyy-MM-dd`, independent of the host time zone. */
export function formatIsoDate(d: UTCDate): string {
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
