import Dexie, { type Table } from 'dexie';
import { type CommitListener, digestQueueMiddleware } from './digest-queue';
import { ProfileOwners } from './profile-owners';
import type {
  DigestQueueRow,
  DigestRow,
  IdentityRow,
  InteractionRow,
  LinkRow,
  NoteRow,
  PersonRow,
  PopupCacheRow,
  PromptStateRow,
  SearchRow,
} from './rows';
import { upgradeToV2 } from './upgrade-v2';
import { upgradeToV3 } from './upgrade-v3';

export const DEFAULT_DATABASE_NAME = 'rapport';

/** One of the store's tables, for code outside lib/db that is handed a table (dexie stays in lib/db). */
export type StoreTable<T, K = string> = Table<T, K>;

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
  promptStates!: Table<PromptStateRow, string>;
  digests!: Table<DigestRow, string>;
  searchRows!: Table<SearchRow, string>;
  digestQueue!: Table<DigestQueueRow, string>;
  popupCache!: Table<PopupCacheRow, string>;
  private readonly commitListeners = new Set<CommitListener>();
  /** Whose each profile is, kept in memory (profile-owners.ts). */
  readonly owners: ProfileOwners = new ProfileOwners(this);

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
    // The toolbar popup: what the user did with each prompt (by person, so a person's states go with
    // them); a small digest and a search row per person, rebuilt from digestQueue, which a middleware
    // fills in the same transaction as any write to the tables they are built from (digest-queue.ts).
    this.version(3)
      .stores({
        promptStates: 'key, personId',
        digests: 'personId',
        searchRows: 'personId',
        digestQueue: 'personId',
      })
      .upgrade(upgradeToV3);
    // The popup's answer as last computed (lib/services/popup-cache.ts), so opening the popup reads one row
    // instead of every digest. A new table only: no existing row changes, so there is nothing to upgrade.
    this.version(4).stores({ popupCache: 'key' });
    this.use(this.owners.middleware());
    this.use(
      digestQueueMiddleware(() => {
        for (const listener of this.commitListeners) listener();
      }),
    );
  }

  /** Called after each committed write that changed what digests are built from; returns an unsubscribe. */
  onDataChange(listener: CommitListener): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
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
