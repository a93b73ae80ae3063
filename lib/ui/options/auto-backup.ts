import { browser } from '#imports';
import { scheduleAutoBackup } from '@/lib/platform/alarms';
import type { AutoBackupDays, Settings } from '@/lib/settings';
import { permissionHeld, switchFeature } from './optional-permission';

// Turning automatic backup files on asks for the `downloads` permission (optional in the manifest, so
// Rapport holds it only while they are on) and sets the hourly check's alarm; turning them off clears the
// alarm and gives the permission back. The worker saves the files (lib/platform/auto-backup.ts).

export class AutoBackupError extends Error {
  override readonly name = 'AutoBackupError';
}

/** Call straight from the change event. A refusal changes nothing. */
export function changeAutoBackup(
  current: Settings['autoBackup'],
  change: { enabled?: boolean; everyDays?: AutoBackupDays },
): Promise<Settings> {
  return switchFeature({
    permission: 'downloads',
    turningOn: change.enabled === true && !current.enabled,
    turningOff: change.enabled === false,
    refused: () =>
      new AutoBackupError(
        'Automatic backups stay off: they need your permission to save files to your downloads. Nothing else changed.',
      ),
    settings: {
      'backup.auto': change.enabled ?? current.enabled,
      'backup.autoEveryDays': change.everyDays ?? current.everyDays,
    },
    afterwards: async (settings) => {
      if (settings.autoBackup.enabled !== current.enabled) await scheduleAutoBackup(settings.autoBackup);
    },
  });
}

/** Whether the browser lets Rapport save files to the downloads now (the user can revoke it). */
export function downloadsAllowed(): Promise<boolean> {
  return permissionHeld('downloads');
}

/** Calls `onChange` when the user grants or revokes any of Rapport's permissions in the browser. */
export function watchPermissions(onChange: () => void, signal: AbortSignal): void {
  const { onAdded, onRemoved } = browser.permissions;
  if (!onAdded || !onRemoved) return;
  onAdded.addListener(onChange);
  onRemoved.addListener(onChange);
  signal.addEventListener(
    'abort',
    () => {
      onAdded.removeListener(onChange);
      onRemoved.removeListener(onChange);
    },
    { once: true },
  );
}
