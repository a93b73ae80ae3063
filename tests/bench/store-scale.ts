import type { Worker } from 'playwright-core';
import { LOAD_DELAY_MS } from '../../lib/db/profile-owners';
import { killServiceWorker, launchExtension, removeProfile } from '../e2e/harness';
import { KEEP_NAMES_SHIM, roundTrips, roundTripsPicking } from './extension-page';
import { importThroughput } from './import-throughput';
import { ownerLookupsInWorker } from './owners-in-worker';
import { recordResults } from './results';
import { type Summary, summarize } from './stats';

/**
 * The store at scale, in Chromium with the built extension: PEOPLE people (one LinkedIn identity each),
 * INTERACTIONS interactions and NOTES notes written straight into the worker's IndexedDB, then the
 * latencies a user feels. Run: `npm run bench` (or `npx tsx tests/bench/store-scale.ts` after a build).
 */
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 50_000);
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 500_000);
const NOTES = Number(process.env.BENCH_NOTES ?? 100_000);
const SAMPLES = 200;

async function seed(worker: Worker): Promise<number> {
  return worker.evaluate(
    async ({ people, interactions, notes }) => {
      const started = performance.now();
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('rapport');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const CHUNK = 10_000;
      const write = (store: string, count: number, row: (index: number) => unknown) =>
        (async () => {
          for (let start = 0; start < count; start += CHUNK) {
            await new Promise<void>((resolve, reject) => {
              const tx = db.transaction(store, 'readwrite');
              const table = tx.objectStore(store);
              for (let index = start; index < Math.min(count, start + CHUNK); index++) table.put(row(index));
              tx.oncomplete = () => resolve();
              tx.onerror = () => reject(tx.error);
            });
          }
        })();
      const now = Date.now();
      const day = 86_400_000;
      const kinds = [
        'message',
        'comment',
        'congratulation',
        'question-asked',
        'question-answered',
        'meeting',
      ];
      const tags = ['hiring', 'rust', 'design systems', 'climate', 'fundraising', 'accessibility', 'growth'];
      await write('people', people, (index) => ({
        id: `p-${index}`,
        name: `Person ${index} Example`,
        createdAt: now - (index % 900) * day,
        updatedAt: now,
        howWeMet: index % 3 === 0 ? 'Met at a conference' : '',
        metAt: now - (index % 900) * day,
        introducedBy: null,
        closeness: index % 4 === 0 ? (index % 10) / 10 : null,
        tieOverride: null,
        cadenceDays: null,
        snoozedUntil: null,
        archived: false,
        interests: [tags[index % tags.length]],
        goals: [tags[(index + 3) % tags.length]],
        expertise: [],
        tools: [],
        nameWords: ['person', String(index), 'example'],
        tagKeys: [`interests:${tags[index % tags.length]}`, `goals:${tags[(index + 3) % tags.length]}`],
      }));
      await write('identities', people, (index) => ({
        network: 'linkedin',
        handle: `person-${index}`,
        personId: `p-${index}`,
        url: `https://www.linkedin.com/in/person-${index}/`,
        lastSeenName: `Person ${index} Example`,
        lastSeenHeadline: 'Engineer at Example',
        lastSeenAvatarUrl: null,
        lastSeenAt: now,
        headlineHistory: [],
      }));
      await write('interactions', interactions, (index) => ({
        id: `i-${index}`,
        personId: `p-${index % people}`,
        at: now - (index % 700) * day,
        kind: kinds[index % kinds.length],
        direction: index % 3 === 0 ? 'them' : 'me',
        channel: 'linkedin',
        text: null,
        sourceUrl: null,
        createdAt: now,
        updatedAt: now,
      }));
      await write('notes', notes, (index) => ({
        id: `n-${index}`,
        personId: `p-${index % people}`,
        text: `Note ${index}: talked about plans for the quarter.`,
        createdAt: now - index,
        updatedAt: now - index,
      }));
      db.close();
      return performance.now() - started;
    },
    { people: PEOPLE, interactions: INTERACTIONS, notes: NOTES },
  );
}

