import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, reachable, read, runtimeImports, sourceFiles } from './source-graph';

// The architecture's boundaries (docs/ARCHITECTURE.md), held by a test so they cannot erode silently.

const allSource = [...sourceFiles('lib'), ...sourceFiles('components'), ...sourceFiles('entrypoints')];

function offenders(files: string[], test: (file: string) => boolean): string[] {
  return files.filter(test);
}

describe('boundaries', () => {
  it('only lib/db imports dexie', () => {
    const bad = offenders(
      allSource,
      (file) => !file.startsWith('lib/db/') && runtimeImports(file).includes('dexie'),
    );
    expect(bad).toEqual([]);
  });

  it('only lib/protocol and the background entrypoint pass messages', () => {
    const bad = offenders(
      allSource,
      (file) =>
        !file.startsWith('lib/protocol/') &&
        !file.startsWith('entrypoints/background/') &&
        /\b(?:runtime\.sendMessage|tabs\.sendMessage|runtime\.onMessage|runtime\.connect)\b/.test(read(file)),
    );
    expect(bad).toEqual([]);
  });

  it('lib/domain is pure: no clock, no browser APIs, no DOM, no imports from outside lib/domain', () => {
    const bad = offenders(sourceFiles('lib/domain'), (file) => {
      const text = read(file);
      const outside = runtimeImports(file).some((specifier) => !specifier.startsWith('.'));
      return outside || /\bDate\.now\(|\bbrowser\.|\bchrome\.|\bdocument\.|\bwindow\./.test(text);
    });
    expect(bad).toEqual([]);
  });

  it('lib/db, lib/services, lib/protocol and lib/domain never touch the DOM', () => {
    const files = ['lib/db', 'lib/services', 'lib/protocol', 'lib/domain'].flatMap(sourceFiles);
    expect(offenders(files, (file) => /\bdocument\.|\bwindow\./.test(read(file)))).toEqual([]);
  });

  it('components are presentational: no protocol, no database, no browser APIs', () => {
    const bad = offenders(sourceFiles('components'), (file) => {
      const imports = runtimeImports(file);
      return (
        imports.some((specifier) => /^@\/lib\/(?:protocol|db|services|platform)/.test(specifier)) ||
        imports.includes('#imports') ||
        /\bbrowser\.|\bchrome\./.test(read(file))
      );
    });
    expect(bad).toEqual([]);
  });

  it('content scripts bundle neither zod, Dexie nor Preact', () => {
    const contentEntries = readdirSync(join(ROOT, 'entrypoints')).filter((name) => name.endsWith('.content'));
    expect(contentEntries.length).toBeGreaterThanOrEqual(3);
    for (const entry of contentEntries) {
      const { packages } = reachable(`entrypoints/${entry}/index.ts`);
      const heavy = [...packages].filter((name) => /^(?:zod|dexie|preact)(?:\/|$)/.test(name));
      expect(heavy, `${entry} reaches ${heavy.join(', ')}`).toEqual([]);
    }
  });

  it('nothing renders page or user text as HTML', () => {
    const bad = offenders(allSource, (file) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML/.test(read(file)),
    );
    expect(bad).toEqual([]);
  });
});
