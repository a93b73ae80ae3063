import { existsSync } from 'node:fs';

// Debian's `chromium` package is the browser the tests drive; a download of Playwright's own browsers
// is neither needed nor possible offline. CHROMIUM_PATH overrides the search.
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export const CHROMIUM_MISSING_MESSAGE = [
  'Rapport: no Chromium found for the browser tests.',
  `  Looked for: ${process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH}` : CANDIDATES.join(', ')}`,
  '  Fix: install it with `sudo apt-get install -y chromium` (Debian/Ubuntu),',
  '  or set CHROMIUM_PATH to a Chromium or Chrome binary.',
].join('\n');
