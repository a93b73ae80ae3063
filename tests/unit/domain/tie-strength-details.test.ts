// Details of tieStrength: wording thresholds, effort and service rules, edge cases and input checks.
// Expected numbers are hand-computed from the documented curves (tie-dimensions.ts).

import { describe, expect, it } from 'vitest';
import { STRONG_THRESHOLD, tieStrength } from '../../../lib/domain';
import { DAY, fact, inputs, NOW } from './fixtures';

const LOG13 = Math.log(13);

describe('tieStrength details', () => {
  it.each([
    [0.8, 'very close'],
    [0.6, 'close'],
    [0.5, 'somewhat close'],
    [0.2, 'not very close'],
    [0.1, 'distant'],
    [0, 'distant'],
  ])('closeness %d reads "%s"', (closeness, words) => {
    expect(tieStrength(inputs({ closeness }), NOW).reasons[0]).toBe(`you rated this relationship ${words}`);
  });

  it('weighs a reaction at a quarter of a message and a meeting at two', () => {
    const intensity = (kind: 'reaction' | 'message' | 'meeting', n: number) =>
      tieStrength(inputs({ interactions: Array.from({ length: n }, () => fact(1, kind, 'them')) }), NOW)
        .dimensions.intensity;
    expect(intensity('reaction', 4)).toBeCloseTo(intensity('message', 1), 12);
    expect(intensity('meeting', 1)).toBeCloseTo(Math.log(3) / LOG13, 12);
    expect(intensity('message', 12)).toBe(1);
    expect(intensity('message', 40)).toBe(1);
  });

  it('counts an answer from them twice towards reciprocity', () => {
    // me, me, me, answer from them (weight 2): share 2 / 5 = 0.4 -> 0.8
    const result = tieStrength(
      inputs({
        interactions: [
          fact(4, 'question-asked', 'me'),
          fact(3, 'message', 'me'),
          fact(2, 'message', 'me'),
          fact(1, 'question-answered', 'them'),
        ],
      }),
      NOW,
    );
    expect(result.dimensions.reciprocity).toBeCloseTo(0.8, 12);
    expect(result.reasons).toContain('they answered a question of yours');
  });

  it('takes the tie start from the first interaction when it predates metAt', () => {
    const result = tieStrength(
      inputs({ metAt: NOW - 10 * DAY, interactions: [fact(365, 'message', 'them')] }),
      NOW,
    );
    expect(result.dimensions.duration).toBeCloseTo(0.5, 12);
    expect(result.reasons).toContain('known for 1 year');
  });

  it('treats future interactions as happening now', () => {
    const result = tieStrength(inputs({ interactions: [fact(-3, 'call', 'mutual')] }), NOW);
    expect(result.dimensions.recency).toBe(1);
    expect(result.reasons[0]).toBe('last contact today');
  });

  it('clamps finite out-of-range numbers', () => {
    expect(tieStrength(inputs({ closeness: 1.5 }), NOW).dimensions.intimacy).toBe(1);
    expect(tieStrength(inputs({ closeness: -2 }), NOW).dimensions.intimacy).toBe(0);
    expect(tieStrength(inputs({ mutualLinkCount: -4, sharedTagCount: -1 }), NOW).dimensions.structural).toBe(
      0,
    );
  });

  it.each([
    ['closeness', inputs({ closeness: Number.NaN })],
    ['mutualLinkCount', inputs({ mutualLinkCount: Number.POSITIVE_INFINITY })],
    ['sharedTagCount', inputs({ sharedTagCount: Number.NaN })],
    ['metAt', inputs({ metAt: Number.NaN })],
    [
      'interactions[1].at',
      inputs({ interactions: [fact(1, 'call', 'me'), { ...fact(0, 'call', 'me'), at: 1e300 }] }),
    ],
  ])('rejects an unusable %s (NaN, infinite, outside the Date range), naming it', (field, bad) => {
    expect(() => tieStrength(bad, NOW)).toThrow(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')} `));
    expect(() => tieStrength(bad, NOW)).toThrow(RangeError);
  });

  it('rejects a non-finite now', () => {
    expect(() => tieStrength(inputs(), Number.NaN)).toThrow(/^now /);
  });

  it('a closeness answer alone cannot make a tie strong; with fresh two-way contact it can', () => {
    const ratedOnly = tieStrength(inputs({ closeness: 1 }), NOW);
    expect(ratedOnly.score).toBeLessThan(STRONG_THRESHOLD);
    const withContact = tieStrength(
      inputs({ closeness: 1, metAt: NOW - 10_000 * DAY, interactions: [fact(0, 'message', 'them')] }),
      NOW,
    );
    // 0.22 + 0.2 + 0.18 * (1 - 2^(-10000/365)) + 0.16 * log(2)/log(13) + 0.08 = 0.7232
    expect(withContact.score).toBeCloseTo(0.7232, 4);
    expect(withContact.strong).toBe(true);
  });

  it('counts services in either direction, and names each', () => {
    // 2 services -> 1 - 2^-2 = 0.75
    const result = tieStrength(
      inputs({ interactions: [fact(5, 'introduction', 'me'), fact(4, 'feedback-given', 'me')] }),
      NOW,
    );
    expect(result.dimensions.services).toBe(0.75);
    expect(result.reasons).toContain('you introduced them to someone');
    expect(result.reasons).toContain('you gave them feedback');
    const repeated = tieStrength(
      inputs({
        interactions: [
          fact(5, 'introduction', 'them'),
          fact(4, 'introduction', 'them'),
          fact(3, 'introduction', 'mutual'),
          fact(2, 'feedback-received', 'them'),
          fact(1, 'feedback-received', 'me'),
        ],
      }),
      NOW,
    );
    expect(repeated.dimensions.services).toBeCloseTo(1 - 2 ** -5, 12);
    expect(repeated.reasons).toEqual(
      expect.arrayContaining([
        'introduced you to someone 2 times',
        'you made an introduction together',
        'gave you feedback 2 times',
      ]),
    );
  });

  it('mentions a streak only from 3 exchanges on', () => {
    const two = tieStrength(
      inputs({ interactions: [fact(2, 'message', 'me'), fact(1, 'message', 'me')] }),
      NOW,
    );
    expect(two.reasons).toContain('they started 0 of 2 exchanges');
    expect(two.reasons.some((r) => r.includes('started the last'))).toBe(false);
    const three = tieStrength(
      inputs({
        interactions: [fact(3, 'message', 'them'), fact(2, 'email', 'them'), fact(1, 'call', 'them')],
      }),
      NOW,
    );
    expect(three.reasons).toContain('they started the last 3 exchanges');
  });

  it('describes shared links and tags in the singular', () => {
    const { reasons } = tieStrength(inputs({ mutualLinkCount: 1, sharedTagCount: 1 }), NOW);
    expect(reasons).toEqual(['no contact logged yet', '1 person you know knows them', '1 shared tag']);
  });

  it('counts an interaction exactly 90 days old as recent, and one a millisecond older as not', () => {
    const edge = tieStrength(inputs({ interactions: [fact(90, 'message', 'them')] }), NOW);
    expect(edge.reasons).toContain('1 exchange in the last 3 months');
    const older = tieStrength(
      inputs({ interactions: [{ ...fact(90, 'message', 'them'), at: NOW - 90 * DAY - 1 }] }),
      NOW,
    );
    expect(older.reasons).toContain('no exchanges in the last 3 months');
    expect(older.dimensions.intensity).toBe(0);
  });
});
