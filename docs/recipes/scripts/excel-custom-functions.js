// Excel custom functions (an Office Add-in). Include dist/xingji.global.js before this file in
// the add-in's functions runtime (or, in a bundled project, `import { compile, rulesets } from "xingji"`).
// In a cell: =XINGJI.RATE("rushan/member", A1:N40, "2024-12-31")

const schemes = {};

/**
 * Rates every row of a range with a bundled xingji ruleset.
 * @customfunction RATE
 * @param {string} rulesetId The bundled ruleset, e.g. "rushan/member".
 * @param {any[][]} table The range, header row first.
 * @param {string} [asOf] Optional evaluation date, yyyy-MM-dd.
 * @returns {any[][]} A header row and one result row per input row (spills).
 */
function rate(rulesetId, table, asOf) {
  if (!Xingji.rulesets[rulesetId]) {
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `unknown ruleset ${rulesetId}`);
  }
  const scheme = schemes[rulesetId] || (schemes[rulesetId] = Xingji.compile(Xingji.rulesets[rulesetId]));
  // An omitted optional argument arrives as null, not undefined.
  return scheme.evaluateTable(table, asOf == null ? {} : { asOf });
}

CustomFunctions.associate("RATE", rate);
