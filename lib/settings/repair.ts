import {
  cloneSettings,
  DEFAULT_SETTINGS,
  SETTING_FIELDS,
  SETTING_NAMES,
  SETTINGS_VERSION,
  type SettingName,
  type Settings,
} from './schema';

// Reading stored settings never throws and never resets what can be read: every field is parsed on its
// own, good ones are kept, bad ones are named in `problems` and take their default.

export interface SettingProblem {
  /** Dotted name, e.g. "digest.time"; "version" or "(settings)" for the envelope. */
  field: string;
  reason: string;
}

export interface ReadSettings {
  settings: Settings;
  problems: SettingProblem[];
  /** True when what is stored differs from `settings` (repaired, migrated, or never written). */
  needsWrite: boolean;
}

type Raw = Record<string, unknown>;
/** Upgrades the raw object of version `n` to version `n + 1`. */
export type Migration = (raw: Raw) => Raw;

/**
 * Index n migrates version n + 1 to n + 2 (index 0: version 1 → 2), so SETTINGS_VERSION is
 * 1 + MIGRATIONS.length. Released versions are never edited:
 * a change of shape is a new version and a migration appended here, tested from a stored example.
 */
export const MIGRATIONS: readonly Migration[] = [
  // 1 → 2: the user's focus (interests and goals the prompts match on), empty until the user sets it.
  (raw) => ({
    ...raw,
    focus: isRecord(raw.focus) ? raw.focus : { interests: [], goals: [] },
    version: 2,
  }),
  // 2 → 3: automatic backup files, off until the user turns them on (and grants `downloads`).
  (raw) => ({
    ...raw,
    autoBackup: isRecord(raw.autoBackup) ? raw.autoBackup : { enabled: false, everyDays: 7 },
    version: 3,
  }),
];

const isRecord = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at a dotted path of the nested stored object; undefined when any step is missing. */
function at(raw: Raw, path: string): unknown {
  let node: unknown = raw;
  for (const key of path.split('.')) {
    if (!isRecord(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

const show = (value: unknown) => {
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 60);
  } catch {
    return String(value).slice(0, 60);
  }
};

/** Settings from a raw value read from storage (any shape), with what had to be repaired. */
export function repairSettings(
  stored: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  currentVersion: number = 1 + migrations.length,
): ReadSettings {
  if (stored === undefined)
    return { settings: cloneSettings(DEFAULT_SETTINGS), problems: [], needsWrite: false };
  const problems: SettingProblem[] = [];
  if (!isRecord(stored)) {
    problems.push({
      field: '(settings)',
      reason: `not an object (${show(stored)}); every setting is at its default`,
    });
    return { settings: cloneSettings(DEFAULT_SETTINGS), problems, needsWrite: true };
  }
  let raw: Raw = stored;
  let needsWrite = false;
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    problems.push({
      field: 'version',
      reason: `unreadable (${show(version)}); read as version ${currentVersion}`,
    });
    needsWrite = true;
  } else if (version > currentVersion) {
    problems.push({
      field: 'version',
      reason: `written by a newer version of Rapport (${version}); the settings this version knows were read`,
    });
  } else {
    for (let from = version; from < currentVersion; from++) {
      const migrate = migrations[from - 1];
      if (!migrate) break;
      try {
        raw = migrate(structuredClone(raw));
      } catch (error) {
        problems.push({
          field: 'version',
          reason: `could not upgrade from version ${from}: ${String(error)}`,
        });
        break;
      }
      needsWrite = true;
    }
  }
  const settings = cloneSettings(DEFAULT_SETTINGS);
  for (const name of SETTING_NAMES) {
    const field = SETTING_FIELDS[name];
    const value = at(raw, field.stored);
    if (value === undefined) {
      // A field added after the settings were last saved: its default, not a problem.
      needsWrite = true;
      continue;
    }
    const parsed = field.schema.safeParse(value);
    if (parsed.success) (field.set as (s: Settings, v: unknown) => void)(settings, parsed.data);
    else {
      problems.push({
        field: name,
        reason: `${show(value)} is not a valid value; set back to ${show(field.get(DEFAULT_SETTINGS))}`,
      });
      needsWrite = true;
    }
  }
  return { settings, problems, needsWrite };
}

/** One setting checked on its own, for a change coming from the form. */
export function checkSetting(name: SettingName, value: unknown): string | null {
  if (!Object.hasOwn(SETTING_FIELDS, name)) return `${String(name).slice(0, 40)}: not a setting`;
  return SETTING_FIELDS[name].schema.safeParse(value).success
    ? null
    : `${name}: ${show(value)} is not a valid value`;
}

/**
 * Backup files hold scalars only, so a list of tags travels as one string, a tag a line (tags never hold
 * a line break: see normalizeFocusTag).
 */
const LIST_SEPARATOR = '\n';

/** Dotted, flat, scalar: the shape of `settings` in a backup file. */
export function flattenSettings(settings: Settings): Record<string, string | number | boolean | null> {
  return Object.fromEntries(
    SETTING_NAMES.map((name) => {
      const value = SETTING_FIELDS[name].get(settings);
      return [name, Array.isArray(value) ? value.join(LIST_SEPARATOR) : value];
    }),
  );
}

/** The inverse of flattenSettings, repaired field by field like stored settings. */
export function settingsFromFlat(flat: Record<string, unknown>): ReadSettings {
  const nested: Raw = { version: SETTINGS_VERSION };
  for (const name of SETTING_NAMES) {
    if (!Object.hasOwn(flat, name)) continue;
    const keys = SETTING_FIELDS[name].stored.split('.');
    let node = nested;
    for (const key of keys.slice(0, -1)) {
      if (!isRecord(node[key])) node[key] = {};
      node = node[key] as Raw;
    }
    const value = flat[name];
    const list = Array.isArray(SETTING_FIELDS[name].get(DEFAULT_SETTINGS));
    node[keys.at(-1) as string] =
      list && typeof value === 'string' ? value.split(LIST_SEPARATOR).filter((tag) => tag !== '') : value;
  }
  return repairSettings(nested);
}
