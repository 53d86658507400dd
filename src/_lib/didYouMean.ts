/**
 * Edit distance counting an insertion, a deletion, a substitution or a swap of two neighbours as
 * one edit (optimal string alignment), case-insensitive. Used only on error paths.
 */
export function editDistance(a0: string, b0: string): number {
  const a = a0.toLowerCase(), b = b0.toLowerCase();
  if (a === b) return 0;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    rows[i]![0] = i;
  }
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The closest known name to `name`, if it is close enough to be a likely typo: about one edit
 * per three characters, and always fewer than half the characters (two-character words such as
 * 姓名 and 编号 are not typos of each other).
 */
export function closest(name: string, known: Iterable<string>): string | undefined {
  // A name this long is no typo of an identifier, and the distance would cost its square.
  if (name.length > 100) return undefined;
  let best: string | undefined;
  let bestDist = Infinity;
  for (const k of known) {
    // Lengths further apart than the limit allows cannot be close enough.
    const len = Math.max(name.length, k.length);
    if (Math.abs(name.length - k.length) > Math.max(1, Math.floor(len / 3))) continue;
    const d = editDistance(name, k);
    if (d < bestDist) {
      best = k;
      bestDist = d;
    }
  }
  if (best === undefined) return undefined;
  const len = Math.max(name.length, best.length);
  const limit = Math.min(Math.max(1, Math.floor(len / 3)), Math.ceil(len / 2) - 1);
  return bestDist <= limit ? best : undefined;
}

/** ` (did you mean "x"?)` or an empty string. */
export function didYouMean(name: string, known: Iterable<string>): string {
  const c = closest(name, known);
  return c === undefined ? "" : ` (did you mean "${c}"?)`;
}
