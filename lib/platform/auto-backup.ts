import { browser } from '#imports';
import type { RapportDatabase } from '@/lib/db/database';
import { textDataUrl } from '@/lib/io/data-url';
import { autoBackupRunner } from '@/lib/services/auto-backup';
import type { Clock } from '@/lib/services/clock';
import { readSettings, repairSettings, SETTINGS_KEY } from '@/lib/settings';
import { AUTO_BACKUP_ALARM, scheduleAutoBackup } from './alarms';
import { readSitePreferences, sitePreferencesToFlat } from './site-preferences';

// The optional automatic backup file: an hourly alarm while it is on; each check saves the JSON backup
// through the downloads API when one is due (lib/services/auto-backup.ts). `downloads` is an optional
// permission, asked for by the options page when the user turns this on and given back when turned off;
// without it `browser.downloads` does not exist and no file is saved.

export const DOWNLOADS_PERMISSION = { permissions: ['downloads' as const] };
/** A download of a few megabytes takes well under this; one that has not finished by then is reported. */
const FINISH_TIMEOUT_MS = 30_000;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

interface DownloadItem {
  state?: string;
  filename?: string;
  error?: string;
}

/** Resolves with the file's name once download `id` is complete; rejects when it is interrupted. */
function finished(id: number): Promise<string> {
  const downloads = browser.downloads;
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      clearTimeout(timer);
      downloads.onChanged.removeListener(onChanged);
    };
    const check = async () => {
      const [item] = (await downloads.search({ id })) as DownloadItem[];
      if (!item || item.state === 'in_progress') return;
      stop();
      if (item.state === 'complete') resolve(item.filename?.split(/[\\/]/).at(-1) || 'the backup file');
      else reject(new Error(`The download was interrupted (${item.error ?? 'the browser gave no reason'}).`));
    };
    const onChanged = (delta: { id: number; state?: { current?: string } }) => {
      if (delta.id === id && delta.state?.current && delta.state.current !== 'in_progress')
        void check().catch(reject);
    };
    downloads.onChanged.addListener(onChanged);
    timer = setTimeout(() => {
      stop();
      reject(new Error(`The download had not finished after ${FINISH_TIMEOUT_MS / 1000} seconds.`));
    }, FINISH_TIMEOUT_MS);
    // It may have finished before the listener was in place.
    void check().catch((error: unknown) => {
      stop();
      reject(error);
    });
  });
}

/**
 * Saves text as a file at `path` under the browser's download folder, without asking where. A blob URL
 * where the background can make one (Firefox's background page), revoked once the file is written; a
 * `data:` URL in Chrome's service worker, which has no URL.createObjectURL.
 */
export async function saveWithDownloads(file: {
  text: string;
  path: string;
  mimeType: string;
}): Promise<string> {
  if (!browser.downloads)
    throw new Error('Rapport is not allowed to save files to your downloads (the permission is missing).');
  const blobUrl =
    typeof URL.createObjectURL === 'function'
      ? URL.createObjectURL(new Blob([file.text], { type: `${file.mimeType};charset=utf-8` }))
      : null;
  try {
    const id = await browser.downloads.download({
      url: blobUrl ?? textDataUrl(file.text, file.mimeType),
      filename: file.path,
      saveAs: false,
      conflictAction: 'uniquify',
    });
    return await finished(id);
  } finally {
    if (blobUrl) URL.revokeObjectURL(blobUrl);
  }
}

export function registerAutoBackup({ db, clock }: { db: RapportDatabase; clock: Clock }): void {
  const run = autoBackupRunner({
    db,
    clock,
    permitted: () => browser.permissions.contains(DOWNLOADS_PERMISSION),
    save: saveWithDownloads,
    // As the options page's backup: with where Rapport shows itself on each site.
    extraSettings: async () => sitePreferencesToFlat(await readSitePreferences()),
  });
  // Listeners return their work's promise: the browser ignores it, and tests can wait for it.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== AUTO_BACKUP_ALARM) return undefined;
    return run()
      .then(async (result) => {
        // An alarm left over after automatic backups were turned off (a restored backup, say) stops here.
        if (!result.due && result.why === 'off') await browser.alarms.clear(AUTO_BACKUP_ALARM);
        if (result.due && !result.outcome.ok)
          console.warn(`Rapport: the automatic backup was not saved: ${result.outcome.error}`);
      })
      .catch((error: unknown) =>
        console.warn(`Rapport: the automatic backup check failed: ${errorText(error)}`),
      );
  });
  // Turned on or off elsewhere (a restored backup): the alarm follows. The options page also sets it
  // itself, right after asking for the permission.
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[SETTINGS_KEY];
    if (area !== 'local' || !change) return;
    const enabled = (value: unknown) => repairSettings(value).settings.autoBackup.enabled;
    const next = enabled(change.newValue);
    if (next !== enabled(change.oldValue)) void scheduleAutoBackup({ enabled: next }).catch(() => undefined);
  });
  // Firefox forgets alarms when the browser quits: set it again if automatic backups are on and it is missing.
  const ensure = async () => {
    const { autoBackup } = (await readSettings()).settings;
    if (autoBackup.enabled && !(await browser.alarms.get(AUTO_BACKUP_ALARM)))
      await scheduleAutoBackup(autoBackup);
  };
  browser.runtime.onStartup.addListener(() => ensure().catch(() => undefined));
  browser.runtime.onInstalled.addListener(() => ensure().catch(() => undefined));
}
