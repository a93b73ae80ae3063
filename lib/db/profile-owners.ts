import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type Middleware,
} from 'dexie';
import { type IdentityRow, identityKey } from './rows';

// Whose profile is this? Every page of the three sites a user opens asks the worker that first, and most
// profiles belong to nobody in Rapport. At 50,000 people an IndexedDB get of the identity took 0.7 ms at
// the median and 4.4 to 4.8 ms at p95 (issue #9 allows 2), so the worker keeps every profile's owner in
// memory: read once after it starts, then kept by a middleware that sees every write to `identities` and
// applies it when, and only when, its transaction commits.
//
// The copy answers only when it is exact: loaded, and no write to `identities` begun and not yet ended.
// A lookup then equals what a transaction begun at that moment would read (IndexedDB runs a transaction
// after every earlier one that writes the same store, and the copy holds every write that committed).
// Otherwise the caller reads the store, as before. A stopped worker loses the copy, never the data.

const IDENTITIES = 'identities';
/** Rows per read while loading, so the worker answers other messages between them. */
const LOAD_CHUNK = 5_000;
/** The load waits this long after the first lookup, so the read that asked goes first. */
export const LOAD_DELAY_MS = 500;

type Change = [key: string, personId: string | null] | 'everything';

export class ProfileOwners {
  private owners: Map<string, string> | null = null;
  private loadPlanned = false;
  /** Write transactions on identities begun and not yet ended. */
  private writing = 0;
  /** Commits that changed identities: a load during which one ends is dropped. */
  private commits = 0;
  private readonly changesOf = new WeakMap<object, Change[]>();

  constructor(private readonly db: Dexie) {}

  /**
   * The id of the person behind a profile, null for nobody, or undefined when only the store can say
   * (the copy is not loaded yet, or a write to identities is under way). The first call plans the load.
   */
  lookup(network: string, handle: string): string | null | undefined {
    if (!this.owners) {
      this.planLoad();
      return undefined;
    }
    return this.writing > 0 ? undefined : (this.owners.get(identityKey(network, handle)) ?? null);
  }

  /** Whether lookups are answered from memory (for tests and the benchmark). */
  get loaded(): boolean {
    return this.owners !== null;
  }

  /** Reads every identity now; resolves once the copy is in use, or dropped because a write ended. */
  async load(): Promise<void> {
    const commits = this.commits;
    const owners = new Map<string, string>();
    const table = this.db.table<IdentityRow, [string, string]>(IDENTITIES);
    let after: [string, string] | null = null;
    for (;;) {
      const from: [string, string] | null = after;
      // Outside any transaction the caller is in: the load is its own reads.
      const rows: IdentityRow[] = await Dexie.ignoreTransaction(() =>
        (from ? table.where(':id').above(from) : table.toCollection()).limit(LOAD_CHUNK).toArray(),
      );
      if (this.commits !== commits) return;
      for (const row of rows) owners.set(identityKey(row.network, row.handle), row.personId);
      const last = rows.at(-1);
      if (rows.length < LOAD_CHUNK || !last) break;
      after = [last.network, last.handle];
    }
    if (this.commits === commits && this.writing === 0) this.owners = owners;
  }

  private planLoad(): void {
    if (this.loadPlanned || this.writing > 0) return;
    this.loadPlanned = true;
    setTimeout(() => {
      this.load()
        // The store answers until a later load works.
        .catch(() => undefined)
        .finally(() => {
          this.loadPlanned = false;
        });
    }, LOAD_DELAY_MS);
  }

  private record(trans: object, req: DBCoreMutateRequest, res: DBCoreMutateResponse): void {
    const changes = this.changesOf.get(trans);
    if (!changes) return;
    if (req.type === 'deleteRange') changes.push('everything');
    else if (req.type === 'delete') {
      for (const [network, handle] of req.keys as [string, string][])
        changes.push([identityKey(network, handle), null]);
    } else {
      req.values.forEach((row: IdentityRow, index) => {
        if (!res.failures[index]) changes.push([identityKey(row.network, row.handle), row.personId]);
      });
    }
  }

  private end(trans: object, committed: boolean): void {
    this.writing--;
    const changes = this.changesOf.get(trans) ?? [];
    this.changesOf.delete(trans);
    if (!committed || changes.length === 0) return;
    this.commits++;
    for (const change of changes) {
      if (change === 'everything') this.owners = null;
      else if (change[1] === null) this.owners?.delete(change[0]);
      else this.owners?.set(change[0], change[1]);
    }
  }

  middleware(): Middleware<DBCore> {
    return {
      stack: 'dbcore',
      name: 'rapportProfileOwners',
      create: (down) => ({
        ...down,
        transaction: (stores, mode, options) => {
          const trans = down.transaction(stores, mode, options);
          if (mode === 'readwrite' && stores.includes(IDENTITIES)) {
            this.writing++;
            this.changesOf.set(trans, []);
            const target = trans as unknown as EventTarget;
            // Registered before Dexie's own handlers: the copy has the write before its promise settles.
            target.addEventListener('complete', () => this.end(trans, true));
            target.addEventListener('abort', () => this.end(trans, false));
          }
          return trans;
        },
        table: (name) => {
          const table = down.table(name);
          if (name !== IDENTITIES) return table;
          return {
            ...table,
            mutate: (req) =>
              table.mutate(req).then((res) => {
                this.record(req.trans, req, res);
                return res;
              }),
          };
        },
      }),
    };
  }
}
