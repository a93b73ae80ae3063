import { describe, expect, it } from 'vitest';
import { verdictFromClaims } from '@/lib/sites/evidence';
import type { OwnerClaim, ProfileRef } from '@/lib/sites/types';

const jane: ProfileRef = { network: 'linkedin', id: 'jane-doe' };
const rahul: ProfileRef = { network: 'linkedin', id: 'rahul-mehta' };

/** A tier that records that it was read. */
function tier(claims: OwnerClaim[], reads: string[], name: string) {
  return () => {
    reads.push(name);
    return claims;
  };
}

describe('verdictFromClaims', () => {
  it('decides on the first tier that has a claim, and reads no tier after it', () => {
    const reads: string[] = [];
    expect(verdictFromClaims(jane, [tier([jane], reads, 'body'), tier([rahul], reads, 'head')])).toBe(
      'match',
    );
    expect(verdictFromClaims(jane, [tier([rahul], reads, 'body'), tier([jane], reads, 'head')])).toBe(
      'mismatch',
    );
    expect(reads).toEqual(['body', 'body']);
  });

  it('reads the next tier when the body names nobody, and says unknown when no tier does', () => {
    const reads: string[] = [];
    expect(verdictFromClaims(jane, [tier([], reads, 'body'), tier([jane], reads, 'head')])).toBe('match');
    expect(verdictFromClaims(jane, [tier([], reads, 'body'), tier([], reads, 'head')])).toBe('unknown');
    expect(reads).toEqual(['body', 'head', 'body', 'head']);
  });

  it('matches on any claim of a tier, whatever its order or repeats', () => {
    const reads: string[] = [];
    expect(verdictFromClaims(jane, [tier([rahul, rahul, jane], reads, 'body')])).toBe('match');
    expect(verdictFromClaims(jane, [tier(['not-profile', jane], reads, 'body')])).toBe('match');
  });
});
