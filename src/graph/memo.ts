/**
 * `compute` remembered per key, for work a turn repeats with the same few keys (Intl formatters for
 * a time zone, one per `new Intl.DateTimeFormat` costing a tenth of a millisecond). The keys may come
 * from what users type, so it forgets everything once it holds `limit` of them.
 */
export function memo<V>(compute: (key: string) => V, limit = 500): (key: string) => V {
  const known = new Map<string, V>();
  return (key) => {
    const hit = known.get(key);
    if (hit !== undefined || known.has(key)) return hit as V;
    const value = compute(key);
    if (known.size >= limit) known.clear();
    known.set(key, value);
    return value;
  };
}
