/** A value quoted for a message, cut to about `max` characters so a huge input never floods it. */
export function quote(s: string, max = 80): string {
  return s.length <= max ? JSON.stringify(s) : `${JSON.stringify(s.slice(0, max))}… (${s.length} characters)`;
}

/** A text cut to about `max` characters (for showing an expression inside a message). */
export function cut(s: string, max = 80): string {
  return s.length <= max ? s : `${s.slice(0, max)}… (${s.length} characters)`;
}

/**
 * Any value a caller sent, shown in a message: strings quoted and cut, numbers and booleans as
 * they are, anything else by its kind. Never calls the value's own methods, never throws.
 */
export function show(v: unknown): string {
  switch (typeof v) {
    case "string":
      return quote(v);
    case "number":
    case "boolean":
      return String(v);
    case "bigint":
      return `the BigInt ${String(v).length > 40 ? `${String(v).slice(0, 40)}…` : String(v)}n`;
    case "undefined":
      return "nothing";
    case "object":
      return v === null ? "null" : Array.isArray(v) ? "a list" : isDate(v) ? "a date" : "an object";
    default:
      return `a ${typeof v}`;
  }
}

/**
 * Whether `v` is a Date, from this realm or another (a spreadsheet host's, a vm context's): the
 * brand check of `Date.prototype.getTime`, which a look-alike object fails.
 */
export function isDate(v: unknown): v is Date {
  if (v === null || typeof v !== "object") return false;
  try {
    Date.prototype.getTime.call(v);
    return true;
  } catch {
    return false;
  }
}
