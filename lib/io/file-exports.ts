import { groupBy } from '@/lib/domain/group-by';
import type { Backup, BackupContent } from './backup-schema';
import { stringifyCsv } from './csv';
import { neutralizeCsvCell, PEOPLE_CSV_COLUMNS, peopleCsvRows, type TieSummary } from './csv-export';
import { type PersonExport, personExportText } from './person-export';
import { serializeVCards, vcardContactsFromBackup } from './vcard';

// The export files other than the backup, made by the page that saves them (the options page) from the
// backup the worker hands over. The worker stays small (it runs for every message), and one read of the
// store gives all three formats the same consistent picture.

export interface ExportFile {
  text: string;
  filename: string;
  mimeType: 'application/json' | 'text/csv' | 'text/vcard' | 'text/plain';
  /** People in the file. */
  people: number;
  /** Rows the backup format would refuse on import (a store written by a bug); empty when all is well. */
  warnings: string[];
}

export const fileDay = (now: number) => new Date(now).toISOString().slice(0, 10);

type Store = Pick<BackupContent, 'people' | 'identities' | 'interactions' | 'notes'>;

/**
 * People as CSV (`ties`: each person's tie, computed by the caller so this module stays free of the tie
 * model; without it the tie columns are blank), built one person at a time with only that person's rows (peopleToCsv scans every identity
 * and interaction for each person, which is quadratic at 10,000 people).
 */
export function peopleCsvFile(store: Store, now: number, ties?: ReadonlyMap<string, TieSummary>): ExportFile {
  const byId = new Map(store.people.map((person) => [person.id, person]));
  const identitiesOf = groupBy(store.identities, (row) => row.personId);
  const interactionsOf = groupBy(store.interactions, (row) => row.personId);
  const rows = store.people.map((person) => {
    const introducer = person.introducedBy === null ? undefined : byId.get(person.introducedBy);
    const [row] = peopleCsvRows({
      people: introducer ? [person, introducer] : [person],
      identities: identitiesOf.get(person.id) ?? [],
      interactions: interactionsOf.get(person.id) ?? [],
      ties,
    });
    return row ?? [];
  });
  const cells = [[...PEOPLE_CSV_COLUMNS], ...rows].map((row) => row.map(neutralizeCsvCell));
  return {
    text: `\uFEFF${stringifyCsv(cells)}\r\n`,
    filename: `rapport-people-${fileDay(now)}.csv`,
    mimeType: 'text/csv',
    people: store.people.length,
    warnings: [],
  };
}

/** Contacts as vCard 4.0, one person at a time with their own rows. */
export function vcardFile(store: Store, now: number): ExportFile {
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
    filename: `rapport-contacts-${fileDay(now)}.vcf`,
    mimeType: 'text/vcard',
    people: store.people.length,
    warnings: [],
  };
}

/** One person's JSON export (from the worker) as plain text, for reading rather than keeping. */
export function personTextFile(json: ExportFile): ExportFile {
  const data = JSON.parse(json.text) as PersonExport;
  return {
    ...json,
    text: personExportText(data),
    filename: json.filename.replace(/\.json$/, '.txt'),
    mimeType: 'text/plain',
  };
}

/** The backup's JSON text, which the worker made from the store a moment ago, as data again. */
export function backupFromExport(file: ExportFile): Backup {
  return JSON.parse(file.text) as Backup;
}
