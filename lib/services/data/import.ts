import type { z } from 'zod/mini';
import type { RapportDatabase } from '@/lib/db/database';
import { personIdsOf, writerQueuesPeople } from '@/lib/db/digest-queue';
import { type BackupSettings, parseBackup, safeJsonParse } from '@/lib/io';
import { ConnectionsPayload, VCardPayload, XArchivePayload } from '@/lib/io/import-payloads';
import { capErrors, formatIssues } from '@/lib/io/problems';
import type { Clock } from '../clock';
import { clearAllTables } from '../popup-cache';
import {
  addProblems,
  emptyPlan,
  type ImportKind,
  type ImportMode,
  type ImportPlan,
  type ImportReport,
  refuse,
} from './import-types';
import { planBackup } from './plan-backup';
import { planConnections, planVCards } from './plan-contacts';
import { planXArchive } from './plan-x-archive';
import { promptStatesTable } from './rows';

// Import is two steps with the same code: preview (what would change, read-only) and apply (one
// read-write transaction over every table). The plan is computed again inside the apply transaction, so
// what is written matches the store as it is then, and any failure (a refused file, a quota error, a bug)
// aborts the transaction: the store is exactly as it was. A backup's plan has read every stored row it
// overwrites, so the apply step queues the people the import touches for their digests itself, and the
// database's middleware does not read those rows a second time (lib/db/digest-queue.ts).

export interface ImportRequest {
  kind: ImportKind;
  mode: ImportMode;
  /**
   * A backup's own text; for a contact list, what the options page read from the file: a JSON list of
   * the fields Rapport keeps (lib/io/import-file.ts), checked here against its schema.
   */
  text: string;
}

export const IMPORT_MAX_CHARS = 50 * 1024 * 1024;

const PAYLOADS = { linkedin: ConnectionsPayload, vcard: VCardPayload, x: XArchivePayload } as const;

/** A contact list as the page sent it, checked; or why it cannot be used. */
function readPayload<K extends keyof typeof PAYLOADS>(kind: K, text: string) {
  const json = safeJsonParse(text, { maxChars: IMPORT_MAX_CHARS, maxDepth: 16, maxStringChars: 100_000 });
  if (!json.ok) return { ok: false as const, errors: json.errors };
  const parsed = PAYLOADS[kind].safeParse(json.value);
  if (!parsed.success) {
    return { ok: false as const, errors: capErrors(formatIssues(parsed.error.issues, json.value)) };
  }
  return { ok: true as const, data: parsed.data as z.infer<(typeof PAYLOADS)[K]> };
}

async function plan(db: RapportDatabase, request: ImportRequest, clock: Clock): Promise<ImportPlan> {
  const { kind, mode, text } = request;
  const base = emptyPlan(kind, kind === 'backup' ? mode : 'merge');
  if (text.length > IMPORT_MAX_CHARS) {
    return refuse(base, [
      `The file is larger than ${IMPORT_MAX_CHARS / 1024 / 1024} MB, the most Rapport imports.`,
    ]);
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') return refuse(base, ['The file is empty.']);
  if (kind === 'backup') {
    const parsed = parseBackup(text, { maxChars: IMPORT_MAX_CHARS });
    if (!parsed.ok) return refuse(base, parsed.errors);
    return planBackup(db, parsed.data, mode);
  }
  const payload = readPayload(kind, text);
  if (!payload.ok)
    return refuse(base, ['The file as read by the options page is not usable:', ...payload.errors]);
  const result =
    kind === 'linkedin'
      ? await planConnections(db, (payload.data as z.infer<typeof ConnectionsPayload>).connections, clock)
      : kind === 'vcard'
        ? await planVCards(db, (payload.data as z.infer<typeof VCardPayload>).contacts, clock)
        : await planXArchive(db, (payload.data as z.infer<typeof XArchivePayload>).contacts, clock);
  addProblems(result, payload.data.problems);
  return result;
}

/** What an import would do, without writing anything. */
export async function previewImport(
  db: RapportDatabase,
  request: ImportRequest,
  clock: Clock,
): Promise<ImportReport> {
  const result = await db.transaction('r', db.tables, () => plan(db, request, clock));
  return result.report;
}

/** What apply needs of a table: its name (for the digest queue) and a bulk write. */
interface Writable {
  name: string;
  bulkPut(rows: readonly object[]): Promise<unknown>;
}

export interface AppliedImport {
  report: ImportReport;
  /** Settings from a replaced backup, for the caller to restore (they live outside the database). */
  settings: BackupSettings | null;
}

/** Applies an import in one transaction over every table: all of it, or (refused or failed) nothing. */
export async function applyImport(
  db: RapportDatabase,
  request: ImportRequest,
  clock: Clock,
): Promise<AppliedImport> {
  return db.transaction('rw', db.tables, async (transaction) => {
    const result = await plan(db, request, clock);
    if (result.report.refused !== null) return { report: result.report, settings: null };
    // The people whose digests the import changes: the stored rows' (from the plan) and the written rows'.
    const touched = result.previousOwners && new Set(result.previousOwners);
    if (touched) writerQueuesPeople(transaction.idbtrans);
    if (result.clear) await clearAllTables(db);
    const prompts = promptStatesTable(db);
    const writes: [Writable, readonly object[]][] = [
      [db.people, result.people],
      [db.identities, result.identities],
      [db.notes, result.notes],
      [db.interactions, result.interactions],
      [db.links, result.links],
      ...(prompts ? [[prompts, result.promptStates] as [Writable, readonly object[]]] : []),
    ];
    for (const [table, rows] of writes) {
      if (rows.length === 0) continue;
      await table.bulkPut(rows);
      if (touched) for (const row of rows) for (const id of personIdsOf(table.name, row)) touched.add(id);
    }
    if (touched && touched.size > 0)
      await db.digestQueue.bulkPut([...touched].map((personId) => ({ personId })));
    return { report: { ...result.report, applied: true }, settings: result.settings };
  });
}
