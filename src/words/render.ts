/**
 * Results in words, in Chinese or English: ratings as a clerk writes them (`8星`, `4星级`,
 * `较好`), facts and stars by their labels, fact changes as `label from→to`. Shared by tables,
 * explanations and the public notice.
 */
import type { Model } from "../compile/model.js";
import type { Bilingual, FactChange, NextLevel, NextStar, RatingResult } from "../evaluate/types.js";

/** The language of words people read: Chinese (the default) or English. */
export type Locale = "zh" | "en";

/** A bilingual label in the locale. */
export function say(label: Bilingual, locale: Locale): string {
  return locale === "zh" ? label.zh : label.en;
}

/** A rating value (star count, level or grade) in words: `8星`, `4星级`, `较好`; in English `8 stars`, `level 4`, `fairly good`. */
export function ratingWords(model: Model, value: number | string, locale: Locale): string {
  const r = model.source.rating;
  if (typeof value === "string") {
    const band = r.kind === "grades" ? r.bands.find((b) => b.grade === value) : undefined;
    return band ? say(band.label, locale) : value;
  }
  if (r.kind === "starCount") return locale === "zh" ? `${value}星` : `${value} star${value === 1 ? "" : "s"}`;
  return locale === "zh" ? `${value}星级` : `${value}-star level`;
}

/** A result's rating in words. */
export function ratingOf(model: Model, rating: RatingResult, locale: Locale): string {
  return ratingWords(model, rating.grade ?? rating.stars!, locale);
}

type Label = { readonly zh: string; readonly en: string };

/** The label of a fact, score or parameter (undefined when it has none). */
export function labelOf(model: Model, name: string): Label | undefined {
  const f = model.factById.get(name);
  if (f) return f.label;
  const own = <T>(o: Record<string, T> | undefined): T | undefined => (o && Object.prototype.hasOwnProperty.call(o, name) ? o[name] : undefined);
  const sc = own(model.source.scores as Record<string, { label?: Label }> | undefined);
  if (sc?.label) return sc.label;
  return own(model.source.parameters as Record<string, { label?: Label }> | undefined)?.label;
}

/** A fact's label (its id when the ruleset does not declare it). */
export function factWords(model: Model, id: string, locale: Locale): string {
  const f = model.factById.get(id);
  return f ? say(f.label, locale) : id;
}

/** A star's label. */
export function starWords(model: Model, id: string, locale: Locale): string {
  const s = model.stars.find((x) => x.id === id);
  return s ? say(s.label, locale) : id;
}

/** A veto item's label. */
export function vetoWords(model: Model, id: string, locale: Locale): string {
  const v = model.vetoById.get(id);
  return v ? say(v.label, locale) : id;
}

/** A value as people write it: true/false as 是/否 (yes/no), anything else as its text. */
export function valueWords(v: unknown, locale: Locale): string {
  if (typeof v === "boolean") return locale === "zh" ? (v ? "是" : "否") : v ? "yes" : "no";
  return String(v);
}

/** `组织生活量化考核得分 5.5→6.01，…` */
export function changesWords(model: Model, changes: readonly FactChange[], locale: Locale): string {
  return changes.map((c) => `${factWords(model, c.fact, locale)} ${valueWords(c.from, locale)}→${valueWords(c.to, locale)}`).join(locale === "zh" ? "，" : ", ");
}

/** Items joined as a list: `、` in Chinese, `, ` in English. */
export function listWords(items: readonly string[], locale: Locale): string {
  return items.join(locale === "zh" ? "、" : ", ");
}

/** What it takes to earn a star, in words: `组织观念星：组织生活量化考核得分 5.5→6.01`. */
export function nextStarWords(model: Model, n: NextStar, locale: Locale): string {
  const star = starWords(model, n.star, locale);
  const sep = locale === "zh" ? "：" : ": ";
  if (n.blockedBy?.length) return `${star}${sep}${locale === "zh" ? "被一票否决（" : "blocked by "}${listWords(n.blockedBy.map((v) => vetoWords(model, v, locale)), locale)}${locale === "zh" ? "）" : ""}`;
  if (n.unreachable) return `${star}${sep}${locale === "zh" ? "无法达到" : "unreachable"}`;
  return `${star}${sep}${changesWords(model, n.changes, locale)}${approximateWords(n, locale)}`;
}

/** After a change the search could not prove the fewest: `（未必是最少的改动）`, or "" for exact advice. */
export function approximateWords(n: NextStar | NextLevel, locale: Locale): string {
  if (!n.approximate) return "";
  return locale === "zh" ? "（未必是最少的改动）" : " (possibly not the fewest changes)";
}

/** What it takes to reach the next rating, in words: `升至9星：…`. */
export function nextLevelWords(model: Model, n: NextLevel, locale: Locale): string {
  const to = typeof n.to === "string" ? (locale === "zh" ? `“${ratingWords(model, n.to, locale)}”` : `"${ratingWords(model, n.to, locale)}"`) : ratingWords(model, n.to, locale);
  const head = locale === "zh" ? `升至${to}：` : `to ${to}: `;
  if (n.blockedBy?.length) return `${head}${locale === "zh" ? "被一票否决（" : "blocked by "}${listWords(n.blockedBy.map((v) => vetoWords(model, v, locale)), locale)}${locale === "zh" ? "）" : ""}`;
  if (n.unreachable) return `${head}${locale === "zh" ? "无法达到" : "unreachable"}`;
  return `${head}${changesWords(model, n.changes, locale)}${approximateWords(n, locale)}`;
}