/** A bare IndexedDB get of an identity: what a lookup costs without Rapport's copy in memory. */
async function identityLookupsInWorker(worker: Worker): Promise<number[]> {
  return worker.evaluate(
    async ({ people, samples }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('rapport');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const times: number[] = [];
      for (let sample = 0; sample < samples; sample++) {
        const handle = `person-${(sample * 7919) % people}`;
        const started = performance.now();
        await new Promise((resolve, reject) => {
          const request = db.transaction('identities').objectStore('identities').get(['linkedin', handle]);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        times.push(performance.now() - started);
      }
      db.close();
      return times;
    },
    { people: PEOPLE, samples: SAMPLES },
  );
}

const running = await launchExtension();
const page = await running.context.newPage();
await page.goto(`chrome-extension://${running.extensionId}/sidebar.html`);
await page.evaluate(KEEP_NAMES_SHIM);
// Let the background open (and create) the database before it is filled from outside.
await roundTrips(page, 'searchPeople', [{ query: 'warm', limit: 5 }]);
const seeder = await running.worker();
await seeder.evaluate(KEEP_NAMES_SHIM);
// On the empty store, before the seed: the import's planning reads the store, and so would be slowed by it.
const importRatio = await importThroughput(page, seeder);
const seedMs = await seed(seeder);
// The seed went around the worker's Dexie, so its copy of who owns each profile, if the import above had
// loaded it, would not know them: start the worker afresh, as after the browser stopped it.
if (!(await killServiceWorker(running, page))) throw new Error('no worker to stop after the seed');
await roundTrips(page, 'searchPeople', [{ query: 'warm', limit: 5 }]);
const worker = await running.worker();
await worker.evaluate(KEEP_NAMES_SHIM);
const ref = (index: number) => ({ network: 'linkedin', id: `person-${(index * 7919) % PEOPLE}` });
// Half of them someone's, half nobody's: most profiles a user opens are not in Rapport.
const lookupRefs = Array.from({ length: SAMPLES }, (_, index) =>
  index % 2 ? ref(index) : { network: 'linkedin', id: `stranger-${index}` },
);
const owners = await ownerLookupsInWorker(worker, lookupRefs);
if (owners.found !== SAMPLES / 2) throw new Error(`the copy found ${owners.found} of ${SAMPLES / 2} people`);
// The worker's own copy loads a little after its first lookup: ask once, then wait for the load as long
// as it took above, twice over.
await roundTrips(page, 'getPersonView', [{ ref: ref(0) }]);
await new Promise((resolve) => setTimeout(resolve, LOAD_DELAY_MS + 2 * owners.loadMs + 1000));
const views = (refs: { network: string; id: string }[]) =>
  roundTripsPicking(
    page,
    'getPersonView',
    refs.map((ref) => ({ ref })),
    'person',
  );
const someone = await views(Array.from({ length: SAMPLES }, (_, index) => ref(index)));
const nobody = await views(
  Array.from({ length: SAMPLES }, (_, index) => ({ network: 'linkedin', id: `stranger-${index}` })),
);
// A copy that missed the seed would answer "nobody" for everyone, fast: the answers are checked.
if (someone.picked.some((person) => person === null)) throw new Error('a seeded person was not found');
if (nobody.picked.some((person) => person !== null)) throw new Error('a stranger was found');
const results: Record<string, Summary> = {
  'identity lookup in the worker (IndexedDB get, without the copy)': summarize(
    await identityLookupsInWorker(worker),
  ),
  "identity lookup in the worker (Rapport's copy in memory)": summarize(owners.times),
  'person view round trip (getPersonView, someone)': summarize(someone.times),
  "person view round trip (getPersonView, a profile nobody's)": summarize(nobody.times),
  'search round trip (searchPeople, prefix)': summarize(
    await roundTrips(
      page,
      'searchPeople',
      Array.from({ length: 50 }, (_, index) => ({ query: `${index * 97}`, limit: 20 })),
    ),
  ),
  'write round trip (saveNote)': summarize(
    await roundTrips(
      page,
      'saveNote',
      Array.from({ length: SAMPLES }, (_, index) => ({
        ref: ref(index),
        snapshot: null,
        noteId: `bench-${index}`,
        text: 'x',
      })),
    ),
  ),
};
await running.close();
removeProfile(running.userDataDir);

const scale = { people: PEOPLE, interactions: INTERACTIONS, notes: NOTES };
console.info(
  `Store at scale: ${JSON.stringify(scale)}; seeded with bare IndexedDB puts in ${(seedMs / 1000).toFixed(1)} s; ` +
    `the copy of every profile's owner loaded in ${Math.round(owners.loadMs)} ms`,
);
console.table(
  Object.fromEntries(
    Object.entries(results).map(([name, s]) => [
      name,
      { n: s.n, p50_ms: s.p50, p95_ms: s.p95, max_ms: s.max },
    ]),
  ),
);
const round = (value: number) => Math.round(value * 100) / 100;
console.info(
  `Bulk import of ${importRatio.people} people (${importRatio.rows} rows, ${importRatio.fileMb} MB backup): ` +
    `Rapport ${Math.round(importRatio.rapportMs.median)} ms (a preview of it, no writes: ${Math.round(importRatio.previewMs.median)} ms), bare IndexedDB ${Math.round(importRatio.bareMs.median)} ms, ` +
    `throughput ratio ${round(importRatio.ratio.median)} (IQR ${round(importRatio.ratio.p25)}..${round(importRatio.ratio.p75)}, ${importRatio.ratio.n} rounds)`,
);
recordResults(
  'store-scale',
  [
    ...Object.entries(results).map(([name, s]) => ({
      figure: `${name}, p50 ${s.p50} ms (${scale.people} people)`,
      value: s.p95,
      unit: 'ms p95',
    })),
    {
      figure: `bulk import throughput vs bare IndexedDB (${importRatio.people} people, ${importRatio.rows} rows; Rapport ${Math.round(importRatio.rapportMs.median)} ms, bare ${Math.round(importRatio.bareMs.median)} ms)`,
      value: round(importRatio.ratio.median),
      unit: '×',
      target: '>= 0.5',
      met: importRatio.ratio.median >= 0.5,
    },
  ],
  { scale, seedMs, ownersLoadMs: owners.loadMs, results, importRatio },
);
