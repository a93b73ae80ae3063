import Dexie from 'dexie';
import type { RapportDatabase } from './database';

// When the database cannot be opened because an upgrade threw (a bug, a full disk), the data is intact:
// IndexedDB aborts the versionchange transaction, so the store stays at its old version. Dexie then answers
// every later request with DatabaseClosedError (or OpenFailedError) wrapping the cause (`inner`), and does
// not retry until the worker restarts. These two helpers tell the user so and still let them export.
// (A store written by a newer version is not a failure: Dexie 4 opens it at the version on disk.)

/** The user-facing text for an open failure, or null for any other error (quota, a closed connection). */
export function openFailureMessage(error: unknown): string | null {
  if (!(error instanceof Dexie.DexieError) || !/^(?:DatabaseClosed|OpenFailed)Error$/.test(error.name))
    return null;
  // Closed on purpose (no cause, or a closed connection as the cause) is not a failed open.
  const inner = (error as { inner?: unknown }).inner;
  if (!(inner instanceof Error) || inner.name === 'DatabaseClosedError') return null;
  return (
    `Rapport could not open its database (upgrading it for this version of Rapport failed: ${inner.name}: ` +
    `${inner.message}). Nothing was changed or lost: your data is kept as it was. You can still export a ` +
    `backup from Rapport's options page.`
  );
}

/**
 * Runs `read` on the store. If the database cannot be opened, reads the store as it is on disk instead:
 * opened with no declared version, so IndexedDB opens it at its current version and nothing upgrades it.
 * Only reading is meant: this copy has no middleware, and its tables are the ones on disk (a version-2
 * store has no prompt states, which readers treat as optional).
 */
export async function readAsIs<T>(
  db: RapportDatabase,
  read: (db: RapportDatabase) => Promise<T>,
): Promise<T> {
  if (!db.hasFailed()) {
    try {
      await db.open();
      return await read(db);
    } catch (error) {
      if (!db.hasFailed()) throw error;
    }
  }
  const asIs = new Dexie(db.name);
  await asIs.open();
  try {
    const named = asIs as unknown as Record<string, unknown>;
    for (const table of asIs.tables) named[table.name] = table;
    return await read(asIs as unknown as RapportDatabase);
  } finally {
    asIs.close();
  }
}
