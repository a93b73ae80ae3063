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
