import { z } from 'zod/mini';
import { STRONG_CADENCE_DAYS, WEAK_CADENCE_DAYS } from '@/lib/domain/cadence';

// The user's preferences, one object under one storage.local key. Each field has its own schema so a
// stored value that cannot be read (a bug, a hand edit, a newer version's shape) is repaired on its own:
// the fields that read well are kept, and the bad ones are reported by name and put back to their default.

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 1;

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const SETTINGS_NETWORKS = ['linkedin', 'facebook', 'x'] as const;
export type SettingsNetwork = (typeof SETTINGS_NETWORKS)[number];

export const CADENCE_DAYS_MAX = 3_650;
export const REMINDER_DAYS_MAX = 365;

const days = (max: number) => z.int().check(z.gte(1), z.lte(max));
/** 24-hour local time, "HH:MM". */
const TimeOfDay = z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/));
const Time = z.number().check(z.refine((n) => Number.isFinite(n) && Math.abs(n) <= 8.64e15));

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
  lastBackupAt: number | null;
}

export const DEFAULT_SETTINGS: Settings = {
  strongCadenceDays: STRONG_CADENCE_DAYS,
  weakCadenceDays: WEAK_CADENCE_DAYS,
  networks: { linkedin: true, facebook: true, x: true },
  theme: 'system',
  digest: { enabled: false, time: '09:00' },
  backupReminderDays: 30,
  lastBackupAt: null,
};

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
  'networks.linkedin': {
    stored: 'networks.linkedin',
    schema: z.boolean(),
    get: (s: Settings) => s.networks.linkedin,
    set: (s: Settings, v: boolean) => {
      s.networks.linkedin = v;
    },
  },
  'networks.facebook': {
    stored: 'networks.facebook',
    schema: z.boolean(),
    get: (s: Settings) => s.networks.facebook,
    set: (s: Settings, v: boolean) => {
      s.networks.facebook = v;
    },
  },
  'networks.x': {
    stored: 'networks.x',
    schema: z.boolean(),
    get: (s: Settings) => s.networks.x,
    set: (s: Settings, v: boolean) => {
      s.networks.x = v;
    },
  },
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
  };
}
