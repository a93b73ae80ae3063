import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_MISSING_MESSAGE, findChromium } from './find-chromium';
import { decodePng, encodePng } from './png';

// Renders assets/icon.svg to the PNG sizes the stores and browsers ask for. Run by hand after changing
// the mark (`npx tsx scripts/make-icons.ts`); the PNGs are committed.
const SIZES = [16, 32, 48, 128];
const root = resolve(import.meta.dirname, '..');
const executablePath = findChromium();
if (!executablePath) throw new Error(CHROMIUM_MISSING_MESSAGE);
const svg = readFileSync(resolve(root, 'assets/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
for (const size of SIZES) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  const shot = await page.screenshot({ omitBackground: true });
  // The same pixels, smaller (scripts/png.ts): the zip's budget counts every byte of them.
  writeFileSync(resolve(root, `public/icon/${size}.png`), encodePng(decodePng(shot)));
  await page.close();
}
await browser.close();
console.info(`Wrote public/icon/{${SIZES.join(',')}}.png`);
