import { rmSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { SIDEBAR_TAG, SIDEBAR_WIDTH_PX } from '../../lib/content/sidebar-frame';
import { launchExtension, removeProfile, servePage } from '../e2e/harness';
import { heavyShell, heavySites } from '../fixtures/heavy/heavy-site';
import { KEEP_NAMES_SHIM } from './extension-page';
import { paired, type Spread, spread } from './stats';
import { tinyExtension } from './tiny-extension';
import { mainThread, pageProcess, startTrace } from './trace';

/**
 * The floor under the sidebar on a profile's page load: what the page's main thread does more when any
 * extension frames a page of its own there the way Rapport frames its sidebar (a host element with a
 * closed shadow root, an iframe of an extension page at its per-session URL, the page narrowed by the
 * sidebar's width), against the page with no extension and with Rapport, alternating. The page-cost
 * bench's "main thread added" on a profile's page load is Rapport against no extension; this says how
 * much of it any such frame costs, and so what is Rapport's own beyond it. Run after a build:
 * `RAPPORT_OUT_DIR=.output-x npx tsx tests/bench/frame-floor.ts` (BENCH_RUNS, default 15;
 * BENCH_NETWORKS, default all three).
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const NETWORKS = (process.env.BENCH_NETWORKS ?? 'linkedin,x,facebook').split(',');
const sites = heavySites.filter((site) => NETWORKS.includes(site.network));
/** As in the page-cost bench: long enough for a content script to start and the sidebar to mount. */
const LOAD_SETTLE_MS = 1_200;

/** The frame alone, made at document_start as Rapport's is on a profile's page load (sidebar-frame.ts). */
const FRAME_ONLY = `(() => {
  const host = document.createElement(${JSON.stringify(SIDEBAR_TAG)});
  const shadow = host.attachShadow({ mode: 'closed' });
  const frame = document.createElement('iframe');
  frame.src = chrome.runtime.getURL('/empty.html');
  frame.style.cssText = 'border: 0; width: 100%; height: 100%; display: block;';
  shadow.append(frame);
  document.documentElement.append(host);
  host.style.cssText = 'all: initial; position: fixed; top: 0; bottom: 0; right: 0; width: ${SIDEBAR_WIDTH_PX}px; z-index: 2147483646; display: block';
  document.documentElement.style.setProperty('margin-right', '${SIDEBAR_WIDTH_PX}px', 'important');
})();
`;

function frameOnlyExtension(): string {
  return tinyExtension({
    name: 'An empty framed page',
    matches: sites.map((site) => `${site.origin.replace('https:', '*:')}${site.paths.profileA}*`),
    script: FRAME_ONLY,
    manifestExtras: {
      web_accessible_resources: [
        {
          resources: ['empty.html'],
          matches: sites.map((site) => `${site.origin}/*`),
          use_dynamic_url: true,
        },
      ],
    },
    extra: { 'empty.html': '<!doctype html><html><body><p>Empty</p></body></html>' },
  });
}

/** Main-thread CPU of the page (trace thread time) during one load of the profile, and Rapport's part. */
async function loadOnce(context: BrowserContext, origin: string, path: string) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const stop = await startTrace(cdp);
  await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  await page.waitForTimeout(LOAD_SETTLE_MS);
  const events = await stop();
  await page.close();
  const pid = pageProcess(events, origin);
  if (pid === null) throw new Error(`No renderer parsed ${origin} in the trace`);
  const thread = mainThread(events, pid);
  return { cpuMs: thread.cpuMs, rapportCpuMs: thread.rapportCpuMs };
}

const frameDir = frameOnlyExtension();
const arms = {
  none: await launchExtension({ extension: false }),
  'empty frame': await launchExtension({ extensionDir: frameDir }),
  rapport: await launchExtension(),
};
for (const running of Object.values(arms)) {
  await running.context.addInitScript(KEEP_NAMES_SHIM);
  for (const site of sites) await servePage(running.context, site.pattern, heavyShell(site));
}
type Arm = keyof typeof arms;
const names = Object.keys(arms) as Arm[];
const cpu = Object.fromEntries(
  sites.map((site) => [site.network, { none: [], 'empty frame': [], rapport: [] }]),
) as Record<string, Record<Arm, number[]>>;
const rapportScript: Record<string, number[]> = Object.fromEntries(sites.map((site) => [site.network, []]));
// One warm-up round, not counted; then the arms alternate, and which goes first alternates too.
for (let run = -1; run < RUNS; run++) {
  for (const site of sites) {
    for (const arm of run % 2 === 0 ? names : [...names].reverse()) {
      const sample = await loadOnce(arms[arm].context, site.origin, site.paths.profileA);
      if (run < 0) continue;
      cpu[site.network]?.[arm].push(sample.cpuMs);
      if (arm === 'rapport') rapportScript[site.network]?.push(sample.rapportCpuMs);
    }
  }
}
for (const running of Object.values(arms)) {
  await running.close();
  removeProfile(running.userDataDir);
}
rmSync(frameDir, { recursive: true, force: true });
const round = (value: number) => Math.round(value * 10) / 10;
const show = (s: Spread) => `${round(s.median)} (${round(s.p25)}..${round(s.p75)})`;
console.table(
  Object.fromEntries(
    sites.map((site) => {
      const arm = cpu[site.network] as Record<Arm, number[]>;
      const script = rapportScript[site.network] ?? [];
      return [
        `${site.network}: a profile's page load`,
        {
          'empty frame - none, ms': show(paired(arm['empty frame'], arm.none)),
          'Rapport - none, ms': show(paired(arm.rapport, arm.none)),
          'Rapport - empty frame, ms': show(paired(arm.rapport, arm['empty frame'])),
          "Rapport's script, ms": show(spread(script)),
        },
      ];
    }),
  ),
);
console.info(`${RUNS} runs per arm, main-thread CPU (trace thread time), median (IQR) of paired differences`);
