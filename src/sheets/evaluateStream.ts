import type { Model } from "../compile/model.js";
import { evaluateSubject } from "../evaluate/evaluate.js";
import type { EvaluateOptions, Result } from "../evaluate/types.js";

/** Options of `evaluateStream`. */
export interface StreamOptions {
  /** The evaluation date (ISO `yyyy-MM-dd`) for every subject. */
  readonly asOf?: string;
  /**
   * A stream cannot apply rules that need the whole cohort (quotas, last place). For a ruleset that
   * has them, say `"ignore"` to get each subject's result alone; without it the stream refuses.
   */
  readonly cohortRules?: "refuse" | "ignore";
}

/**
 * Evaluates subjects one by one as they arrive, in constant memory: nothing is kept between
 * subjects. Accepts async or sync iterables; yields one result per subject, in order.
 *
 * @throws TypeError when the ruleset has cohort rules and `cohortRules: "ignore"` is not given.
 */
export async function* evaluateStream(model: Model, subjects: AsyncIterable<unknown> | Iterable<unknown>, options: StreamOptions = {}): AsyncGenerator<Result, void, undefined> {
  const c = model.cohort;
  if (c && (c.quotas.length || c.lastPlace.length) && options.cohortRules !== "ignore") {
    throw new TypeError(
      `ruleset "${model.id}" has cohort rules (${[...c.quotas.map((q) => `quota.${q.id}`), ...c.lastPlace.map((l) => `lastPlace.${l.fact.id}`)].join(", ")}) that a stream cannot apply; use evaluateCohort, or pass { cohortRules: "ignore" } for each subject's result alone`,
    );
  }
  const opts: EvaluateOptions | undefined = options.asOf === undefined ? undefined : { asOf: options.asOf };
  for await (const subject of subjects as AsyncIterable<unknown>) {
    const s = subject as { history?: unknown } | null;
    yield evaluateSubject(model, subject, s && typeof s === "object" && s.history !== undefined ? { ...opts, history: s.history as unknown[] } : opts);
  }
}
