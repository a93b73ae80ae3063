import { scheduleDigest } from '@/lib/platform/alarms';
import type { Settings } from '@/lib/settings';
import { permissionHeld, switchFeature } from './optional-permission';

// Turning the daily digest on asks for the `notifications` permission and sets the alarm; turning it off
// clears the alarm and gives the permission back (optional-permission.ts).

export class DigestError extends Error {
  override readonly name = 'DigestError';
}

/** Call straight from the click or change event. A refusal, or an invalid time, changes nothing. */
export function changeDigest(
  current: Settings['digest'],
  change: { enabled?: boolean; time?: string },
): Promise<Settings> {
  return switchFeature({
    permission: 'notifications',
    turningOn: change.enabled === true && !current.enabled,
    turningOff: change.enabled === false,
    refused: () =>
      new DigestError(
        'The daily digest stays off: it needs your permission to show a notification. Nothing else changed.',
      ),
    settings: {
      'digest.enabled': change.enabled ?? current.enabled,
      'digest.time': change.time ?? current.time,
    },
    afterwards: (settings) => scheduleDigest(settings.digest, Date.now()),
  });
}

/** Whether the browser lets Rapport show notifications now (the user can revoke it in the browser). */
export function notificationsAllowed(): Promise<boolean> {
  return permissionHeld('notifications');
}
