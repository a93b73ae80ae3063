import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The permissions are part of the privacy promise: widening them must be a deliberate change to this
// list, reviewed as such, never a side effect of a dependency or a refactor.
const output = resolve(import.meta.dirname, '../..', process.env.RAPPORT_OUT_DIR ?? '.output');
const manifest = (target: string) => JSON.parse(readFileSync(join(output, target, 'manifest.json'), 'utf8'));

const SITES = [
  '*://*.facebook.com/*',
  '*://*.linkedin.com/*',
  '*://*.twitter.com/*',
  '*://*.x.com/*',
  '*://twitter.com/*',
  '*://x.com/*',
];

interface ContentScript {
  matches: string[];
}

describe.each([
  {
    target: 'chrome-mv3',
    permissions: ['alarms', 'contextMenus', 'scripting', 'sidePanel', 'storage'],
    // The content scripts' own sites, so a new version runs in their open tabs at once (Chrome does not);
    // Chrome's install prompt already names these sites for the content scripts.
    hosts: SITES,
  },
  { target: 'firefox-mv2', permissions: ['alarms', 'contextMenus', 'storage'], hosts: [] },
])('the $target manifest', ({ target, permissions, hosts }) => {
  const m = manifest(target);

  it('asks only for the allowed permissions', () => {
    expect([...(m.permissions ?? [])].sort()).toEqual(permissions);
    // Each asked for only when the user turns its feature on, and given back when it is turned off:
    // notifications for the daily digest, downloads for automatic backup files (saved into the browser's
    // download folder; nothing else is read from or done with the user's downloads).
    expect(m.optional_permissions ?? []).toEqual(['notifications', 'downloads']);
    expect([...(m.host_permissions ?? [])].sort()).toEqual(hosts);
  });

  it('runs content scripts on the three sites only', () => {
    const matches = (m.content_scripts as ContentScript[]).flatMap((script) => script.matches);
    // Chrome narrows each site's scripts to parts of the site (tests/build/site-scripts.test.ts): every
    // pattern is on one of the sites' hosts.
    const siteHosts = new Set(SITES.map((site) => site.split('/')[2]));
    for (const pattern of matches) expect(siteHosts, pattern).toContain(pattern.split('/')[2]);
    if (target === 'firefox-mv2') expect([...new Set(matches)].sort()).toEqual(SITES);
  });

  it('exposes only the sidebar page, only to the three sites', () => {
    const resources = m.web_accessible_resources;
    if (target === 'chrome-mv3') {
      expect(resources).toEqual([
        { resources: ['sidebar.html'], matches: expect.any(Array), use_dynamic_url: true },
      ]);
      expect([...resources[0].matches].sort()).toEqual(SITES);
    } else {
      expect(resources).toEqual(['sidebar.html']);
    }
  });

  it('cannot be messaged by web pages and loads no remote code', () => {
    expect(m.externally_connectable).toBeUndefined();
    expect(JSON.stringify(m.content_security_policy ?? '')).not.toMatch(/https?:/);
  });
});

it('declares no data collection on Firefox', () => {
  expect(manifest('firefox-mv2').browser_specific_settings.gecko.data_collection_permissions).toEqual({
    required: ['none'],
  });
});
