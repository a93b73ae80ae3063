import type { RapportDatabase } from '@/lib/db/database';
import {
  type BackupContent,
  BackupSchema,
  type BackupSettings,
  createBackup,
  exportPerson,
  neutralizeCsvCell,
  PEOPLE_CSV_COLUMNS,
  peopleCsvRows,
  personExportText,
  serializeBackup,
  serializePersonExport,
  serializeVCards,
  vcardContactsFromBackup,
} from '@/lib/io';
import { stringifyCsv } from '@/lib/io/csv';
import { capErrors, formatIssues } from '@/lib/io/problems';
import { notFound } from '../errors';
import {
  promptStatesTable,
  readStore,
  toBackupIdentity,
  toBackupInteraction,
  toBackupLink,
  toBackupNote,
  toBackupPerson,
  toBackupPromptState,
} from './rows';

// The user's data out of the extension, as text the options page saves as a file. Each export reads the
// store in one read transaction, so the file is a consistent picture even while the sidebar writes.

export interface ExportFile {
  text: string;
  filename: string;
  mimeType: 'application/json' | 'text/csv' | 'text/vcard' | 'text/plain';
  /** People in the file. */
  people: number;
  /** Rows the backup format would refuse on import (a store written by a bug); empty when all is well. */
  warnings: string[];
}

export type ExportKind = 'backup' | 'csv' | 'vcard';

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/**
 * peopleToCsv's file, built one person at a time with only that person's rows (the io helper scans every
 * identity and interaction for each person, which is quadratic at 10,000 people).
 */
function peopleCsv(store: Pick<BackupContent, 'people' | 'identities' | 'interactions'>): string {
  const byId = new Map(store.people.map((person) => [person.id, person]));
  const identitiesOf = groupBy(store.identities, (row) => row.personId);
  const interactionsOf = groupBy(store.interactions, (row) => row.personId);
  const rows = store.people.map((person) => {
    const introducer = person.introducedBy === null ? undefined : byId.get(person.introducedBy);
    const [row] = peopleCsvRows({
      people: introducer ? [person, introducer] : [person],
      identities: identitiesOf.get(person.id) ?? [],
      interactions: interactionsOf.get(person.id) ?? [],
    });
    return row ?? [];
  });
  const cells = [[...PEOPLE_CSV_COLUMNS], ...rows].map((row) => row.map(neutralizeCsvCell));
  return `\uFEFF${stringifyCsv(cells)}\r\n`;
}

const day = (now: number) => new Date(now).toISOString().slice(0, 10);

export async function exportData(
  db: RapportDatabase,
  kind: ExportKind,
  settings: BackupSettings,
  now: number,
): Promise<ExportFile> {
  const store = await db.transaction('r', db.tables, () => readStore(db));
  if (kind === 'csv') {
    return {
      text: peopleCsv(store),
      filename: `rapport-people-${day(now)}.csv`,
      mimeType: 'text/csv',
      people: store.people.length,
      warnings: [],
    };
  }
  if (kind === 'vcard') {
    // One person at a time with their own rows: the io helper scans every row per person.
    const identitiesOf = groupBy(store.identities, (row) => row.personId);
    const notesOf = groupBy(store.notes, (row) => row.personId);
    return {
      text: serializeVCards(
        store.people.flatMap((person) =>
          vcardContactsFromBackup({
            people: [person],
            identities: identitiesOf.get(person.id) ?? [],
            notes: notesOf.get(person.id) ?? [],
          }),
        ),
      ),
      filename: `rapport-contacts-${day(now)}.vcf`,
      mimeType: 'text/vcard',
      people: store.people.length,
      warnings: [],
    };
  }
  const backup = createBackup({ ...store, settings }, now);
  // A backup the importer would refuse is worse than none: say so now, while the store can still be fixed.
  const checked = BackupSchema.safeParse(backup);
  const warnings = checked.success ? [] : capErrors(formatIssues(checked.error.issues, backup), 20);
  return {
    text: serializeBackup(backup),
    filename: `rapport-backup-${day(now)}.json`,
    mimeType: 'application/json',
    people: store.people.length,
    warnings,
  };
}

/** Everything about one person (for "what do you keep about me?"), as JSON or plain text. */
export async function exportPersonData(
  db: RapportDatabase,
  input: { personId: string; format: 'json' | 'text' },
  now: number,
): Promise<ExportFile> {
  const { personId } = input;
  const store = await db.transaction('r', db.tables, async () => {
    const person = await db.people.get(personId);
    if (!person) throw notFound('Person', personId);
    const links = [
      ...(await db.links.where('fromId').equals(personId).toArray()),
      ...(await db.links.where('toId').equals(personId).toArray()),
    ];
    const others = await db.people.bulkGet(links.map((l) => (l.fromId === personId ? l.toId : l.fromId)));
    const prompts = promptStatesTable(db);
    return {
      people: [person, ...others.filter((row) => row !== undefined)].map(toBackupPerson),
      identities: (await db.identities.where('personId').equals(personId).toArray()).map(toBackupIdentity),
      notes: (await db.notes.where('personId').equals(personId).toArray()).map(toBackupNote),
      interactions: (
        await db.interactions
          .where('[personId+at]')
          .between([personId, -Infinity], [personId, Infinity])
          .toArray()
      ).map(toBackupInteraction),
      links: links.map(toBackupLink),
      promptStates: prompts
        ? (await prompts.toArray()).map(toBackupPromptState).filter((row) => row?.personId === personId)
        : [],
    };
  });
  const data = exportPerson(
    { ...store, promptStates: store.promptStates.filter((row) => row !== null) },
    personId,
    now,
  );
  if (!data) throw notFound('Person', personId);
  const slug =
    data.person.name
      .normalize('NFKD')
      .replace(/[^\w-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .toLowerCase() || 'person';
  const json = input.format === 'json';
  return {
    text: json ? serializePersonExport(data) : personExportText(data),
    filename: `rapport-${slug}-${day(now)}.${json ? 'json' : 'txt'}`,
    mimeType: json ? 'application/json' : 'text/plain',
    people: 1,
    warnings: [],
  };
}
