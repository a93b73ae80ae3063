// Worked examples for tieStrength. Expected numbers are computed by hand from the documented curves
// (tie-dimensions.ts) and weights (tie-weights.ts); the decimals in comments are the hand arithmetic.

import { describe, expect, it } from 'vitest';
import { DIMENSIONS, TIE_WEIGHTS, tieStrength } from '../../../lib/domain';
import { DAY, fact, inputs, NOW } from './fixtures';

const LOG13 = Math.log(13); // intensity saturates at 12 effort units: log(1 + 12)

describe('weights', () => {
  it('sum to 1', () => {
    const sum = DIMENSIONS.reduce((total, d) => total + TIE_WEIGHTS[d], 0);
    expect(sum).toBeCloseTo(1, 12);
  });

  it('keep the order of Gilbert & Karahalios: intimacy > recency > duration > intensity > services', () => {
    const w = TIE_WEIGHTS;
    expect(w.intimacy).toBeGreaterThan(w.recency);
    expect(w.recency).toBeGreaterThan(w.duration);
    expect(w.duration).toBeGreaterThan(w.intensity);
    expect(w.intensity).toBeGreaterThan(w.services);
    expect(w.services).toBeGreaterThan(w.structural);
  });
});

describe('tieStrength examples', () => {
  it('knows nothing: score 0, weak, one reason', () => {
    const result = tieStrength(inputs(), NOW);
    expect(result.score).toBe(0);
    expect(result.strong).toBe(false);
    expect(result.reasons).toEqual(['no contact logged yet']);
    expect(result.dimensions).toEqual({
      intimacy: 0,
      recency: 0,
      duration: 0,
      intensity: 0,
      reciprocity: 0,
      structural: 0,
      services: 0,
    });
  });

  it('only a "very close" answer: the intimacy weight alone', () => {
    const result = tieStrength(inputs({ closeness: 1 }), NOW);
    expect(result.score).toBeCloseTo(0.22, 12);
    expect(result.strong).toBe(false);
    expect(result.reasons).toEqual(['you rated this relationship very close', 'no contact logged yet']);
  });

  it('met today, one mutual message today: renormalised without closeness, weak', () => {
    // recency 1, duration 0, intensity log(2)/log(13) = 0.2702, reciprocity min(1, 2 * 0.5) = 1
    // (0.2 + 0.16 * 0.2702 + 0.08) / 0.78 = 0.3232 / 0.78 = 0.4144
    const result = tieStrength(inputs({ metAt: NOW, interactions: [fact(0, 'message', 'mutual')] }), NOW);
    expect(result.score).toBeCloseTo(0.4144, 4);
    expect(result.score).toBeCloseTo((0.2 + (0.16 * Math.log(2)) / LOG13 + 0.08) / 0.78, 12);
    expect(result.strong).toBe(false);
    expect(result.dimensions.intimacy).toBe(result.score);
    expect(result.reasons).toEqual([
      'last contact today',
      '1 exchange in the last 3 months',
      'known for less than a day',
    ]);
  });

  it('monthly two-way contact over two years: strong without a closeness answer', () => {
    // recency 2^(-30/90) = 0.7937, duration 1 - 2^-2 = 0.75, intensity log(4)/log(13) = 0.5405,
    // reciprocity (1 + 0 + 0.5) / 3 = 0.5 -> 1, structural 0.75 * 3/8 = 0.2813
    // 0.2 * 0.7937 + 0.18 * 0.75 + 0.16 * 0.5405 + 0.08 + 0.06 * 0.2813 = 0.4771; / 0.78 = 0.6117
    const result = tieStrength(
      inputs({
        metAt: NOW - 730 * DAY,
        interactions: [fact(30, 'message', 'them'), fact(40, 'message', 'me'), fact(50, 'message', 'mutual')],
        mutualLinkCount: 3,
      }),
      NOW,
    );
    expect(result.score).toBeCloseTo(0.6117, 4);
    expect(result.strong).toBe(true);
    expect(result.dimensions.recency).toBeCloseTo(2 ** (-1 / 3), 12);
    expect(result.dimensions.duration).toBeCloseTo(0.75, 12);
    expect(result.dimensions.intensity).toBeCloseTo(Math.log(4) / LOG13, 12);
    expect(result.dimensions.reciprocity).toBe(1);
    expect(result.dimensions.structural).toBeCloseTo(0.28125, 12);
    expect(result.dimensions.services).toBe(0);
    expect(result.reasons).toEqual([
      'last contact 4 weeks ago',
      '3 exchanges in the last 3 months',
      'they started 1 of 3 exchanges',
      'known for 2 years',
      '3 people you know know them',
    ]);
  });

  const closeColleague = inputs({
    closeness: 0.8,
    metAt: NOW - 1095 * DAY,
    interactions: [
      fact(10, 'message', 'them'),
      fact(20, 'message', 'me'),
      fact(30, 'introduction', 'them'),
      fact(40, 'message', 'me'),
      fact(50, 'feedback-received', 'them'),
      fact(60, 'message', 'me'),
      fact(200, 'message', 'mutual'),
    ],
    mutualLinkCount: 5,
    sharedTagCount: 2,
  });

  it('a close colleague: every dimension contributes', () => {
    // intimacy 0.8, recency 2^(-1/9) = 0.9259, duration 1 - 2^-3 = 0.875, intensity log(7)/log(13) = 0.7587
    // (6 within 90 days), reciprocity 3.5 / 7 = 0.5 -> 1, services 2 -> 0.75, structural 0.75/2 + 0.25/2 = 0.5
    // 0.176 + 0.18518 + 0.1575 + 0.12138 + 0.08 + 0.075 + 0.03 = 0.8251
    const result = tieStrength(closeColleague, NOW);
    expect(result.score).toBeCloseTo(0.8251, 4);
    expect(result.strong).toBe(true);
    expect(result.dimensions).toEqual({
      intimacy: 0.8,
      recency: expect.closeTo(2 ** (-1 / 9), 12),
      duration: 0.875,
      intensity: expect.closeTo(Math.log(7) / LOG13, 12),
      reciprocity: 1,
      services: 0.75,
      structural: 0.5,
    });
    expect(result.reasons).toEqual([
      'you rated this relationship very close',
      'last contact 10 days ago',
      '6 exchanges in the last 3 months',
      'they started 3 of 7 exchanges',
      'known for 3 years',
      'introduced you to someone',
      'gave you feedback',
      '5 people you know know them',
      '2 shared tags',
    ]);
  });

  it('the override decides strong/weak but leaves the score alone', () => {
    const evidence = tieStrength(closeColleague, NOW);
    const marked = tieStrength({ ...closeColleague, override: 'weak' }, NOW);
    expect(marked.strong).toBe(false);
    expect(marked.score).toBe(evidence.score);
    expect(marked.reasons[0]).toBe('you marked this tie as weak');
    const promoted = tieStrength(inputs({ override: 'strong' }), NOW);
    expect(promoted).toMatchObject({ score: 0, strong: true });
    expect(promoted.reasons).toEqual(['you marked this tie as strong', 'no contact logged yet']);
  });

  it('a fading one-sided tie: weak, with the streak and the gap as reasons', () => {
    // recency 2^(-215/90) = 0.1909, duration 1 - 2^(-400/365) = 0.5322, nothing else
    // (0.2 * 0.1909 + 0.18 * 0.5322) / 0.78 = 0.1340 / 0.78 = 0.1718
    const result = tieStrength(
      inputs({
        metAt: NOW - 400 * DAY,
        interactions: [
          fact(300, 'message', 'me'),
          fact(215, 'message', 'me'),
          fact(270, 'comment', 'me'),
          fact(240, 'message', 'me'),
        ],
      }),
      NOW,
    );
    expect(result.score).toBeCloseTo(0.1718, 4);
    expect(result.strong).toBe(false);
    expect(result.reasons).toEqual([
      'last contact 7 months ago',
      'no exchanges in the last 3 months',
      'you started the last 4 exchanges',
      'known for 1 year',
    ]);
  });
});
