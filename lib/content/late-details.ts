import type { ProfileSnapshot } from '@/lib/sites/types';

/**
 * `sent` with what a later read of the same profile adds: a headline or photo it did not have. A read
 * that lacks one keeps what was sent (a re-render in progress is not a removal); `sent` itself when
 * nothing was added, so the caller reports only real additions.
 */
export function withLateDetails(sent: ProfileSnapshot, later: ProfileSnapshot | null): ProfileSnapshot {
  if (later === null || later.network !== sent.network || later.id !== sent.id) return sent;
  const headline = sent.headline ?? later.headline;
  const avatarUrl = sent.avatarUrl ?? later.avatarUrl;
  if (headline === sent.headline && avatarUrl === sent.avatarUrl) return sent;
  return { ...sent, headline, avatarUrl };
}

/**
 * When a read for late details may run: at once the first time, then after gaps that double from
 * `firstGapMs` up to `maxGapMs`. Sites render a profile's parts soon after its name, so the first looks
 * come quickly; a page whose feed keeps changing is not read again on every frame for what is usually not
 * there (a person with no headline): on the heavy pages of the page-cost bench that was a read every
 * timeline tick, 16 per page load with a post every 250 ms and 104 to 122 with one every 16 ms, each 0.6
 * to 1.5 ms in an unminified build (issue #9; 9 reads in both since).
 */
export function spacedReads(firstGapMs: number, maxGapMs: number): { wait(now: number): number } {
  let next = Number.NEGATIVE_INFINITY;
  let gap = firstGapMs;
  return {
    /** 0: read now (the next gap starts); otherwise how many ms until a read may run. */
    wait(now) {
      if (now < next) return next - now;
      next = now + gap;
      gap = Math.min(gap * 2, maxGapMs);
      return 0;
    },
  };
}
