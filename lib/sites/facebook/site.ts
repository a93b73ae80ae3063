import type { Site } from '../site';
import { facebookDomMatches, readFacebook } from './read';
import { facebookProfileUrl, isFacebookUrl, parseFacebookProfileUrl } from './url';

export const facebookSite: Site = {
  network: 'facebook',
  isSite: isFacebookUrl,
  parseProfile: parseFacebookProfileUrl,
  profileUrl: facebookProfileUrl,
  domMatches: facebookDomMatches,
  read: readFacebook,
};
