import type { Site } from '../site';
import { linkedInDomMatches, readLinkedIn } from './read';
import { isLinkedInUrl, linkedInProfileUrl, parseLinkedInProfileUrl } from './url';

export const linkedInSite: Site = {
  network: 'linkedin',
  isSite: isLinkedInUrl,
  parseProfile: parseLinkedInProfileUrl,
  profileUrl: linkedInProfileUrl,
  domMatches: linkedInDomMatches,
  read: readLinkedIn,
};
