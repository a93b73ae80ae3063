import { browser } from '#imports';
import { type Settings, updateSettings } from '@/lib/settings';

// Features behind an optional permission (the daily digest: `notifications`; automatic backups:
// `downloads`): Rapport holds the permission only while the feature is on. Turning it on asks first,
// straight from the click or change event (browsers show the prompt only during a user gesture, so the
// request is the first thing awaited); a refusal changes nothing. Turning it off gives it back.

export type OptionalPermission = 'notifications' | 'downloads';

export interface FeatureSwitch {
  permission: OptionalPermission;
  /** Whether the change turns the feature on, or off (neither: only its options change). */
  turningOn: boolean;
  turningOff: boolean;
  /** Thrown when the user refuses the permission: say what stays as it was. */
  refused: () => Error;
  /** The settings to write, and what to do once written (set or clear the feature's alarm). */
  settings: Parameters<typeof updateSettings>[0];
  afterwards: (settings: Settings) => Promise<void>;
}

export async function switchFeature(change: FeatureSwitch): Promise<Settings> {
  const permissions = { permissions: [change.permission] };
  if (change.turningOn && !(await browser.permissions.request(permissions))) throw change.refused();
  const settings = await updateSettings(change.settings);
  await change.afterwards(settings);
  if (change.turningOff) await browser.permissions.remove(permissions).catch(() => false);
  return settings;
}

/** Whether the browser lets Rapport use `permission` now (the user can revoke it in the browser). */
export function permissionHeld(permission: OptionalPermission): Promise<boolean> {
  return browser.permissions.contains({ permissions: [permission] });
}
