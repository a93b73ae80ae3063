import Dexie, { type IndexableType, type PromiseExtended, type Table } from 'dexie';

/**
 * `table.bulkGet(keys)`, without a request for each key the table does not hold. IndexedDB answers a
 * bulkGet one key at a time (about 70 µs each on the development machine), so planning an import of
 * 70,000 rows into an empty or small store spent seconds asking for rows that are not there. When the
 * table holds fewer rows than are asked for, its keys are read in one request and only those it has are
 * fetched. Chained on Dexie's own promises (no async function): inside a transaction, Dexie keeps its
 * context across those, and a read-only transaction awaiting anything else can commit under it.
 */
export function bulkGetPresent<T, K extends IndexableType>(
  table: Table<T, K>,
  keys: readonly K[],
): PromiseExtended<(T | undefined)[]> {
  if (keys.length === 0) return Dexie.Promise.resolve([]);
  return table.count().then((held) => {
    if (held === 0) return keys.map(() => undefined);
    if (held >= keys.length) return table.bulkGet([...keys]);
    return table
      .toCollection()
      .primaryKeys()
      .then((stored) => {
        const present = new Set(stored.map(keyText));
        const wanted = keys.filter((key) => present.has(keyText(key)));
        return table.bulkGet(wanted).then((rows) => {
          const byKey = new Map(wanted.map((key, index) => [keyText(key), rows[index]]));
          return keys.map((key) => byKey.get(keyText(key)));
        });
      });
  });
}

/** A key as text, for sets and maps: compound keys are arrays of strings here. */
const keyText = (key: unknown): string => (typeof key === 'string' ? key : JSON.stringify(key));
