import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';

// Keeps the popup's per-person digests honest without trusting every writer to remember them: a DBCore
// middleware that, in the same transaction as any write to a table a digest is built from, records which
// people the write touched (before and after: a row moved from A to B touches both) in `digestQueue`.
// A write that commits has queued its people; one that aborts queued nothing. Whoever reads digests drains
// the queue first (lib/services/digests.ts), so a stopped worker or a writer added later (an import) never
// leaves a digest stale.

export const DIGEST_QUEUE = 'digestQueue';
// promptStates: a prompt done, dismissed or snoozed changes the popup's answer (lib/services/popup-cache.ts),
// which is only reused while nothing is queued.
const SOURCES = new Set(['people', 'identities', 'notes', 'interactions', 'links', 'promptStates']);

/** The people a row of `table` is about: whose digests a write of it changes. */
export function personIdsOf(table: string, row: unknown): string[] {
  if (typeof row !== 'object' || row === null) return [];
  const r = row as Record<string, unknown>;
  const ids = table === 'people' ? [r.id] : table === 'links' ? [r.fromId, r.toId] : [r.personId];
  return ids.filter((id): id is string => typeof id === 'string');
}

function hasStore(trans: DBCoreTransaction, name: string): boolean {
  const names = (trans as unknown as { objectStoreNames?: DOMStringList }).objectStoreNames;
  return names?.contains(name) ?? false;
}

/** Places its read request at once (synchronously), so it runs before the write placed after it. */
function oldRows(table: DBCoreTable, req: DBCoreMutateRequest): Promise<unknown[]> {
  if (req.type === 'deleteRange') {
    return table
      .query({ trans: req.trans, query: { index: table.schema.primaryKey, range: req.range }, values: true })
      .then((found) => found.result);
  }
  const keys: unknown[] = [];
  if (req.type === 'delete') keys.push(...req.keys);
  else if (req.type === 'put') {
    if (req.keys) keys.push(...req.keys);
    else {
      const extract = table.schema.primaryKey.extractKey;
      if (extract) for (const value of req.values) keys.push(extract(value));
    }
    if (req.updates) keys.push(...req.updates.keys);
  }
  const usable = keys.filter((key) => key !== undefined);
  if (usable.length === 0) return Promise.resolve([]);
  return table.getMany({ trans: req.trans, keys: usable });
}

/**
 * Transactions whose writer queues the people it touches itself, because it has already read every row it
 * replaces: an import plans against the store inside its own transaction. The middleware then neither
 * reads those rows again nor queues, so writing N rows costs N requests instead of up to three times that.
 */
const queuedByWriter = new WeakSet<object>();

/** Marks `trans` (a Dexie transaction's `idbtrans`): its writer puts every person it touches in the queue. */
export function writerQueuesPeople(trans: object): void {
  queuedByWriter.add(trans);
}

/** Notified after a read-write transaction that queued people has committed (the badge follows). */
export type CommitListener = () => void;

export function digestQueueMiddleware(onCommit: CommitListener): Middleware<DBCore> {
  const queued = new WeakSet<object>();
  return {
    stack: 'dbcore',
    name: 'rapportDigestQueue',
    // Right above IndexedDB, below Dexie's own layers (hooks, cache), which rely on their transaction
    // context and would lose it in this layer's promise callbacks.
    level: -1,
    create(down: DBCore): DBCore {
      const known = down.schema.tables.some((table) => table.name === DIGEST_QUEUE);
      return {
        ...down,
        transaction(stores, mode, options) {
          const scope =
            known &&
            mode === 'readwrite' &&
            stores.some((s) => SOURCES.has(s)) &&
            !stores.includes(DIGEST_QUEUE)
              ? [...stores, DIGEST_QUEUE]
              : stores;
          const trans = down.transaction(scope, mode, options);
          if (mode === 'readwrite') {
            const target = trans as unknown as EventTarget;
            target.addEventListener?.('complete', () => {
              if (queued.has(trans)) onCommit();
            });
          }
          return trans;
        },
        table(name) {
          const table = down.table(name);
          if (!SOURCES.has(name)) return table;
          return {
            ...table,
            mutate(req) {
              if (!hasStore(req.trans, DIGEST_QUEUE)) return table.mutate(req);
              if (queuedByWriter.has(req.trans)) {
                queued.add(req.trans);
                return table.mutate(req);
              }
              // Both requests are placed now, in this order: IndexedDB runs a transaction's requests in
              // order, so the read sees the rows as they were before the write. (No await before calling
              // down: Dexie's layers above keep their transaction context only within the same tick.)
              const before = oldRows(table, req);
              const written = table.mutate(req);
              return Promise.all([before, written]).then(([rows, result]) => {
                const ids = new Set<string>();
                for (const row of rows) for (const id of personIdsOf(name, row)) ids.add(id);
                if (req.type === 'add' || req.type === 'put') {
                  for (const row of req.values) for (const id of personIdsOf(name, row)) ids.add(id);
                }
                if (req.type === 'put' && req.updates) {
                  for (const spec of req.updates.changeSpecs)
                    for (const id of personIdsOf(name, spec)) ids.add(id);
                }
                if (req.type === 'put' && req.changeSpec) {
                  for (const id of personIdsOf(name, req.changeSpec)) ids.add(id);
                }
                if (ids.size === 0) return result;
                queued.add(req.trans);
                return down
                  .table(DIGEST_QUEUE)
                  .mutate({
                    type: 'put',
                    trans: req.trans,
                    values: [...ids].map((personId) => ({ personId })),
                  })
                  .then(() => result);
              });
            },
          };
        },
      };
    },
  };
}
