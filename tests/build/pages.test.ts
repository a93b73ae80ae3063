import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// How the extension pages load (issue #9, time to the sidebar). Each file an extension page loads is a
// round trip through the browser process, so stylesheets are put in the pages themselves
// (scripts/inline-stylesheets.ts), and the in-page sidebar's first read is sent by a tiny script that runs
// before its bundle has loaded (lib/protocol/first-read.ts). Runs on the output of `npm run zip`.
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

  it("the sidebar's first read is a classic script that runs before the sidebar's bundle", () => {
    const sidebar = html('sidebar.html');
    const first = sidebar.indexOf('<script src="/sidebar-first.js"');
    const bundle = sidebar.search(/<script type="module"[^>]+src="\/chunks\/sidebar-/);
    expect(first).toBeGreaterThan(-1);
    expect(bundle).toBeGreaterThan(first);
    // Neither async nor defer: a classic script in the head runs before any module script does.
    expect(sidebar.slice(first, sidebar.indexOf('>', first))).not.toMatch(/async|defer/);
    expect(existsSync(join(dir, 'sidebar-first.js'))).toBe(true);
  });

  it('the first-read script is small: no polyfill, no schema library, no UI', () => {
    const code = readFileSync(join(dir, 'sidebar-first.js'), 'utf8');
    expect(code.length).toBeLessThan(2_000);
    expect(code).toContain('getTabPerson');
    expect(code).not.toMatch(/The message port closed|ZodError|__PREACT/);
  });
});
