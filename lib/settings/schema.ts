import { z } from 'zod/mini';
import { STRONG_CADENCE_DAYS, WEAK_CADENCE_DAYS } from '@/lib/domain/cadence';

// The user's preferences, one object under one storage.local key. Each field has its own schema so a
// stored value that cannot be read (a bug, a hand edit, a newer version's shape) is repaired on its own:
// the fields that read well are kept, and the bad ones are reported by name and put back to their default.

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 3;

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const SETTINGS_NETWORKS = ['linkedin', 'facebook', 'x'] as const;
export type SettingsNetwork = (typeof SETTINGS_NETWORKS)[number];

export const CADENCE_DAYS_MAX = 3_650;
export const REMINDER_DAYS_MAX = 365;
/** As a person's tags (lib/db/derive.ts): what the prompts match the focus against. */
export const FOCUS_TAG_MAX_LENGTH = 60;
export const FOCUS_TAGS_MAX = 30;
/** How often an automatic backup file is saved, in days: the choices the options page offers. */
export const AUTO_BACKUP_DAYS = [1, 7, 30] as const;
export type AutoBackupDays = (typeof AUTO_BACKUP_DAYS)[number];

const days = (max: number) => z.int().check(z.gte(1), z.lte(max));
/** 24-hour local time, "HH:MM". */
const TimeOfDay = z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/));
const Time = z.number().check(z.refine((n) => Number.isFinite(n) && Math.abs(n) <= 8.64e15));
/**
 * A focus tag as the options page saves it: trimmed, single spaces, no line breaks (a backup joins a list
 * with newlines), and no two alike in any case, so the prompts see each topic once.
 */
const FocusTags = z
  .array(z.string().check(z.refine((tag) => tag !== '' && normalizeFocusTag(tag) === tag)))
  .check(
    z.maxLength(FOCUS_TAGS_MAX),
    z.refine((tags) => new Set(tags.map((tag) => tag.toLowerCase())).size === tags.length),
  );

/** Trimmed, inner whitespace (line breaks included) collapsed to one space, capped; '' for nothing. */
export function normalizeFocusTag(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().slice(0, FOCUS_TAG_MAX_LENGTH).trim();
}

export interface Settings {
  /** Default follow-up cadence for strong ties, in days (a person's own cadence overrides it). */
  strongCadenceDays: number;
  weakCadenceDays: number;
  /** Networks Rapport works on; a disabled one shows nothing on its pages. */
  networks: Record<SettingsNetwork, boolean>;
  theme: Theme;
  /** A daily digest of who to follow up with; off by default. */
  digest: { enabled: boolean; time: string };
  /** Remind the user to back up when the last backup is older than this; 0 turns the reminder off. */
  backupReminderDays: number;
  /** The last backup, downloaded from the options page or saved automatically. */
  lastBackupAt: number | null;
  /**
   * A backup file saved through the downloads API every `everyDays` (lib/platform/auto-backup.ts); off by
   * default, and on only with the optional `downloads` permission, asked for when the user turns it on.
   */
  autoBackup: { enabled: boolean; everyDays: AutoBackupDays };
  /**
   * What the user is working on or curious about now: ask-question prompts go to ties who share one of
   * these, and they raise introductions and reconnects (lib/domain/prompts). Empty until the user sets it.
   */
  focus: { interests: string[]; goals: string[] };
}

export const DEFAULT_SETTINGS: Settings = {
  strongCadenceDays: STRONG_CADENCE_DAYS,
  weakCadenceDays: WEAK_CADENCE_DAYS,
  networks: { linkedin: true, facebook: true, x: true },
  theme: 'system',
  digest: { enabled: false, time: '09:00' },
  backupReminderDays: 30,
  lastBackupAt: null,
  autoBackup: { enabled: false, everyDays: 7 },
  focus: { interests: [], goals: [] },
};

/** Each network's on/off switch: one shape, three leaves. */
function networkField<N extends SettingsNetwork>(network: N) {
  return {
    stored: `networks.${network}` as const,
    schema: z.boolean(),
    get: (s: Settings) => s.networks[network],
    set: (s: Settings, v: boolean) => {
      s.networks[network] = v;
    },
  };
}

