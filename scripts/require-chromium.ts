import { CHROMIUM_MISSING_MESSAGE, findChromium } from './find-chromium';

// Runs before the browser tests so a missing browser fails in one clear line, not in a stack trace.
if (!findChromium()) {
  console.error(CHROMIUM_MISSING_MESSAGE);
  process.exit(1);
}
