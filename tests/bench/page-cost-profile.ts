import type { CDPSession, Page } from 'playwright-core';
import { launchExtension, removeProfile, servePage } from '../e2e/harness';
import { heavyShell, heavySites, TIMELINE_TICK_MS } from '../fixtures/heavy/heavy-site';

/**
 * Where Rapport's time on a heavy page goes: V8's sampling CPU profile of the page's main thread (which
 * runs the content script too) during a load of a profile, a load of a page that is not a profile, and an
 * in-app navigation to a profile, with self time
 * summed per function of the content script. For a readable profile build without minifying:
 * `RAPPORT_OUT_DIR=.output-profile npx wxt build -c tests/bench/wxt.profile.config.ts &&
 * RAPPORT_OUT_DIR=.output-profile npx tsx tests/bench/page-cost-profile.ts`. BENCH_NETWORKS, BENCH_RUNS,
 * BENCH_TICK_MS.
 */
const NETWORKS = (process.env.BENCH_NETWORKS ?? 'linkedin,x,facebook').split(',');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** How often the timeline changes, as in page-cost.ts. */
const TICK_MS = Number(process.env.BENCH_TICK_MS ?? TIMELINE_TICK_MS);
const SETTLE_MS = 1_500;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Time (ms) under Rapport's script, per function: for each sample whose stack holds a frame of the
 * extension, its innermost frame (Rapport's own function, or the native or browser API it called) and,
 * separately, the innermost Rapport function on the stack ("under <fn>"). Plus Rapport's total.
 */
function selfTimes(profile: CpuProfile, into: Map<string, number>) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const add = (key: string, ms: number) => into.set(key, (into.get(key) ?? 0) + ms);
  const name = (frame: ProfileNode['callFrame']) =>
    `${frame.functionName || '(anonymous)'}${frame.url ? `:${frame.lineNumber + 1}` : ' (native)'}`;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    const leaf = byId.get(id)?.callFrame;
    if (!leaf) return;
    let innermostOwn: ProfileNode['callFrame'] | null = null;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame?.url.startsWith('chrome-extension://')) {
        innermostOwn = frame;
        break;
      }
    }
    if (!innermostOwn) return;
    add('TOTAL under Rapport', ms);
    add(`leaf ${name(leaf)}`, ms);
    add(`under ${name(innermostOwn)}`, ms);
  });
}

async function profiled(page: Page, cdp: CDPSession, act: () => Promise<void>, into: Map<string, number>) {
  await cdp.send('Profiler.start');
  await act();
  await page.waitForTimeout(SETTLE_MS);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  selfTimes(profile, into);
}

const running = await launchExtension();
for (const site of heavySites) await servePage(running.context, site.pattern, heavyShell(site, TICK_MS));
const results: Record<string, Map<string, number>> = {};
for (const site of heavySites.filter((candidate) => NETWORKS.includes(candidate.network))) {
  const load = new Map<string, number>();
  const navigation = new Map<string, number>();
  const plainLoad = new Map<string, number>();
  for (let run = 0; run < RUNS; run++) {
    const page = await running.context.newPage();
    await page.goto(`${site.origin}${site.paths.home}`, { waitUntil: 'load' });
    const cdp = await running.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await page.waitForTimeout(SETTLE_MS);
    await profiled(
      page,
      cdp,
      () =>
        page.evaluate((path) => {
          void (window as unknown as { heavyNavigate(p: string): Promise<void> }).heavyNavigate(path);
        }, site.paths.profileA),
      navigation,
    );
    const loadOf = (path: string) => async () => {
      await page.goto(`${site.origin}${path}`, { waitUntil: 'load' });
    };
    await profiled(page, cdp, loadOf(site.paths.profileB), load);
    await profiled(page, cdp, loadOf(site.paths.home), plainLoad);
    await page.close();
  }
  results[`${site.network}: nav → profile`] = navigation;
  results[`${site.network}: load, profile`] = load;
  results[`${site.network}: load, not a profile`] = plainLoad;
}
await running.close();
removeProfile(running.userDataDir);

for (const [name, times] of Object.entries(results)) {
  console.info(`\n${name} (ms per run, self time)`);
  console.table(
    Object.fromEntries(
      [...times.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 25)
        .map(([key, ms]) => [key, { ms: Math.round((ms / RUNS) * 10) / 10 }]),
    ),
  );
}
