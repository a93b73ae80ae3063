import { z } from 'zod/mini';
import { IdSchema } from './schemas';

// Issue 8: the user's data in and out (options page). Files cross the message boundary as text, so they
// are bounded like everything else: an imported file arrives in chunks of at most FILE_CHUNK_CHARS (no
// single string is unbounded) and at most IMPORT_MAX_CHARS in all, and a file over the limit is refused
// with a sentence that says so.

export const IMPORT_MAX_MB = 50;
export const IMPORT_MAX_CHARS = IMPORT_MAX_MB * 1024 * 1024;
export const FILE_CHUNK_CHARS = 100_000;
const MAX_CHUNKS = Math.ceil(IMPORT_MAX_CHARS / FILE_CHUNK_CHARS);
const TOO_BIG = `the file is larger than ${IMPORT_MAX_MB} MB, the most Rapport imports`;

const FileTextSchema = z.array(z.string().check(z.maxLength(FILE_CHUNK_CHARS))).check(
  z.maxLength(MAX_CHUNKS, TOO_BIG),
  z.refine((chunks) => chunks.reduce((sum, chunk) => sum + chunk.length, 0) <= IMPORT_MAX_CHARS, TOO_BIG),
);

/** A file's text as the chunks FileTextSchema accepts. */
export function toChunks(text: string): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += FILE_CHUNK_CHARS) chunks.push(text.slice(i, i + FILE_CHUNK_CHARS));
  return chunks;
}

export const ImportKindSchema = z.enum(['backup', 'linkedin', 'vcard', 'x']);
export const ImportModeSchema = z.enum(['merge', 'replace']);
const ImportRequestSchema = z.strictObject({
  kind: ImportKindSchema,
  mode: ImportModeSchema,
  chunks: FileTextSchema,
});

export const dataMessages = {
  /** How much Rapport holds, per table: everything (personId null), or one person's rows. */
  getDataCounts: {
    senders: ['extension'],
    request: z.strictObject({ personId: z.nullable(IdSchema) }),
  },
  /** The whole store as a JSON backup (with settings); the options page makes the CSV and vCard from it. */
  exportData: {
    senders: ['extension'],
    request: z.strictObject({}),
  },
  /** Everything about one person ("what do you keep about me?") as JSON; the page can make it plain text. */
  exportPersonData: {
    senders: ['extension'],
    request: z.strictObject({ personId: IdSchema }),
  },
  /** What importing a file would change; writes nothing. */
  previewImport: {
    senders: ['extension'],
    request: ImportRequestSchema,
  },
  /** Imports a file in one transaction: all of it, or (refused, failed) nothing. */
  applyImport: {
    senders: ['extension'],
    request: ImportRequestSchema,
  },
  /** Erases every person and everything about them; the request must carry the word the user typed. */
  eraseAll: {
    senders: ['extension'],
    request: z.strictObject({ confirm: z.literal('erase') }),
  },
} as const;
