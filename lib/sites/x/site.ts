import type { Site } from '../site';
import { readX, xDomMatches } from './read';
import { isXUrl, parseXProfileUrl, xProfileUrl } from './url';

export const xSite: Site = {
  network: 'x',
  isSite: isXUrl,
  parseProfile: parseXProfileUrl,
  profileUrl: xProfileUrl,
  domMatches: xDomMatches,
  read: readX,
};
