export type Network = 'linkedin' | 'facebook' | 'x';

/** The canonical identity key of a person on one network. */
export interface ProfileRef {
  network: Network;
  id: string;
}

export interface ProfileSnapshot extends ProfileRef {
  /** Canonical profile URL (see canonicalProfileUrl). */
  url: string;
  /** Display name as the page shows it. */
  name: string | null;
  /** LinkedIn headline, X bio, Facebook intro line, when present. */
  headline: string | null;
  avatarUrl: string | null;
}

export type DomMatch = 'match' | 'mismatch' | 'unknown';

export type LinkTarget = { ref: ProfileRef; via: 'profile' | 'post' };

/**
 * What one piece of owner evidence in the DOM says: a profile, or "this page is not a profile at all"
 * (e.g. a canonical link to the login wall or to a post).
 */
export type OwnerClaim = ProfileRef | 'not-profile';

export const networkLabels: Record<Network, string> = {
  linkedin: 'LinkedIn',
  facebook: 'Facebook',
  x: 'X',
};
