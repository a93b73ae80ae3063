// lib/domain/prompts is part of the pure domain: the domain purity test reads only lib/domain's own folder,
// so the same rules are held here for the prompts.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../../../lib/domain/prompts/', import.meta.url);
const files = readdirSync(dir).filter((name) => name.endsWith('.ts'));

const FORBIDDEN: [RegExp, string][] = [
  [/\bDate\.now\s*\(|\bnew Date\s*\(|\bperformance\.now\s*\(/, 'take `now` as a parameter'],
  [/\bMath\.random\s*\(/, 'results must be reproducible'],
  [/\bbrowser\.|\bchrome\./, 'browser APIs belong in lib/services or lib/background'],
  [/\b(document|window|localStorage|indexedDB)\b/, 'DOM and storage belong outside lib/domain'],
];

describe('lib/domain/prompts purity', () => {
  it('has modules to check', () => {
    expect(files).toContain('index.ts');
  });

  it.each(files)('%s uses no clock, randomness, browser, DOM or storage', (name) => {
    const code = readFileSync(new URL(name, dir), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
    for (const [pattern, why] of FORBIDDEN) expect(code, `${name}: ${why}`).not.toMatch(pattern);
  });

  it.each(files)('%s imports only domain modules', (name) => {
    const code = readFileSync(new URL(name, dir), 'utf8');
    for (const [, specifier] of code.matchAll(/\bfrom\s+'([^']+)'/g)) {
      expect(specifier, name).toMatch(/^\.\.?\/[a-z-]+$/);
    }
  });

  it.each(files)('%s stays under 250 lines', (name) => {
    expect(readFileSync(new URL(name, dir), 'utf8').split('\n').length).toBeLessThanOrEqual(250);
  });
});
