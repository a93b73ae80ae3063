import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// How the extension pages load (issue #9, time to the sidebar). Each file an extension page loads is a
// round trip through the browser process, so stylesheets are put in the pages themselves
// (scripts/inline-stylesheets.ts), and the sidebar's and the popup's first reads are sent by a tiny
// script that runs before the page's bundle has loaded (lib/protocol/first-read.ts). Runs on the output
// of `npm run zip`.
const output = resolve(import.meta.dirname, '../..', process.env.RAPPORT_OUT_DIR ?? '.output');

describe.each(['chrome-mv3', 'firefox-mv2'])('the %s extension pages', (target) => {
  const dir = join(output, target);
  const pages = readdirSync(dir).filter((file) => file.endsWith('.html'));
  const html = (page: string) => readFileSync(join(dir, page), 'utf8');

  it('were built', () => {
    expect(pages.sort()).toEqual([
      'chooser.html',
      'options.html',
      'popup.html',
      'sidebar.html',
      'sidepanel.html',
    ]);
  });

  it('carry their styles inline, and no stylesheet file is left over', () => {
    for (const page of pages) {
      expect(html(page), page).not.toMatch(/<link[^>]+rel="stylesheet"/);
      expect(html(page), page).toMatch(/<style>[^<]*--bg:/);
    }
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' });
    expect(files.filter((file) => file.endsWith('.css'))).toEqual([]);
  });

  it.each([
    ['sidebar', 'getTabPerson'],
    ['popup', 'getPopupData'],
  ])("the %s's first read is a small classic script that runs before the page's bundle", (page, message) => {
    const text = html(`${page}.html`);
    const first = text.indexOf(`<script src="/${page}-first.js"`);
    const bundle = text.search(new RegExp(`<script type="module"[^>]+src="/chunks/${page}-`));
    expect(first).toBeGreaterThan(-1);
    expect(bundle).toBeGreaterThan(first);
    // Neither async nor defer: a classic script in the head runs before any module script does.
    expect(text.slice(first, text.indexOf('>', first))).not.toMatch(/async|defer/);
    const code = readFileSync(join(dir, `${page}-first.js`), 'utf8');
    expect(code).toContain(message);
    // No polyfill, no schema library, no UI: a few hundred bytes, loaded with every open of the page.
    expect(code.length).toBeLessThan(2_000);
    expect(code).not.toMatch(/The message port closed|ZodError|__PREACT/);
  });
});
