import type { RapportDatabase } from '@/lib/db/database';
import {
  BackupSchema,
  type BackupSettings,
  createBackup,
  type ExportFile,
  exportPerson,
  fileDay,
  serializeBackup,
  serializePersonExport,
} from '@/lib/io';
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
// store in one read transaction, so the file is a consistent picture even while the sidebar writes. The
// worker makes only the JSON files; the options page turns them into CSV, vCard and plain text
// (lib/io/file-exports.ts), so those formats add nothing to the worker.

export type { ExportFile } from '@/lib/io';

/** The whole store and the settings as a JSON backup. */
export async function exportData(
  db: RapportDatabase,
  settings: BackupSettings,
  now: number,
): Promise<ExportFile> {
  const store = await db.transaction('r', db.tables, () => readStore(db));
  const backup = createBackup({ ...store, settings }, now);
  // A backup the importer would refuse is worse than none: say so now, while the store can still be fixed.
  const checked = BackupSchema.safeParse(backup);
  const warnings = checked.success ? [] : capErrors(formatIssues(checked.error.issues, backup), 20);
  return {
    text: serializeBackup(backup),
    filename: `rapport-backup-${fileDay(now)}.json`,
    mimeType: 'application/json',
    people: store.people.length,
    warnings,
  };
}

/** Everything about one person (for "what do you keep about me?"), as JSON. */
export async function exportPersonData(
  db: RapportDatabase,
  input: { personId: string },
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
  return {
    text: serializePersonExport(data),
    filename: `rapport-${slug}-${fileDay(now)}.json`,
    mimeType: 'application/json',
    people: 1,
    warnings: [],
  };
}
