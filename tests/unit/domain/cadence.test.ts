import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FollowUpInput, followUp, STRONG_CADENCE_DAYS, WEAK_CADENCE_DAYS } from '../../../lib/domain';
import { DAY, NOW, timeArb } from './fixtures';

const RUNS = { numRuns: 1000 };
const base: FollowUpInput = {
  lastInteractionAt: null,
  metAt: null,
  cadenceDays: null,
  strong: false,
  snoozedUntil: null,
};

describe('followUp examples', () => {
  it('defaults to 30 days for strong ties and 90 for weak ones', () => {
    expect(STRONG_CADENCE_DAYS).toBe(30);
    expect(WEAK_CADENCE_DAYS).toBe(90);
  });

  it.each<[string, Partial<FollowUpInput>, number, number, string]>([
    // name, input, expected dueAt, overdueDays, status
    [
      'strong, talked 10 days ago',
      { strong: true, lastInteractionAt: NOW - 10 * DAY },
      NOW + 20 * DAY,
      0,
      'upcoming',
    ],
    ['weak, talked 100 days ago', { lastInteractionAt: NOW - 100 * DAY }, NOW - 10 * DAY, 10, 'overdue'],
    ['own cadence of 7 days', { cadenceDays: 7, lastInteractionAt: NOW - 7 * DAY }, NOW, 0, 'due-today'],
    [
      'due 23 hours ago',
      { cadenceDays: 1, lastInteractionAt: NOW - 47 * 3_600_000 },
      NOW - 23 * 3_600_000,
      0,
      'due-today',
    ],
    [
      'due 25 hours ago',
      { cadenceDays: 1, lastInteractionAt: NOW - 49 * 3_600_000 },
      NOW - 25 * 3_600_000,
      1,
      'overdue',
    ],
    [
      'due in one minute',
      { cadenceDays: 1, lastInteractionAt: NOW - DAY + 60_000 },
      NOW + 60_000,
      0,
      'upcoming',
    ],
    ['never talked, met 10 days ago', { strong: true, metAt: NOW - 10 * DAY }, NOW + 20 * DAY, 0, 'upcoming'],
    ['never talked, nothing known', {}, NOW, 0, 'due-today'],
    [
      'met after the last logged interaction',
      { metAt: NOW - 5 * DAY, lastInteractionAt: NOW - 50 * DAY },
      NOW + 85 * DAY,
      0,
      'upcoming',
    ],
    [
      'snoozed past the due date',
      { lastInteractionAt: NOW - 100 * DAY, snoozedUntil: NOW + 3 * DAY },
      NOW + 3 * DAY,
      0,
      'upcoming',
    ],
    [
      'snooze that already ended',
      { lastInteractionAt: NOW - 100 * DAY, snoozedUntil: NOW - 20 * DAY },
      NOW - 10 * DAY,
      10,
      'overdue',
    ],
    [
      'fractional cadence',
      { cadenceDays: 1.5, lastInteractionAt: NOW - 4 * DAY },
      NOW - 2.5 * DAY,
      2,
      'overdue',
    ],
  ])('%s', (_name, input, dueAt, overdueDays, status) => {
    expect(followUp({ ...base, ...input }, NOW)).toEqual({ dueAt, overdueDays, status });
  });

  it.each([0, -3, Number.NaN, Number.POSITIVE_INFINITY])('rejects a cadence of %d days', (cadenceDays) => {
    expect(() => followUp({ ...base, cadenceDays }, NOW)).toThrow(/^cadenceDays must be a positive number/);
  });

  it('rejects unusable times, naming them', () => {
    expect(() => followUp({ ...base, snoozedUntil: Number.NaN }, NOW)).toThrow(/^snoozedUntil /);
    expect(() => followUp(base, Number.NaN)).toThrow(/^now /);
  });
});

describe('followUp properties', () => {
  const inputArb = fc.record<FollowUpInput>({
    lastInteractionAt: fc.option(timeArb, { nil: null }),
    metAt: fc.option(timeArb, { nil: null }),
    cadenceDays: fc.option(fc.double({ min: 0.01, max: 3650, noNaN: true }), { nil: null }),
    strong: fc.boolean(),
    snoozedUntil: fc.option(timeArb, { nil: null }),
  });

  it('snooze never makes the due date earlier', () => {
    fc.assert(
      fc.property(inputArb, timeArb, (input, snoozedUntil) => {
        const unsnoozed = followUp({ ...input, snoozedUntil: null }, NOW).dueAt;
        expect(followUp({ ...input, snoozedUntil }, NOW).dueAt).toBeGreaterThanOrEqual(unsnoozed);
      }),
      RUNS,
    );
  });

  it('logging a new interaction now never makes the due date earlier', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const last = Math.max(input.lastInteractionAt ?? NOW, NOW);
        const before = followUp(input, NOW).dueAt;
        expect(followUp({ ...input, lastInteractionAt: last }, NOW).dueAt).toBeGreaterThanOrEqual(before);
      }),
      RUNS,
    );
  });

  it('logging a backdated interaction never makes the due date earlier once the clock has a start', () => {
    // With no interaction and no metAt the person is "due now", a moving target; a backdated interaction
    // then rightly makes them overdue. Otherwise any new interaction can only push the date later.
    fc.assert(
      fc.property(inputArb, timeArb, (input, at) => {
        fc.pre(input.lastInteractionAt !== null || input.metAt !== null);
        const last = Math.max(input.lastInteractionAt ?? at, at);
        const before = followUp(input, NOW).dueAt;
        expect(followUp({ ...input, lastInteractionAt: last }, NOW).dueAt).toBeGreaterThanOrEqual(before);
      }),
      RUNS,
    );
  });

  it('status and overdue days agree with the due date', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { dueAt, overdueDays, status } = followUp(input, NOW);
        expect(Number.isInteger(overdueDays) && overdueDays >= 0).toBe(true);
        if (dueAt > NOW) expect([status, overdueDays]).toEqual(['upcoming', 0]);
        else if (NOW - dueAt < DAY) expect([status, overdueDays]).toEqual(['due-today', 0]);
        else {
          expect(status).toBe('overdue');
          expect(overdueDays * DAY).toBeLessThanOrEqual(NOW - dueAt);
          expect((overdueDays + 1) * DAY).toBeGreaterThan(NOW - dueAt);
        }
      }),
      RUNS,
    );
  });
});
