// lib/domain is pure: `now` is passed in, nothing touches the clock, the browser, storage, validation or the
// DOM, and it imports only itself. This test holds that boundary as the code grows.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../../lib/domain/', import.meta.url);
const files = readdirSync(dir).filter((name) => name.endsWith('.ts'));

const FORBIDDEN: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now(): take `now` as a parameter'],
  [/\bnew Date\s*\(/, 'new Date(): take `now` as a parameter'],
  [/\bperformance\.now\s*\(/, 'performance.now(): take `now` as a parameter'],
  [/\bMath\.random\s*\(/, 'Math.random(): results must be reproducible'],
  [/\bbrowser\.|\bchrome\./, 'browser APIs belong in lib/services or lib/background'],
  [/\b(document|window|localStorage|indexedDB)\b/, 'DOM and storage belong outside lib/domain'],
];

describe('lib/domain purity', () => {
  it('has modules to check', () => {
    expect(files).toContain('index.ts');
  });

  it.each(files)('%s uses no clock, browser, DOM or storage', (name) => {
    const code = readFileSync(new URL(name, dir), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
    for (const [pattern, why] of FORBIDDEN) expect(code, `${name}: ${why}`).not.toMatch(pattern);
  });

  it.each(files)('%s imports only sibling domain modules', (name) => {
    const code = readFileSync(new URL(name, dir), 'utf8');
    const specifiers = [...code.matchAll(/\bfrom\s+'([^']+)'/g)].map((m) => m[1]);
    for (const specifier of specifiers) expect(specifier, name).toMatch(/^\.\/[a-z-]+$/);
  });

  it.each(files)('%s stays under 250 lines', (name) => {
    expect(readFileSync(new URL(name, dir), 'utf8').split('\n').length).toBeLessThanOrEqual(250);
  });
});
