/**
 * The model behind each scheme `compile` returned, for the faces that work on schemes (compare,
 * fixtures, coverage) without importing the facade itself.
 */
import type { Model } from "../compile/model.js";

const models = new WeakMap<object, Model>();

/** Records the model of a scheme (the facade does, once per scheme). */
export function registerModel(scheme: object, model: Model): void {
  models.set(scheme, model);
}

/** The compiled model of a scheme `compile` returned; a `TypeError` for anything else. */
export function modelOf(scheme: unknown): Model {
  const m = scheme !== null && typeof scheme === "object" ? models.get(scheme) : undefined;
  if (!m) throw new TypeError("expected a scheme that compile() returned");
  return m;
}
