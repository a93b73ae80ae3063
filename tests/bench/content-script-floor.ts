import { readFileSync, rmSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { EXTENSION_DIR, launchExtension, removeProfile, servePage } from '../e2e/harness';
import { heavyShell, heavySites } from '../fixtures/heavy/heavy-site';
import { spread } from './stats';
import { tinyExtension } from './tiny-extension';
import { mainThread, pageProcess, startTrace } from './trace';

/**
 * The floor under a content script: what any extension pays to run script in a page at all (Chromium
 * creates an isolated world for it: a V8 context with the DOM bindings), measured with an extension whose
 * content script is empty, next to Rapport's, on the same heavy non-profile page, alternating. The
 * difference is what Rapport's own code costs at load. A third arm only touches the APIs Rapport touches,
 * and a fourth also carries Rapport's whole content script, parsed but never run: what its size alone
 * costs. Run after a build:
 * `RAPPORT_OUT_DIR=.output-x npx tsx tests/bench/content-script-floor.ts` (BENCH_RUNS, default 10).
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const site = heavySites[0];
if (!site) throw new Error('No heavy site');

/**
 * An extension whose content script does nothing but what any extension's first lines do: touch
 * chrome.runtime and chrome.storage (which makes Chromium build those API bindings in the world).
 */
const API_TOUCH = `chrome.runtime.getURL('/x.html'); chrome.storage.local.get(['display:linkedin', 'layout:linkedin']);
chrome.storage.onChanged.addListener(() => {});\n`;

/** The API touch, after Rapport's LinkedIn content script as dead code: V8 parses it, nothing of it runs. */
const PARSED_NOT_RUN = `if (globalThis.rapportNeverDefined) {
${readFileSync(`${EXTENSION_DIR}/content-scripts/linkedin.js`, 'utf8')}
}
${API_TOUCH}`;

function emptyExtension(script = 'void 0;\n'): string {
  return tinyExtension({
    name: 'Empty content script',
    matches: ['*://*.linkedin.com/*'],
    script,
    manifestExtras: { permissions: ['storage'] },
  });
}

/** CPU of the extension's script on the page's main thread during one load of the feed. */
async function loadOnce(context: BrowserContext): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const stop = await startTrace(cdp);
  await page.goto(`${site?.origin}${site?.paths.home}`, { waitUntil: 'load' });
  await page.waitForTimeout(1_000);
  const events = await stop();
  await page.close();
  const pid = pageProcess(events, site?.origin ?? '');
  if (pid === null) throw new Error('No renderer in the trace');
  return mainThread(events, pid).rapportCpuMs;
}

const floorDir = emptyExtension();
const apiDir = emptyExtension(API_TOUCH);
const parsedDir = emptyExtension(PARSED_NOT_RUN);
const arms = {
  rapport: await launchExtension(),
  empty: await launchExtension({ extensionDir: floorDir }),
  'runtime+storage only': await launchExtension({ extensionDir: apiDir }),
  'runtime+storage, Rapport parsed, not run': await launchExtension({ extensionDir: parsedDir }),
};
for (const running of Object.values(arms)) await servePage(running.context, site.pattern, heavyShell(site));
const samples: Record<keyof typeof arms, number[]> = {
  rapport: [],
  empty: [],
  'runtime+storage only': [],
  'runtime+storage, Rapport parsed, not run': [],
};
const names = Object.keys(arms) as (keyof typeof arms)[];
for (let run = -1; run < RUNS; run++) {
  const order = run % 2 === 0 ? names : [...names].reverse();
  for (const arm of order) {
    const ms = await loadOnce(arms[arm].context);
    if (run >= 0) samples[arm].push(ms);
  }
}
for (const running of Object.values(arms)) {
  await running.close();
  removeProfile(running.userDataDir);
}
for (const dir of [floorDir, apiDir, parsedDir]) rmSync(dir, { recursive: true, force: true });
const round = (value: number) => Math.round(value * 10) / 10;
console.table(
  Object.fromEntries(
    Object.entries(samples).map(([arm, values]) => {
      const s = spread(values);
      return [arm, { n: s.n, cpu_ms_median: round(s.median), iqr: `${round(s.p25)}..${round(s.p75)}` }];
    }),
  ),
);
