// Google Apps Script: paste dist/xingji.global.js into one script file (it defines Xingji),
// and this into another. In a cell: =XINGJI("rushan/member", A1:N40, "2024-12-31")

var XINGJI_SCHEMES_ = {};

/**
 * Rates every row of a range with a bundled xingji ruleset: a header row of fact ids or their
 * Chinese labels (and id / 编号), one row per member or organization.
 *
 * @param {string} rulesetId The bundled ruleset, e.g. "rushan/member".
 * @param {Array<Array<*>>} table The range, header row first.
 * @param {string|Date} asOf Optional evaluation date.
 * @return {Array<Array<*>>} A header row and one result row per input row.
 * @customfunction
 */
function XINGJI(rulesetId, table, asOf) {
  if (!Xingji.rulesets[rulesetId]) {
    throw new Error("unknown ruleset " + rulesetId + "; bundled: " + Object.keys(Xingji.rulesets).join(", "));
  }
  // Compile once per ruleset and keep it for the next recalculation.
  var scheme = XINGJI_SCHEMES_[rulesetId] || (XINGJI_SCHEMES_[rulesetId] = Xingji.compile(Xingji.rulesets[rulesetId]));
  // A date cell arrives as a Date: format it in the spreadsheet's time zone.
  var date = asOf instanceof Date ? Utilities.formatDate(asOf, Session.getScriptTimeZone(), "yyyy-MM-dd") : asOf || undefined;
  return scheme.evaluateTable(table, date ? { asOf: date } : {});
}