/** The focus's two tag lists. */
function focusField<K extends keyof Settings['focus']>(kind: K) {
  return {
    stored: `focus.${kind}` as const,
    schema: FocusTags,
    get: (s: Settings) => s.focus[kind],
    set: (s: Settings, v: string[]) => {
      s.focus[kind] = v;
    },
  };
}

/**
 * One schema per leaf. The dotted names are the keys of the settings inside a backup file (lib/io's
 * SettingsSchema: flat, scalar values); `stored` is where the leaf sits in the stored object.
 */
export const SETTING_FIELDS = {
  'cadence.strongDays': {
    stored: 'strongCadenceDays',
    schema: days(CADENCE_DAYS_MAX),
    get: (s: Settings) => s.strongCadenceDays,
    set: (s: Settings, v: number) => {
      s.strongCadenceDays = v;
    },
  },
  'cadence.weakDays': {
    stored: 'weakCadenceDays',
    schema: days(CADENCE_DAYS_MAX),
    get: (s: Settings) => s.weakCadenceDays,
    set: (s: Settings, v: number) => {
      s.weakCadenceDays = v;
    },
  },
  'networks.linkedin': networkField('linkedin'),
  'networks.facebook': networkField('facebook'),
  'networks.x': networkField('x'),
  theme: {
    stored: 'theme',
    schema: z.enum(THEMES),
    get: (s: Settings) => s.theme,
    set: (s: Settings, v: Theme) => {
      s.theme = v;
    },
  },
  'digest.enabled': {
    stored: 'digest.enabled',
    schema: z.boolean(),
    get: (s: Settings) => s.digest.enabled,
    set: (s: Settings, v: boolean) => {
      s.digest.enabled = v;
    },
  },
  'digest.time': {
    stored: 'digest.time',
    schema: TimeOfDay,
    get: (s: Settings) => s.digest.time,
    set: (s: Settings, v: string) => {
      s.digest.time = v;
    },
  },
  'backup.reminderDays': {
    stored: 'backupReminderDays',
    schema: z.int().check(z.gte(0), z.lte(REMINDER_DAYS_MAX)),
    get: (s: Settings) => s.backupReminderDays,
    set: (s: Settings, v: number) => {
      s.backupReminderDays = v;
    },
  },
  'backup.lastAt': {
    stored: 'lastBackupAt',
    schema: z.nullable(Time),
    get: (s: Settings) => s.lastBackupAt,
    set: (s: Settings, v: number | null) => {
      s.lastBackupAt = v;
    },
  },
  // In a backup like the digest's switch: restored onto a browser that has not granted `downloads`, the
  // options page says that no file is saved until the user turns it off and on again.
  'backup.auto': {
    stored: 'autoBackup.enabled',
    schema: z.boolean(),
    get: (s: Settings) => s.autoBackup.enabled,
    set: (s: Settings, v: boolean) => {
      s.autoBackup.enabled = v;
    },
  },
  'backup.autoEveryDays': {
    stored: 'autoBackup.everyDays',
    schema: z.literal(AUTO_BACKUP_DAYS),
    get: (s: Settings) => s.autoBackup.everyDays,
    set: (s: Settings, v: AutoBackupDays) => {
      s.autoBackup.everyDays = v;
    },
  },
  'focus.interests': focusField('interests'),
  'focus.goals': focusField('goals'),
} as const;

export type SettingName = keyof typeof SETTING_FIELDS;
export const SETTING_NAMES = Object.keys(SETTING_FIELDS) as SettingName[];

/** The stored shape: nested like Settings, plus the version it was written by. */
export type StoredSettings = Settings & { version: number };

export function cloneSettings(settings: Settings): Settings {
  return {
    ...settings,
    networks: { ...settings.networks },
    digest: { ...settings.digest },
    autoBackup: { ...settings.autoBackup },
    focus: { interests: [...settings.focus.interests], goals: [...settings.focus.goals] },
  };
}
