/**
 * Bounded memo tables: the caches a scheme keeps (interned results, texts, advice, shared traces)
 * start over when they reach their limit, so a city's distinct values never grow them without end.
 */

/** Sets `key` to `value` in `map`, emptying the map first when it holds `limit` entries; returns `value`. */
export function remember<K, V>(map: Map<K, V>, key: K, value: V, limit: number): V {
  if (map.size >= limit) map.clear();
  map.set(key, value);
  return value;
}
