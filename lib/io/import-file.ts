import { parseLinkedInConnections } from './linkedin-connections';
import type { LineProblem } from './problems';
import { parseVCards } from './vcard-import';
import { looksLikeXArchive, parseXArchive } from './x-archive';

// The options page reads an import file here, before anything reaches the worker: it names a file that is
// not what the user chose, and turns contact lists (LinkedIn's Connections.csv, vCards, X's tweets.js)
// into the few fields Rapport keeps, so the worker receives a small JSON list it validates with a schema
// (lib/io/import-payloads.ts) instead of carrying every format's parser. A Rapport backup goes as it is:
// it is the worker's own format. Only what Rapport keeps leaves the page: a vCard's phone numbers,
// e-mail addresses and birthdays never reach the worker.

export type ImportFileKind = 'backup' | 'linkedin' | 'vcard' | 'x';

export const IMPORT_FILE_MAX_CHARS = 50 * 1024 * 1024;

export type ReadImportFile = { ok: true; payload: string } | { ok: false; refused: string[] };

const KIND_NAMES: Record<ImportFileKind, string> = {
  backup: 'a Rapport backup (.json)',
  linkedin: "LinkedIn's Connections.csv",
  vcard: 'a vCard file (.vcf)',
  x: "X's archive (data/tweets.js)",
};

/** The file kind the text looks like, to name a wrong choice plainly. */
function looksLike(text: string): ImportFileKind | null {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return 'backup';
  if (/^BEGIN:VCARD/i.test(start)) return 'vcard';
  if (/^(notes:|first name,)/i.test(start)) return 'linkedin';
  if (looksLikeXArchive(start)) return 'x';
  return null;
}

const reasons = (problems: readonly LineProblem[]) =>
  problems.slice(0, 20).map((p) => (p.line > 0 ? `line ${p.line}: ${p.reason}` : p.reason));

/** What to send the worker for `text` chosen as `kind`, or why it cannot be imported. Never throws. */
export function readImportFile(kind: ImportFileKind, text: string, now: number): ReadImportFile {
  if (text.length > IMPORT_FILE_MAX_CHARS) {
    return {
      ok: false,
      refused: [
        `The file is larger than ${IMPORT_FILE_MAX_CHARS / 1024 / 1024} MB, the most Rapport imports.`,
      ],
    };
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') return { ok: false, refused: ['The file is empty.'] };
  const other = looksLike(text);
  if (other !== null && other !== kind) {
    return { ok: false, refused: [`This looks like ${KIND_NAMES[other]}, not ${KIND_NAMES[kind]}.`] };
  }
  if (kind === 'backup') return { ok: true, payload: text };
  if (kind === 'linkedin') {
    const { connections, problems } = parseLinkedInConnections(text);
    if (connections.length === 0) {
      return { ok: false, refused: ['No connections could be read from this file.', ...reasons(problems)] };
    }
    return { ok: true, payload: JSON.stringify({ connections, problems }) };
  }
  if (kind === 'vcard') {
    const { people, problems } = parseVCards(text);
    if (people.length === 0) {
      return { ok: false, refused: ['No contacts could be read from this file.', ...reasons(problems)] };
    }
    const contacts = people.map(({ name, identities, note, uid, line }) => ({
      name,
      identities,
      note,
      uid,
      line,
    }));
    return { ok: true, payload: JSON.stringify({ contacts, problems }) };
  }
  const { contacts, problems, refused } = parseXArchive(text, now);
  if (refused !== null) return { ok: false, refused: [`This file cannot be imported: ${refused}.`] };
  if (contacts.length === 0) {
    return {
      ok: false,
      refused: ['No one you replied to or mentioned was found in this file.', ...reasons(problems)],
    };
  }
  return { ok: true, payload: JSON.stringify({ contacts, problems }) };
}
