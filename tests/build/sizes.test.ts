import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json';

// Rapport runs on every page of three busy sites: what it ships is budgeted (issue #9). Sizes are
// deterministic, so unlike timings they are tested. Runs on the output of `npm run zip`.
const output = resolve(import.meta.dirname, '../..', process.env.RAPPORT_OUT_DIR ?? '.output');
const chrome = join(output, 'chrome-mv3');
// The issue says KB: the stricter, decimal reading (80 KB is 80,000 bytes, not 81,920).
const KB = 1000;
const BUDGET = { contentScript: 20 * KB, background: 80 * KB, chromeZip: 200 * KB };

const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

describe('what Rapport ships', () => {
  it('was built (run `npm run zip` first)', () => {
    expect(existsSync(join(chrome, 'manifest.json'))).toBe(true);
  });

  it.each(['linkedin', 'facebook', 'x'])(
    `the %s content script is at most ${BUDGET.contentScript / KB} KB gzip`,
    (name) => {
      expect(gzipped(join(chrome, 'content-scripts', `${name}.js`))).toBeLessThanOrEqual(
        BUDGET.contentScript,
      );
    },
  );

  it.each(['linkedin', 'facebook', 'x'])(
    `the %s watcher (Chrome) is at most ${BUDGET.contentScript / KB} KB gzip and carries no library`,
    (name) => {
      const file = join(chrome, `${name}-watch.js`);
      expect(gzipped(file)).toBeLessThanOrEqual(BUDGET.contentScript);
      const code = readFileSync(file, 'utf8');
      expect(code).not.toMatch(/ZodError|\$ZodType|Dexie|__PREACT|preact/i);
      expect(code).not.toContain('The message port closed before a response was received.');
    },
  );

  it(`the background worker is at most ${BUDGET.background / KB} KB gzip`, () => {
    expect(gzipped(join(chrome, 'background.js'))).toBeLessThanOrEqual(BUDGET.background);
  });

  it(`the Chrome zip is at most ${BUDGET.chromeZip / KB} KB`, () => {
    const zip = readdirSync(output).find((file) => file === `rapport-${packageJson.version}-chrome.zip`);
    expect(zip, 'the Chrome zip').toBeDefined();
    expect(statSync(join(output, zip ?? '')).size).toBeLessThanOrEqual(BUDGET.chromeZip);
  });

  it('content scripts carry neither the schema library, Dexie nor Preact', () => {
    for (const name of ['linkedin', 'facebook', 'x']) {
      const code = readFileSync(join(chrome, 'content-scripts', `${name}.js`), 'utf8');
      // Markers that survive minification: zod's error map, Dexie's name, Preact's vnode option hooks.
      expect(code).not.toMatch(/ZodError|\$ZodType|Dexie|__PREACT|preact/i);
    }
  });

  // They call the browser's own promise API (wxt.config.ts); the extension pages keep webextension-polyfill.
  it('content scripts and the worker carry no webextension-polyfill; the extension pages do', () => {
    // A string of the polyfill's that survives minification (it answers Chrome's callback-style errors).
    const polyfill = 'The message port closed before a response was received.';
    for (const name of ['linkedin', 'facebook', 'x']) {
      expect(readFileSync(join(chrome, 'content-scripts', `${name}.js`), 'utf8')).not.toContain(polyfill);
    }
    expect(readFileSync(join(chrome, 'background.js'), 'utf8')).not.toContain(polyfill);
    const chunks = readdirSync(join(chrome, 'chunks')).filter((file) => file.endsWith('.js'));
    const withPolyfill = chunks.filter((file) =>
      readFileSync(join(chrome, 'chunks', file), 'utf8').includes(polyfill),
    );
    expect(withPolyfill.length).toBeGreaterThan(0);
  });

  it('the Chrome manifest asks for the first Chrome whose APIs the worker uses return promises', () => {
    const manifest = JSON.parse(readFileSync(join(chrome, 'manifest.json'), 'utf8'));
    expect(Number(manifest.minimum_chrome_version)).toBeGreaterThanOrEqual(123);
  });
});
