// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readProfile } from '../../../lib/sites';
import { facebookSite } from '../../../lib/sites/facebook/site';
import { linkedInSite } from '../../../lib/sites/linkedin/site';
import { readSiteProfile } from '../../../lib/sites/site';
import { xSite } from '../../../lib/sites/x/site';
import { readFixture } from '../../fixtures';
import { parseHtml } from './helpers';
import { urlCases } from './url-cases';

// Each content script bundles only its own network's Site. It must answer exactly as the whole contract
// does on its own site, and nothing at all on the others.
const sites = [linkedInSite, facebookSite, xSite];

describe("one network's Site", () => {
  it.each(sites)(
    '$network: the URL table, its own site as the contract reads it, others as nothing',
    (site) => {
      for (const { url, expected } of urlCases) {
        const own = expected?.network === site.network ? expected : null;
        expect(site.isSite(url) ? site.parseProfile(url) : null, url).toEqual(own);
      }
    },
  );

  it.each([
    [linkedInSite, 'linkedin/profile-jane-doe.html', 'https://www.linkedin.com/in/jane-doe/'],
    [facebookSite, 'facebook/profile-jane-doe.html', 'https://www.facebook.com/jane.doe'],
    [xSite, 'x/profile-janedoe.html', 'https://x.com/janedoe'],
  ] as const)(
    '%#: reads its fixture page exactly as readProfile does, and refuses the others’ URLs',
    (site, file, url) => {
      const doc = parseHtml(readFixture(file));
      const snapshot = readSiteProfile(site, doc, url);
      expect(snapshot?.name).toBe('Jane Doe');
      expect(snapshot).toEqual(readProfile(doc, url));
      for (const other of sites.filter((one) => one !== site))
        expect(readSiteProfile(other, doc, url)).toBeNull();
    },
  );
});
