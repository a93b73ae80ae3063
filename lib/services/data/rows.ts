import type { RapportDatabase } from '@/lib/db/database';
import type { IdentityRow, InteractionRow, LinkRow, NoteRow, PersonRow } from '@/lib/db/rows';
import { identityFromV1, type PersonV1, personFromV1 } from '@/lib/db/upgrade-v2';
import type {
  BackupContent,
  BackupIdentity,
  BackupInteraction,
  BackupLink,
  BackupNote,
  BackupPerson,
  BackupPromptState,
} from '@/lib/io';
import { PromptStateSchema } from '@/lib/io';
import { toIdentity } from '../identities';
import { toInteraction } from '../interactions';

// Store rows ↔ backup rows. Fields are picked one by one, so a stray field on a stored row never reaches a
// file (the backup's schema is strict) and a file's row never carries one into the store.

export function toBackupPerson(row: PersonRow): BackupPerson {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    howWeMet: row.howWeMet,
    metAt: row.metAt,
    introducedBy: row.introducedBy,
    closeness: row.closeness,
    tieOverride: row.tieOverride,
    cadenceDays: row.cadenceDays,
    snoozedUntil: row.snoozedUntil,
    archived: row.archived,
    interests: [...row.interests],
    goals: [...row.goals],
    expertise: [...row.expertise],
    tools: [...row.tools],
  };
}

/** The backup keeps an identity exactly as the protocol shows it (the format is checked by its own schema). */
export const toBackupIdentity: (row: IdentityRow) => BackupIdentity = toIdentity;

export const toBackupNote = (row: NoteRow): BackupNote => ({
  id: row.id,
  personId: row.personId,
  text: row.text,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

export const toBackupInteraction: (row: InteractionRow) => BackupInteraction = toInteraction;

export const toBackupLink = (row: LinkRow): BackupLink => ({
  fromId: row.fromId,
  kind: row.kind,
  toId: row.toId,
  createdAt: row.createdAt,
});

/** A table as the store on disk has it, or null: an older store (read as it is) lacks later tables. */
function tableOnDisk(db: RapportDatabase, name: string) {
  return db.tables.find((table) => table.name === name) ?? null;
}

/**
 * The prompt answers table arrives with the popup (database version 3). Until then there is none; when it
 * exists its rows are exported and restored as the backup format describes them.
 */
export function promptStatesTable(db: RapportDatabase) {
  return tableOnDisk(db, 'promptStates');
}

export function toBackupPromptState(row: unknown): BackupPromptState | null {
  if (typeof row !== 'object' || row === null) return null;
  const { key, personId, status, until, updatedAt } = row as Record<string, unknown>;
  const parsed = PromptStateSchema.safeParse({ key, personId, status, until, updatedAt });
  return parsed.success ? parsed.data : null;
}

/**
 * After an upgrade failed, the store is exported as it is on disk (readAsIs), which may be version 1: its
 * rows are brought to the current shape in memory, as the upgrade would have, and its missing tables read
 * as empty. A person without a usable name (the kind of row that can make an upgrade throw) is kept, named
 * so that the file still imports.
 */
function asCurrentPerson(row: PersonRow | PersonV1): PersonRow {
  if ('interests' in row) return row;
  return personFromV1({ ...row, name: typeof row.name === 'string' && row.name ? row.name : '(no name)' });
}
const asCurrentIdentity = (row: IdentityRow): IdentityRow =>
  row.headlineHistory ? row : identityFromV1(row);
const rowsOf = (db: RapportDatabase, name: string): Promise<unknown[]> =>
  tableOnDisk(db, name)?.toArray() ?? Promise.resolve([]);

/** Everything in the store, as backup rows (settings are added by the caller). Call inside a transaction. */
export async function readStore(db: RapportDatabase): Promise<Omit<BackupContent, 'settings'>> {
  const [people, identities, notes, interactions, links, promptRows] = await Promise.all([
    db.people.toArray(),
    db.identities.toArray(),
    db.notes.toArray(),
    rowsOf(db, 'interactions') as Promise<InteractionRow[]>,
    rowsOf(db, 'links') as Promise<LinkRow[]>,
    promptStatesTable(db)?.toArray() ?? [],
  ]);
  return {
    people: people.map((row) => toBackupPerson(asCurrentPerson(row))),
    identities: identities.map((row) => toBackupIdentity(asCurrentIdentity(row))),
    notes: notes.map(toBackupNote),
    interactions: interactions.map(toBackupInteraction),
    links: links.map(toBackupLink),
    promptStates: promptRows.map(toBackupPromptState).filter((row) => row !== null),
  };
}

export interface StoreCounts {
  people: number;
  identities: number;
  notes: number;
  interactions: number;
  links: number;
}

export async function storeCounts(db: RapportDatabase): Promise<StoreCounts> {
  return db.transaction('r', db.allTables, async () => ({
    people: await db.people.count(),
    identities: await db.identities.count(),
    notes: await db.notes.count(),
    interactions: await db.interactions.count(),
    links: await db.links.count(),
  }));
}

/** One person's rows (the person counts 1, or 0 when unknown), for "delete Jane and her 3 notes?". */
export async function personCounts(db: RapportDatabase, personId: string): Promise<StoreCounts> {
  return db.transaction('r', db.allTables, async () => {
    const person = await db.people.get(personId);
    if (!person) return { people: 0, identities: 0, notes: 0, interactions: 0, links: 0 };
    const links = new Set<string>();
    for (const row of [
      ...(await db.links.where('fromId').equals(personId).toArray()),
      ...(await db.links.where('toId').equals(personId).toArray()),
    ])
      links.add(`${row.fromId}\u0000${row.kind}\u0000${row.toId}`);
    return {
      people: 1,
      identities: await db.identities.where('personId').equals(personId).count(),
      notes: await db.notes.where('personId').equals(personId).count(),
      interactions: await db.interactions
        .where('[personId+at]')
        .between([personId, -Infinity], [personId, Infinity])
        .count(),
      links: links.size,
    };
  });
}
