import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { isStorageError, RapportDatabase } from '@/lib/db/database';
import type { TabProfiles } from '@/lib/platform/tab-profiles';
import { type MessageName, messages } from '@/lib/protocol/messages';
import { responses } from '@/lib/protocol/responses';
import { createRouter } from '@/lib/protocol/router';
import { wireRequest } from '@/lib/protocol/wire';
import { orphans } from '../services/helpers';
import { VALID } from './fuzz-payloads';
import { seedStore } from './fuzz-seed';

// Random sequences of valid requests over a small pool of ids, so deletes, merges, splits and links keep
// colliding: the store must stay consistent (no row pointing at a missing person) and every answer must
// pass the schema the client checks it with.

const SEQUENCES = 100;
const STEPS = 40;
const POOL = ['jane', 'rahul', 'zoe', 'p-new', 'p-split'];
const page = { id: 'me', url: 'chrome-extension://me/sidebar.html', tab: { id: 3 } };
const tabs: TabProfiles = { get: async () => null, set: async () => {}, forget: async () => {} };
// What the extension's pages may send (the sequences come from one): content scripts' messages are not.
const names = (Object.keys(messages) as MessageName[]).filter((name) =>
  (messages[name].senders as readonly string[]).includes('extension'),
);

/** The payload with its ids drawn from small pools (in order, from `picks`); profile refs are kept. */
function withPoolIds(payload: unknown, picks: number[]): unknown {
  let next = 0;
  const pick = (pool: string[]) => pool[(picks[next++] ?? 0) % pool.length];
  const visit = (value: unknown, key: string, inRef: boolean): unknown => {
    if (typeof value === 'string' && !inRef) {
      if (key === 'noteId') return pick(['n-1', 'n-2']);
      if (key === 'id') return pick(['i-1', 'i-2']);
      if (key.endsWith('Id')) return pick(POOL);
    }
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((item) => visit(item, '', false));
    const ref = 'network' in value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v, k, ref)]));
  };
  return visit(payload, '', false);
}

const step = fc.record({
  name: fc.constantFrom(...names),
  variant: fc.nat(),
  picks: fc.array(fc.integer({ min: 0, max: 59 }), { minLength: 3, maxLength: 3 }),
  at: fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }),
});

describe('sequences of valid requests', () => {
  it('keep the store consistent and every answer well-formed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: STEPS }), async (steps) => {
        const db = new RapportDatabase(`test-${crypto.randomUUID()}`);
        try {
          await seedStore(db);
          let id = 0;
          const clock = { now: () => 1_700_000_000_000 + id, newId: () => `gen-${++id}` };
          const route = createRouter(createHandlers({ db, tabs, clock }), {
            classifySender: () => 'extension',
            isStorageError,
            log: () => {},
          });
          for (const { name, variant, picks, at } of steps) {
            const seeds = VALID[name];
            let payload = withPoolIds(seeds[variant % seeds.length], picks);
            if (name === 'logInteraction') {
              const interaction = (payload as { interaction: object }).interaction;
              payload = { interaction: { ...interaction, at } };
            }
            expect(messages[name].request.safeParse(payload).success, name).toBe(true);
            const result = await route(wireRequest(name, payload), page);
            if (result.ok) {
              expect(responses[name]().safeParse(result.value).success, name).toBe(true);
            } else {
              expect(result.error.code, `${name}: ${result.error.message}`).toBe('internal');
              expect(result.error.message).toMatch(
                /not in Rapport|someone else|already|cannot|only profile|merge/,
              );
            }
          }
          expect(await orphans(db)).toEqual([]);
        } finally {
          await db.delete();
        }
      }),
      { numRuns: SEQUENCES, seed: 4_040 },
    );
  }, 30_000); // 100 random sequences on IndexedDB: a budget for a loaded machine, not a timing claim
});
