import type { RapportDatabase } from '@/lib/db/database';
import { type BackupSettings, parseBackup, parseLinkedInConnections, parseVCards } from '@/lib/io';
import { looksLikeXArchive, parseXArchive } from '@/lib/io/x-archive';
import type { Clock } from '../clock';
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
// aborts the transaction: the store is exactly as it was.

export interface ImportRequest {
  kind: ImportKind;
  mode: ImportMode;
  text: string;
}

export const IMPORT_MAX_CHARS = 50 * 1024 * 1024;

/** The file kind the text looks like, to name a wrong choice plainly. */
function looksLike(text: string): ImportKind | null {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return 'backup';
  if (/^BEGIN:VCARD/i.test(start)) return 'vcard';
  if (/^(notes:|first name,)/i.test(start)) return 'linkedin';
  if (looksLikeXArchive(start)) return 'x';
  return null;
}

const KIND_NAMES: Record<ImportKind, string> = {
  backup: 'a Rapport backup (.json)',
  linkedin: "LinkedIn's Connections.csv",
  vcard: 'a vCard file (.vcf)',
  x: "X's archive (data/tweets.js)",
};

async function plan(db: RapportDatabase, request: ImportRequest, clock: Clock): Promise<ImportPlan> {
  const { kind, mode, text } = request;
  const base = emptyPlan(kind, kind === 'backup' ? mode : 'merge');
  if (text.length > IMPORT_MAX_CHARS) {
    return refuse(base, [
      `The file is larger than ${IMPORT_MAX_CHARS / 1024 / 1024} MB, the most Rapport imports.`,
    ]);
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') return refuse(base, ['The file is empty.']);
  const other = looksLike(text);
  if (other !== null && other !== kind) {
    return refuse(base, [`This looks like ${KIND_NAMES[other]}, not ${KIND_NAMES[kind]}.`]);
  }
  if (kind === 'x') {
    const parsed = parseXArchive(text, clock.now());
    if (parsed.refused !== null) return refuse(base, [`This file cannot be imported: ${parsed.refused}.`]);
    if (parsed.contacts.length === 0) {
      return refuse(base, [
        'No one you replied to or mentioned was found in this file.',
        ...parsed.problems.slice(0, 20).map((p) => p.reason),
      ]);
    }
    const result = await planXArchive(db, parsed.contacts, clock);
    addProblems(result, parsed.problems);
    return result;
  }
  if (kind === 'backup') {
    const parsed = parseBackup(text, { maxChars: IMPORT_MAX_CHARS });
    if (!parsed.ok) return refuse(base, parsed.errors);
    return planBackup(db, parsed.data, mode);
  }
  if (kind === 'linkedin') {
    const parsed = parseLinkedInConnections(text);
    if (parsed.connections.length === 0) {
      return refuse(base, [
        'No connections could be read from this file.',
        ...parsed.problems.slice(0, 20).map((p) => (p.line > 0 ? `line ${p.line}: ${p.reason}` : p.reason)),
      ]);
    }
    const result = await planConnections(db, parsed.connections, clock);
    addProblems(result, parsed.problems);
    return result;
  }
  const parsed = parseVCards(text);
  if (parsed.people.length === 0) {
    return refuse(base, [
      'No contacts could be read from this file.',
      ...parsed.problems.slice(0, 20).map((p) => (p.line > 0 ? `line ${p.line}: ${p.reason}` : p.reason)),
    ]);
  }
  const result = await planVCards(db, parsed.people, clock);
  addProblems(result, parsed.problems);
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
  return db.transaction('rw', db.tables, async () => {
    const result = await plan(db, request, clock);
    if (result.report.refused !== null) return { report: result.report, settings: null };
    if (result.clear) for (const table of db.tables) await table.clear();
    await db.people.bulkPut(result.people);
    await db.identities.bulkPut(result.identities);
    await db.notes.bulkPut(result.notes);
    await db.interactions.bulkPut(result.interactions);
    await db.links.bulkPut(result.links);
    const prompts = promptStatesTable(db);
    if (prompts && result.promptStates.length > 0) await prompts.bulkPut(result.promptStates);
    return { report: { ...result.report, applied: true }, settings: result.settings };
  });
}
