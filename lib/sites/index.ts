import { facebookDomMatches, readFacebook } from './facebook/read';
import { linkedInDomMatches, readLinkedIn } from './linkedin/read';
import type { DomMatch, Network, ProfileRef, ProfileSnapshot } from './types';
import { canonicalProfileUrl, parseProfileUrl } from './urls';
import { readX, xDomMatches } from './x/read';

export { cleanText, safeHttpUrl } from './text';
export type { DomMatch, LinkTarget, Network, ProfileRef, ProfileSnapshot } from './types';
export { networkLabels } from './types';
export {
  canonicalProfileUrl,
  networkOfUrl,
  parseLinkTarget,
  parsePostAuthorUrl,
  parseProfileUrl,
} from './urls';

/** The DOM half, per network: whether the page shows a given profile, and what it shows of it. */
interface PageReader {
  domMatches(doc: Document, ref: ProfileRef): DomMatch;
  read(doc: Document, ref: ProfileRef, verdict: DomMatch): ProfileSnapshot;
}

const readers: Record<Network, PageReader> = {
  linkedin: { domMatches: linkedInDomMatches, read: readLinkedIn },
  facebook: { domMatches: facebookDomMatches, read: readFacebook },
  x: { domMatches: xDomMatches, read: readX },
};

/** Whether the profile rendered in `doc` is the one `ref` names; 'unknown' when the DOM has no owner evidence. */
export function profileDomMatches(doc: Document, ref: ProfileRef): DomMatch {
  try {
    return readers[ref.network].domMatches(doc, ref);
  } catch {
    return 'unknown';
  }
}

/**
 * Snapshot of the profile at `url` as `doc` shows it; null when `url` is not a profile page. The identity comes
 * from the URL only; when the DOM shows someone else (in-app navigation in flight), every DOM field is null.
 * Never throws.
 */
export function readProfile(doc: Document, url: string): ProfileSnapshot | null {
  let ref: ProfileRef | null;
  try {
    ref = parseProfileUrl(url);
  } catch {
    return null;
  }
  if (!ref) return null;
  const empty: ProfileSnapshot = {
    ...ref,
    url: canonicalProfileUrl(ref),
    name: null,
    headline: null,
    avatarUrl: null,
  };
  try {
    const verdict = readers[ref.network].domMatches(doc, ref);
    if (verdict === 'mismatch') return empty;
    return readers[ref.network].read(doc, ref, verdict);
  } catch {
    return empty;
  }
}
