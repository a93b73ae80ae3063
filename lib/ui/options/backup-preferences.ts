import { backupFromExport, type ExportFile, serializeBackup } from '@/lib/io';
import {
  readSitePreferences,
  sitePreferencesFromFlat,
  sitePreferencesToFlat,
  writeSitePreferences,
} from '@/lib/platform/site-preferences';
import type { Network } from '@/lib/sites/types';

// The worker's backup holds the store and the settings it owns. Where Rapport shows itself on each site
// (in the page or the side panel, collapsed, which side) lives in storage.local for the content scripts;
// the options page adds it to the file and puts it back after a restore, so a backup holds everything.

/** The worker's backup with the per-site preferences added to its flat settings. */
export async function withSitePreferences(file: ExportFile): Promise<ExportFile> {
  const backup = backupFromExport(file);
  const settings = { ...backup.settings, ...sitePreferencesToFlat(await readSitePreferences()) };
  return { ...file, text: serializeBackup({ ...backup, settings }) };
}

/** After a backup replaced the store: the per-site preferences it holds, written back; returns which sites. */
export async function restoreSitePreferences(backupText: string): Promise<Network[]> {
  const parsed: unknown = JSON.parse(backupText);
  const settings = (parsed as { settings?: unknown }).settings;
  if (typeof settings !== 'object' || settings === null) return [];
  return writeSitePreferences(sitePreferencesFromFlat(settings as Record<string, unknown>));
}
