import { describe, expect, it } from 'vitest';
import { elapsedUnits, plural, timeAgo, timeSpan } from '../../../lib/domain/time-words';
import { DAY } from './fixtures';

describe('timeAgo', () => {
  it.each([
    [0, 'today'],
    [DAY - 1, 'today'],
    [DAY, 'yesterday'],
    [2 * DAY, '2 days ago'],
    [9 * DAY, '9 days ago'],
    [13 * DAY + 5, '13 days ago'],
    [14 * DAY, '2 weeks ago'],
    [30 * DAY, '4 weeks ago'],
    [60 * DAY, '8 weeks ago'],
    [61 * DAY, '2 months ago'],
    [215 * DAY, '7 months ago'], // 215 / 30.4375 = 7.06
    [364 * DAY, '11 months ago'],
    [365 * DAY, '1 year ago'],
    [3 * 365 * DAY + 200 * DAY, '3 years ago'],
    [-5 * DAY, 'today'], // the future counts as now
  ])('%d ms -> %s', (ms, words) => {
    expect(timeAgo(ms)).toBe(words);
  });
});

describe('timeSpan', () => {
  it.each([
    [0, 'less than a day'],
    [DAY, '1 day'],
    [3 * DAY, '3 days'],
    [21 * DAY, '3 weeks'],
    [100 * DAY, '3 months'], // 100 / 30.4375 = 3.29
    [730 * DAY, '2 years'],
    [1095 * DAY, '3 years'],
  ])('%d ms -> %s', (ms, words) => {
    expect(timeSpan(ms)).toBe(words);
  });
});

describe('elapsedUnits', () => {
  it('never reports more than has elapsed', () => {
    for (let days = 0; days < 2000; days += 1) {
      const { count, unit } = elapsedUnits(days * DAY);
      const unitDays = { day: 1, week: 7, month: 30.4375, year: 365 }[unit];
      expect(count * unitDays).toBeLessThanOrEqual(days);
      expect((count + 1) * unitDays).toBeGreaterThan(days);
    }
  });
});

describe('plural', () => {
  it.each([
    [1, 'exchange', undefined, '1 exchange'],
    [12, 'exchange', undefined, '12 exchanges'],
    [0, 'exchange', undefined, '0 exchanges'],
    [1, 'person', 'people', '1 person'],
    [3, 'person', 'people', '3 people'],
  ])('%d %s', (count, one, many, words) => {
    expect(plural(count, one, many)).toBe(words);
  });
});
