import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway MV3 extension for a floor measurement: an empty worker, one content script at
 * document_start on `matches`, and any more files (`extra`, by name) with `manifestExtras` merged into the
 * manifest. Returns its directory; the caller removes it.
 */
export function tinyExtension(options: {
  name: string;
  matches: string[];
  script: string;
  manifestExtras?: Record<string, unknown>;
  extra?: Record<string, string>;
}): string {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-floor-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: options.name,
      version: '1.0',
      background: { service_worker: 'background.js' },
      content_scripts: [{ matches: options.matches, js: ['content.js'], run_at: 'document_start' }],
      ...options.manifestExtras,
    }),
  );
  writeFileSync(join(dir, 'background.js'), '');
  writeFileSync(join(dir, 'content.js'), options.script);
  for (const [file, text] of Object.entries(options.extra ?? {})) writeFileSync(join(dir, file), text);
  return dir;
}
