import { browser } from '#imports';
import { type ReadSettings, repairSettings, type SettingProblem } from './repair';
import {
  cloneSettings,
  FOCUS_TAGS_MAX,
  normalizeFocusTag,
  SETTING_FIELDS,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  type SettingName,
  type Settings,
} from './schema';

// Settings live in storage.local under one key (extension pages and the background read them; content
// scripts keep to their own plain per-site keys, lib/platform/site-preferences.ts).

/** Reads and, when something had to be repaired or migrated, writes the repaired settings back. */
export async function readSettings(): Promise<ReadSettings> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  const read = repairSettings(stored);
  for (const problem of read.problems) console.warn(`Rapport: setting ${problem.field}: ${problem.reason}`);
  const newer = read.problems.some((p) => p.field === 'version' && p.reason.startsWith('written by a newer'));
  if (read.needsWrite && !newer) await writeSettings(read.settings);
  return read;
}

/** The user's focus (interests and goals), which the tie model and the prompts match ties on. */
export async function readFocus(): Promise<Settings['focus']> {
  return (await readSettings()).settings.focus;
}

export async function writeSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({
    [SETTINGS_KEY]: { version: SETTINGS_VERSION, ...cloneSettings(settings) },
  });
}

export class SettingError extends Error {
  override readonly name = 'SettingError';
}

/**
 * Changes some settings (by dotted name), each checked on its own; an invalid one refuses the whole change
 * with its name, and nothing is written.
 */
export async function updateSettings(change: Partial<Record<SettingName, unknown>>): Promise<Settings> {
  const { settings } = await readSettings();
  const next = cloneSettings(settings);
  const bad: string[] = [];
  for (const [name, value] of Object.entries(change) as [SettingName, unknown][]) {
    const field = Object.hasOwn(SETTING_FIELDS, name) ? SETTING_FIELDS[name] : undefined;
    if (!field) {
      bad.push(`${String(name).slice(0, 40)}: not a setting`);
      continue;
    }
    const parsed = field.schema.safeParse(value);
    if (parsed.success) (field.set as (s: Settings, v: unknown) => void)(next, parsed.data);
    else bad.push(`${name}: not a valid value`);
  }
  if (bad.length > 0) throw new SettingError(`Not saved: ${bad.join('; ')}`);
  await writeSettings(next);
  return next;
}

/**
 * Adds and removes focus tags against what is stored now (not what a page last showed), so two pages
 * editing the focus do not undo each other. Tags are normalised; one already there (any case) is kept as
 * it was spelled; more than FOCUS_TAGS_MAX refuses the change and writes nothing.
 */
export async function changeFocus(
  kind: 'interests' | 'goals',
  change: { add?: readonly string[]; remove?: readonly string[] },
): Promise<Settings> {
  const { settings } = await readSettings();
  const removed = new Set((change.remove ?? []).map((tag) => normalizeFocusTag(tag).toLowerCase()));
  const next = settings.focus[kind].filter((tag) => !removed.has(tag.toLowerCase()));
  const seen = new Set(next.map((tag) => tag.toLowerCase()));
  for (const raw of change.add ?? []) {
    const tag = normalizeFocusTag(raw);
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    next.push(tag);
  }
  if (next.length > FOCUS_TAGS_MAX)
    throw new SettingError(`Not saved: at most ${FOCUS_TAGS_MAX} ${kind} in your focus`);
  return updateSettings({ [`focus.${kind}`]: next });
}

export function watchSettings(onChange: (read: ReadSettings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes)
      onChange(repairSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}

export type { ReadSettings, SettingProblem };
