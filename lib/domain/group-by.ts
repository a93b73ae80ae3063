/**
 * Rows grouped by key, in their original order within each group. `key` may give several keys (a link
 * belongs to both its ends); a row is added once per distinct key.
 */
export function groupBy<T>(
  rows: readonly T[],
  key: (row: T) => string | readonly string[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const keys = key(row);
    for (const k of typeof keys === 'string' ? [keys] : new Set(keys)) {
      const group = groups.get(k);
      if (group) group.push(row);
      else groups.set(k, [row]);
    }
  }
  return groups;
}
