import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readerScriptFile, watcherFile } from '../../lib/content/script-files';
import { scriptRunsOn as runsOn } from '../../lib/sites/match-pattern';
import { facebookCases, linkedInCases, xCases } from '../unit/sites/url-cases';

// Chrome gives each site two content scripts (lib/content/script-matches.ts): the whole one on page loads
// at profile URLs, a small watcher on the rest. Checked here against the built manifest and the URL table
// of lib/sites: every page of a site gets exactly one of them, and every profile URL in the table gets
// the whole script from its page load.
const output = resolve(import.meta.dirname, '../..', process.env.RAPPORT_OUT_DIR ?? '.output');
const manifest = (target: string) => JSON.parse(readFileSync(join(output, target, 'manifest.json'), 'utf8'));

interface ContentScript {
  js: string[];
  matches: string[];
  exclude_matches?: string[];
  run_at?: string;
}

/**
 * Profiles that start with the watcher, which hands them on to the whole script a moment later: the old
 * hash-bang form names the person in the fragment, which match patterns never see.
 */
const HANDED_ON = ['https://twitter.com/#!/janedoe'];

const chrome = manifest('chrome-mv3').content_scripts as ContentScript[];
const firefox = manifest('firefox-mv2').content_scripts as ContentScript[];
const byFile = (scripts: ContentScript[], file: string) => scripts.find((script) => script.js.includes(file));

describe.each([
  { network: 'linkedin' as const, cases: linkedInCases },
  { network: 'x' as const, cases: xCases },
  { network: 'facebook' as const, cases: facebookCases },
])('$network in Chrome', ({ network, cases }) => {
  const whole = byFile(chrome, readerScriptFile(network));
  const watcher = byFile(chrome, watcherFile(network));
  // The site's pages: where Firefox, which does not split it, runs the whole script.
  const firefoxWhole = byFile(firefox, readerScriptFile(network));
  const isOnSite = (url: string) => firefoxWhole !== undefined && runsOn(firefoxWhole, url);
  const siteUrls = cases.map((one) => one.url).filter(isOnSite);

  it('has the whole script from the start of the page and the watcher once it is parsed, each alone', () => {
    expect(whole?.js).toEqual([readerScriptFile(network)]);
    expect(watcher?.js).toEqual([watcherFile(network)]);
    expect(whole?.run_at).toBe('document_start');
    expect(watcher?.run_at).toBe('document_idle');
    for (const file of [readerScriptFile(network), watcherFile(network)])
      expect(existsSync(join(output, 'chrome-mv3', file)), file).toBe(true);
  });

  it('runs exactly one of the two on every page of the site in the URL table', () => {
    expect(siteUrls.length).toBeGreaterThan(20);
    for (const url of siteUrls) {
      const count = [whole, watcher].filter((script) => script && runsOn(script, url)).length;
      expect(count, url).toBe(1);
    }
  });

  it('runs the whole script from the page load on every profile URL in the table', () => {
    const profiles = cases
      .filter((one) => one.expected?.network === network && isOnSite(one.url))
      .map((one) => one.url);
    expect(profiles.length).toBeGreaterThan(10);
    const missed = profiles.filter((url) => !(whole && runsOn(whole, url)) && !HANDED_ON.includes(url));
    expect(missed).toEqual([]);
  });

  it('runs the watcher on the feed', () => {
    const feed = {
      linkedin: 'https://www.linkedin.com/feed/',
      x: 'https://x.com/home',
      facebook: 'https://www.facebook.com/',
    }[network];
    expect(watcher && runsOn(watcher, feed)).toBe(true);
    expect(whole && runsOn(whole, feed)).toBe(false);
  });
});

it('runs the whole script everywhere on the sites in Firefox, and no watcher', () => {
  expect(firefox.map((script) => script.js).sort()).toEqual([
    [readerScriptFile('facebook')],
    [readerScriptFile('linkedin')],
    [readerScriptFile('x')],
  ]);
  for (const script of firefox) expect(script.exclude_matches).toBeUndefined();
});

it('builds the page mark that the Chrome worker registers (lib/platform/page-marks.ts), and not for Firefox', () => {
  expect(existsSync(join(output, 'chrome-mv3', 'page-mark.js'))).toBe(true);
  expect(existsSync(join(output, 'firefox-mv2', 'page-mark.js'))).toBe(false);
  // In no manifest entry: only the worker decides where it runs.
  expect(chrome.some((script) => script.js.includes('page-mark.js'))).toBe(false);
});
