/** A value quoted for a message, cut to about `max` characters so a huge input never floods it. */
export function quote(s: string, max = 80): string {
  return s.length <= max ? JSON.stringify(s) : `${JSON.stringify(s.slice(0, max))}… (${s.length} characters)`;
}

/** A text cut to about `max` characters (for showing an expression inside a message). */
export function cut(s: string, max = 80): string {
  return s.length <= max ? s : `${s.slice(0, max)}… (${s.length} characters)`;
}
