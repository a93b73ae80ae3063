import { afterEach, describe, expect, it } from 'vitest';
import { minutesOfDay, nextDailyTime, type OffsetAt, wallToUtc } from '@/lib/domain/daily-time';

const H = 3_600_000;
const utc = (iso: string) => Date.parse(`${iso}Z`);
const fixed =
  (minutes: number): OffsetAt =>
  () =>
    minutes;
/** A zone at `standard` minutes that moves to `summer` at `springUtc` and back at `autumnUtc`. */
const dst =
  (standard: number, summer: number, springUtc: number, autumnUtc: number): OffsetAt =>
  (at) =>
    at >= springUtc && at < autumnUtc ? summer : standard;
// New York, 2024: clocks go forward at 02:00 EST on 10 March (07:00 UTC), back at 02:00 EDT on 3 November
// (06:00 UTC).
const newYork = dst(-300, -240, utc('2024-03-10T07:00'), utc('2024-11-03T06:00'));

describe('minutesOfDay', () => {
  it('reads 24-hour HH:MM and nothing else', () => {
    expect(minutesOfDay('00:00')).toBe(0);
    expect(minutesOfDay('09:05')).toBe(545);
    expect(minutesOfDay('23:59')).toBe(1439);
    for (const bad of ['24:00', '9:05', '09:60', '09:05 ', '', 'noon']) expect(minutesOfDay(bad)).toBeNull();
  });
});

describe('nextDailyTime', () => {
  it("is later today when the time is still ahead, else tomorrow's", () => {
    const now = utc('2024-06-01T08:00');
    expect(nextDailyTime('09:00', now, fixed(0))).toBe(utc('2024-06-01T09:00'));
    expect(nextDailyTime('07:00', now, fixed(0))).toBe(utc('2024-06-02T07:00'));
    // Exactly now is not "after now": the digest that just fired is not scheduled again for the same minute.
    expect(nextDailyTime('08:00', now, fixed(0))).toBe(utc('2024-06-02T08:00'));
  });

  it('counts the day in local time, not in UTC', () => {
    // 23:30 UTC on 1 June is 01:30 on 2 June in UTC+2: 09:00 local is 07:00 UTC on 2 June.
    expect(nextDailyTime('09:00', utc('2024-06-01T23:30'), fixed(120))).toBe(utc('2024-06-02T07:00'));
    // 03:00 UTC on 2 June is 20:00 on 1 June in UTC-7: 21:00 local is still ahead that evening.
    expect(nextDailyTime('21:00', utc('2024-06-02T03:00'), fixed(-420))).toBe(utc('2024-06-02T04:00'));
  });

  it('keeps the local time across the spring daylight-saving change (a 23-hour day)', () => {
    // 09:00 EST on 9 March is 14:00 UTC; the next 09:00 is EDT, 13:00 UTC: 23 hours later, not 24.
    const fired = utc('2024-03-09T14:00');
    const next = nextDailyTime('09:00', fired, newYork);
    expect(next).toBe(utc('2024-03-10T13:00'));
    expect(next - fired).toBe(23 * H);
  });

  it('keeps the local time across the autumn change (a 25-hour day)', () => {
    const fired = utc('2024-11-02T13:00'); // 09:00 EDT
    const next = nextDailyTime('09:00', fired, newYork);
    expect(next).toBe(utc('2024-11-03T14:00')); // 09:00 EST
    expect(next - fired).toBe(25 * H);
  });

  it('a time skipped by clocks going forward comes just after the gap, that same day', () => {
    // 02:30 does not exist in New York on 10 March 2024; the reminder comes at 03:30 EDT (07:30 UTC).
    expect(nextDailyTime('02:30', utc('2024-03-10T05:00'), newYork)).toBe(utc('2024-03-10T07:30'));
  });

  it('a time shown twice when clocks go back fires once, at its first showing', () => {
    // 01:30 on 3 November 2024 is 05:30 UTC (EDT) and again 06:30 UTC (EST).
    const first = nextDailyTime('01:30', utc('2024-11-03T04:00'), newYork);
    expect(first).toBe(utc('2024-11-03T05:30'));
    // Rescheduled when it fires: the second showing is skipped, the next is the following night.
    expect(nextDailyTime('01:30', first, newYork)).toBe(utc('2024-11-04T06:30'));
  });

  it('refuses what is not a time of day or not a time, naming it', () => {
    expect(() => nextDailyTime('25:00', 0, fixed(0))).toThrow(/"25:00"/);
    expect(() => nextDailyTime('09:00', Number.NaN, fixed(0))).toThrow(/now/);
  });
});

describe('wallToUtc against the machine zone database', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });
  const machineOffset: OffsetAt = (at) => 0 - new Date(at).getTimezoneOffset();

  it.each([
    ['America/New_York', -300],
    ['Europe/London', 0],
    ['Australia/Lord_Howe', 660],
    ['Asia/Kolkata', 330],
  ])('gives the same instants as Date for every quarter hour around the changes in %s', (name, january) => {
    process.env.TZ = name;
    // The zone really is in force (Node reads TZ when it is assigned).
    expect(machineOffset(utc('2024-01-15T12:00'))).toBe(january);
    // A day either side of both 2024 changes in each hemisphere, every 15 minutes.
    for (const day of ['2024-03-10', '2024-03-31', '2024-04-07', '2024-10-06', '2024-10-27', '2024-11-03']) {
      const [y, m, d] = day.split('-').map(Number) as [number, number, number];
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const viaDate = new Date(y, m - 1, d, Math.floor(minutes / 60), minutes % 60).getTime();
        expect(
          wallToUtc(Date.UTC(y, m - 1, d, 0, minutes), machineOffset),
          `${name} ${day} +${minutes}`,
        ).toBe(viaDate);
      }
    }
  });
});
