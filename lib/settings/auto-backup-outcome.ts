import { z } from 'zod/mini';
import { browser } from '#imports';

// What the last automatic backup did, for the options page: when, and the saved file's name or why no
// file was saved. Under its own storage.local key, not among the settings, on purpose: it describes this
// browser's download folder, so it stays out of backup files, and restoring a backup (which rewrites the
// settings) does not make it claim a file that was saved on another computer. `backup.lastAt` (a setting)
// is what the reminder and the next automatic backup count from.

export const AUTO_BACKUP_OUTCOME_KEY = 'autoBackupOutcome';
export const OUTCOME_ERROR_MAX = 2_000;

const Time = z.number().check(z.refine((n) => Number.isFinite(n) && Math.abs(n) <= 8.64e15));
const OutcomeSchema = z.union([
  z.strictObject({
    at: Time,
    ok: z.literal(true),
    filename: z.string().check(z.minLength(1), z.maxLength(1_000)),
  }),
  z.strictObject({
    at: Time,
    ok: z.literal(false),
    error: z.string().check(z.minLength(1), z.maxLength(OUTCOME_ERROR_MAX)),
  }),
]);
export type AutoBackupOutcome = z.infer<typeof OutcomeSchema>;

export interface ReadOutcome {
  outcome: AutoBackupOutcome | null;
  /** Set when something was stored but could not be read; the outcome is then shown as none. */
  problem: string | null;
}

/** A stored value (any shape) read; an unreadable one is named, never passed off as "no backup yet". */
export function parseAutoBackupOutcome(value: unknown): ReadOutcome {
  if (value === undefined) return { outcome: null, problem: null };
  const parsed = OutcomeSchema.safeParse(value);
  if (parsed.success) return { outcome: parsed.data, problem: null };
  let shown: string;
  try {
    shown = (JSON.stringify(value) ?? String(value)).slice(0, 60);
  } catch {
    shown = String(value).slice(0, 60);
  }
  return {
    outcome: null,
    problem: `The record of the last automatic backup could not be read (${shown}); the next one replaces it.`,
  };
}

export async function readAutoBackupOutcome(): Promise<ReadOutcome> {
  const read = parseAutoBackupOutcome(
    (await browser.storage.local.get(AUTO_BACKUP_OUTCOME_KEY))[AUTO_BACKUP_OUTCOME_KEY],
  );
  if (read.problem) console.warn(`Rapport: ${read.problem}`);
  return read;
}

export async function writeAutoBackupOutcome(outcome: AutoBackupOutcome): Promise<void> {
  const value: AutoBackupOutcome = outcome.ok
    ? outcome
    : { ...outcome, error: (outcome.error.trim() || 'unknown error').slice(0, OUTCOME_ERROR_MAX) };
  await browser.storage.local.set({ [AUTO_BACKUP_OUTCOME_KEY]: value });
}

export function watchAutoBackupOutcome(onChange: (read: ReadOutcome) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && AUTO_BACKUP_OUTCOME_KEY in changes)
      onChange(parseAutoBackupOutcome(changes[AUTO_BACKUP_OUTCOME_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
