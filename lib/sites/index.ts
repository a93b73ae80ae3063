import { facebookSite } from './facebook/site';
import { linkedInSite } from './linkedin/site';
import { readSiteProfile, type Site, siteDomMatches } from './site';
import type { DomMatch, Network, ProfileRef, ProfileSnapshot } from './types';
import { networkOfUrl } from './urls';
import { xSite } from './x/site';

export { readSiteProfile, type Site, siteDomMatches } from './site';
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

const sites: Record<Network, Site> = { linkedin: linkedInSite, facebook: facebookSite, x: xSite };

/** Whether the profile rendered in `doc` is the one `ref` names; 'unknown' when the DOM has no owner evidence. */
export function profileDomMatches(doc: Document, ref: ProfileRef): DomMatch {
  return siteDomMatches(sites[ref.network], doc, ref);
}

/**
 * Snapshot of the profile at `url` as `doc` shows it; null when `url` is not a profile page. The identity comes
 * from the URL only; when the DOM shows someone else (in-app navigation in flight), every DOM field is null.
 * Never throws.
 */
export function readProfile(doc: Document, url: string): ProfileSnapshot | null {
  let network: Network | null;
  try {
    network = networkOfUrl(url);
  } catch {
    return null;
  }
  return network ? readSiteProfile(sites[network], doc, url) : null;
}
