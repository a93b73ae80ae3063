import Dexie, { type Table } from 'dexie';
import type { IdentityRow, NoteRow, PersonRow } from './rows';

export const DEFAULT_DATABASE_NAME = 'rapport';

/**
 * The store, opened only by the background worker (a content script's IndexedDB is the site's own).
 * Released versions are never edited: a change is a new `version(n + 1)` with its upgrade, tested from a
 * fixture of the version before it. Only queried fields are indexed.
 */
export class RapportDatabase extends Dexie {
  people!: Table<PersonRow, string>;
  identities!: Table<IdentityRow, [string, string]>;
  notes!: Table<NoteRow, string>;

  constructor(name: string = DEFAULT_DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      people: 'id',
      identities: '[network+handle], personId',
      notes: 'id, personId',
    });
  }
}

/** Quota, a blocked upgrade or a closed database: the user must hear that a write did not happen. */
export function isStorageError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    error instanceof Dexie.DexieError ||
    error.name === 'QuotaExceededError' ||
    error.name === 'InvalidStateError' ||
    error.name === 'UnknownError'
  );
}
