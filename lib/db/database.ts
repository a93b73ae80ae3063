import Dexie, { type Table } from 'dexie';
import type { IdentityRow, InteractionRow, LinkRow, NoteRow, PersonRow } from './rows';
import { upgradeToV2 } from './upgrade-v2';

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
  interactions!: Table<InteractionRow, string>;
  links!: Table<LinkRow, [string, string, string]>;

  constructor(name: string = DEFAULT_DATABASE_NAME) {
    super(name);
    // Released: never edit.
    this.version(1).stores({
      people: 'id',
      identities: '[network+handle], personId',
      notes: 'id, personId',
    });
    // nameWords: "link this profile to an existing person" (prefix of any word of the name);
    // tagKeys: "who has expertise in X"; [personId+at]: one person's log, newest first;
    // links by either end: who among the user's ties knows someone.
    this.version(2)
      .stores({
        people: 'id, *nameWords, *tagKeys',
        interactions: 'id, [personId+at]',
        links: '[fromId+kind+toId], fromId, toId',
      })
      .upgrade(upgradeToV2);
  }

  /** Every table, for transactions that span the whole store (delete, merge). */
  get allTables() {
    return [this.people, this.identities, this.notes, this.interactions, this.links];
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
