import { browser } from '#imports';
import { scheduleDigest } from '@/lib/platform/alarms';
import { type Settings, updateSettings } from '@/lib/settings';

// Turning the daily digest on asks for the `notifications` permission (optional in the manifest, so
// Rapport holds it only while the digest is on) and sets the alarm; turning it off clears the alarm and
// gives the permission back.

const NOTIFICATIONS = { permissions: ['notifications' as const] };

export class DigestError extends Error {
  override readonly name = 'DigestError';
}

/**
 * Call straight from the click or change event: browsers show the permission prompt only during a user
 * gesture, so the request is the first thing awaited. A refusal, or an invalid time, changes nothing.
 */
export async function changeDigest(
  current: Settings['digest'],
  change: { enabled?: boolean; time?: string },
): Promise<Settings> {
  const turningOn = change.enabled === true && !current.enabled;
  if (turningOn && !(await browser.permissions.request(NOTIFICATIONS)))
    throw new DigestError(
      'The daily digest stays off: it needs your permission to show a notification. Nothing else changed.',
    );
  const settings = await updateSettings({
    'digest.enabled': change.enabled ?? current.enabled,
    'digest.time': change.time ?? current.time,
  });
  await scheduleDigest(settings.digest, Date.now());
  if (change.enabled === false) await browser.permissions.remove(NOTIFICATIONS).catch(() => false);
  return settings;
}

/** Whether the browser lets Rapport show notifications now (the user can revoke it in the browser). */
export function notificationsAllowed(): Promise<boolean> {
  return browser.permissions.contains(NOTIFICATIONS);
}
