/**
 * A map of at most `maxEntries` values, the least recently used dropped first. For values derived
 * from a database row that are costly to derive (opened secrets, parsed keys): each entry remembers
 * the `source` it was derived from, and a lookup with any other source derives again, so a changed
 * row is never served from the cache.
 */
export interface BoundedCache<V> {
  /** The value derived from `source` under `key`, deriving (and keeping) it unless the kept one came from the same source. */
  get(key: string, source: string, derive: () => V): V;
  readonly size: number;
}

export function boundedCache<V>(options: { maxEntries: number }): BoundedCache<V> {
  const entries = new Map<string, { source: string; value: V }>();
  return {
    get(key, source, derive) {
      const kept = entries.get(key);
      entries.delete(key);
      const entry = kept && kept.source === source ? kept : { source, value: derive() };
      // Re-inserted last: a Map iterates in insertion order, so the first key is the least recently used.
      entries.set(key, entry);
      if (entries.size > options.maxEntries) entries.delete(entries.keys().next().value!);
      return entry.value;
    },
    get size() {
      return entries.size;
    },
  };
}
