import type { RapportDatabase } from '@/lib/db/database';
import { readAsIs } from '@/lib/db/open-failure';
import { AUTO_BACKUP_FOLDER, type AutoBackupDecision, autoBackupDue } from '@/lib/domain/auto-backup';
import type { BackupSettings } from '@/lib/io';
import {
  type AutoBackupOutcome,
  flattenSettings,
  readSettings,
  updateSettings,
  writeAutoBackupOutcome,
} from '@/lib/settings';
import type { Clock } from './clock';
import { exportData } from './data/export';

// The automatic backup file (issue 8): when one is due (lib/domain/auto-backup.ts), the same JSON backup
// the options page downloads, saved under the browser's download folder. The browser side (permission,
// the downloads API, data or blob URL) comes in as `permitted` and `save` (lib/platform/auto-backup.ts),
// so this runs in unit tests against fake-indexeddb with a stand-in for the download folder.

export interface AutoBackupDeps {
  db: RapportDatabase;
  clock: Clock;
  /** Whether the browser lets Rapport download files now (the user can revoke it in the browser). */
  permitted: () => Promise<boolean>;
  /**
   * Saves `text` at `path` under the download folder; resolves with the name of the file as saved (the
   * browser adds " (1)" to a name already taken), rejects with why it was not saved.
   */
  save: (file: { text: string; path: string; mimeType: string }) => Promise<string>;
  /** Settings kept outside the settings object (where Rapport shows itself on each site), as the options page adds them. */
  extraSettings?: () => Promise<BackupSettings>;
}

export type AutoBackupRun =
  | Exclude<AutoBackupDecision, { due: true }>
  | { due: true; outcome: AutoBackupOutcome }
  /** Another run was under way; this one did nothing. */
  | { due: false; why: 'busy' };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Returns the run function. One run at a time: a check that comes while one is saving (an alarm and the
 * browser's start at once) does nothing rather than save a second file.
 */
export function autoBackupRunner(deps: AutoBackupDeps): () => Promise<AutoBackupRun> {
  let running = false;
  return async () => {
    if (running) return { due: false, why: 'busy' };
    running = true;
    try {
      return await runOnce(deps);
    } finally {
      running = false;
    }
  };
}

async function runOnce({
  db,
  clock,
  permitted,
  save,
  extraSettings,
}: AutoBackupDeps): Promise<AutoBackupRun> {
  const { settings } = await readSettings();
  const { enabled, everyDays } = settings.autoBackup;
  // The permission is asked about only when it matters (and a failing question reads as "no").
  const allowed = enabled ? await permitted().catch(() => false) : false;
  const decision = autoBackupDue({
    enabled,
    everyDays,
    lastAt: settings.lastBackupAt,
    permitted: allowed,
    now: clock.now(),
  });
  if (!decision.due) return decision;

  const at = clock.now();
  let outcome: AutoBackupOutcome;
  try {
    const flat = { ...flattenSettings(settings), ...(extraSettings ? await extraSettings() : {}) };
    // Through readAsIs, as the options page's export: after a failed upgrade the data can still go out.
    const file = await readAsIs(db, (store) => exportData(store, flat, at));
    const saved = await save({
      text: file.text,
      path: `${AUTO_BACKUP_FOLDER}/${file.filename}`,
      mimeType: file.mimeType,
    });
    outcome = { at, ok: true, filename: saved };
  } catch (error) {
    outcome = { at, ok: false, error: errorText(error) };
  }
  // Only a saved file moves the last backup's time (which also quiets the options page's reminder); a
  // failure is recorded and the next hourly check tries again.
  if (outcome.ok) await updateSettings({ 'backup.lastAt': at });
  await writeAutoBackupOutcome(outcome);
  return { due: true, outcome };
}
