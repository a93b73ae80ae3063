import { describe, expect, it } from 'vitest';
import {
  AUTO_BACKUP_EARLY_MS,
  type AutoBackupDecision,
  type AutoBackupInput,
  autoBackupDue,
} from '@/lib/domain/auto-backup';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const NOW = Date.UTC(2025, 5, 15, 9, 0);
const on: AutoBackupInput = { enabled: true, everyDays: 7, lastAt: null, permitted: true, now: NOW };

describe('autoBackupDue', () => {
  it.each<[string, Partial<AutoBackupInput>, AutoBackupDecision]>([
    ['off: never, whatever else holds', { enabled: false }, { due: false, why: 'off' }],
    ['off and no permission: off first', { enabled: false, permitted: false }, { due: false, why: 'off' }],
    ['on without the permission', { permitted: false }, { due: false, why: 'no-permission' }],
    [
      'no permission wins over a backup long overdue',
      { permitted: false, lastAt: NOW - 90 * DAY },
      { due: false, why: 'no-permission' },
    ],
    ['no backup ever', { lastAt: null }, { due: true }],
    ['the period is over', { lastAt: NOW - 7 * DAY }, { due: true }],
    ['long overdue', { lastAt: NOW - 400 * DAY }, { due: true }],
    [
      'a backup an hour ago',
      { lastAt: NOW - HOUR },
      { due: false, why: 'recent', dueAt: NOW - HOUR + 7 * DAY },
    ],
    ['a day short of 7', { lastAt: NOW - 6 * DAY }, { due: false, why: 'recent', dueAt: NOW + DAY }],
    ['half an hour early counts as on time', { lastAt: NOW - 7 * DAY + AUTO_BACKUP_EARLY_MS }, { due: true }],
    [
      'a minute more than that is too early',
      { lastAt: NOW - 7 * DAY + AUTO_BACKUP_EARLY_MS + 60_000 },
      { due: false, why: 'recent', dueAt: NOW + AUTO_BACKUP_EARLY_MS + 60_000 },
    ],
    ['daily: yesterday at this time', { everyDays: 1, lastAt: NOW - DAY }, { due: true }],
    [
      'daily: 20 hours ago',
      { everyDays: 1, lastAt: NOW - 20 * HOUR },
      { due: false, why: 'recent', dueAt: NOW + 4 * HOUR },
    ],
    [
      'monthly: 29 days ago',
      { everyDays: 30, lastAt: NOW - 29 * DAY },
      { due: false, why: 'recent', dueAt: NOW + DAY },
    ],
    ['monthly: 30 days ago', { everyDays: 30, lastAt: NOW - 30 * DAY }, { due: true }],
    ['a last backup in the future (the clock was set back)', { lastAt: NOW + 3 * DAY }, { due: true }],
    ['a backup at this very moment', { lastAt: NOW }, { due: false, why: 'recent', dueAt: NOW + 7 * DAY }],
  ])('%s', (_, change, expected) => {
    expect(autoBackupDue({ ...on, ...change })).toEqual(expected);
  });

  it('refuses times and periods that are not ones, naming them', () => {
    expect(() => autoBackupDue({ ...on, now: Number.NaN })).toThrow(/now/);
    expect(() => autoBackupDue({ ...on, lastAt: Number.POSITIVE_INFINITY })).toThrow(/lastAt/);
    expect(() => autoBackupDue({ ...on, lastAt: NOW - DAY, everyDays: 0 })).toThrow(/everyDays/);
    expect(() => autoBackupDue({ ...on, lastAt: NOW - DAY, everyDays: 1.5 })).toThrow(/everyDays/);
  });

  it('checked every hour, a little late at times, a daily backup stays at about the same time of day', () => {
    // Hourly checks at :20 past, each up to 4 minutes late as alarms are; a month of them.
    let lastAt: number | null = null;
    const saved: number[] = [];
    for (let hour = 0; hour < 30 * 24; hour++) {
      const check = NOW + 20 * 60_000 + hour * HOUR + ((hour * 7) % 5) * 60_000;
      if (autoBackupDue({ ...on, everyDays: 1, lastAt, now: check }).due) {
        saved.push(check);
        lastAt = check;
      }
    }
    expect(saved).toHaveLength(30);
    expect(new Set(saved.map((at) => new Date(at).getUTCHours()))).toEqual(new Set([9]));
  });
});
