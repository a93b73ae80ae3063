import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { isStorageError, RapportDatabase } from '@/lib/db/database';
import type { TabProfiles } from '@/lib/platform/tab-profiles';
import type { Result } from '@/lib/protocol/envelope';
import { type MessageName, messages } from '@/lib/protocol/messages';
import { responses } from '@/lib/protocol/responses';
import { createRouter, type Handlers, type SenderInfo } from '@/lib/protocol/router';
import { wireRequest } from '@/lib/protocol/wire';
import { digest, orphans } from '../services/helpers';
import { fuzzCases } from './fuzz-payloads';
import { seedStore } from './fuzz-seed';

/**
 * Payloads per message name: 1,000 in `npm test`; `npm run fuzz` sets FUZZ_RUNS=10000 (issue 10). The run
 * time grows linearly, mostly in generating payloads and in the valid ones, which run the real handlers.
 */
const FUZZ_RUNS_PER_MESSAGE = Number(process.env.FUZZ_RUNS ?? 1_000);
// Vitest's 5 s default is sized for ordinary tests; a message's fuzz run is thousands of requests.
const TIMEOUT_MS = Math.max(30_000, FUZZ_RUNS_PER_MESSAGE * 30);
const SEED = 20_240_404;

const content: SenderInfo = {
  id: 'me',
  url: 'https://www.linkedin.com/in/jane-doe/',
  tab: { id: 7 },
  frameId: 0,
};
const page: SenderInfo = { id: 'me', url: 'chrome-extension://me/sidebar.html' };

let db: RapportDatabase;
let writes = 0;
beforeEach(async () => {
  db = new RapportDatabase(`test-${crypto.randomUUID()}`);
  // Counts every write that reaches IndexedDB, whatever Dexie call made it.
  db.use({
    stack: 'dbcore',
    name: 'count-writes',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) => {
            writes += 1;
            return table.mutate(request);
          },
        };
      },
    }),
  });
  await db.open();
  await seedStore(db);
});
afterEach(() => db.delete());

function fuzzRouter() {
  const state = new Map<number, unknown>();
  const tabs = {
    get: async (tabId: number) => (state.get(tabId) as never) ?? null,
    set: async (tabId: number, value: unknown) => void state.set(tabId, value),
    forget: async (tabId: number) => void state.delete(tabId),
  } satisfies TabProfiles;
  let id = 0;
  const real = createHandlers({
    db,
    tabs,
    clock: { now: () => 1_700_000_000_000, newId: () => `fz-${++id}` },
  });
  const called: string[] = [];
  const handlers = Object.fromEntries(
    Object.entries(real).map(([name, handler]) => [
      name,
      (request: unknown, context: unknown) => {
        called.push(name);
        return (handler as (request: unknown, context: unknown) => Promise<unknown>)(request, context);
      },
    ]),
  ) as unknown as Handlers;
  const route = createRouter(handlers, {
    classifySender: (sender) => (sender.url?.startsWith('https:') ? 'content' : 'extension'),
    isStorageError,
    log: () => {},
  });
  return { route, called, tabs: state };
}

const names = Object.keys(messages) as MessageName[];

describe('the router with the real handlers, fuzzed', () => {
  it.each(names)(
    '%s: refuses every invalid payload and writes nothing for it',
    async (name) => {
      const { route, called } = fuzzRouter();
      const sender = (messages[name].senders as readonly string[]).includes('content') ? content : page;
      const cases = fc.sample(fuzzCases(name), {
        numRuns: FUZZ_RUNS_PER_MESSAGE,
        seed: SEED + names.indexOf(name),
      });
      const schema = messages[name].request;
      const accepted = cases.map((c) => schema.safeParse(c.payload).success);
      const invalid = cases.filter((_, i) => !accepted[i]);
      const valid = cases.filter((_, i) => accepted[i]);

      // Each invalid payload is checked on its own but cheaply (its answer's code, the write counter), and
      // the store's full digest once around the whole batch: per-payload cost stays small at 10,000.
      const before = await digest(db);
      const wrong: string[] = [];
      for (const c of invalid) {
        const writesBefore = writes;
        const result = await route(wireRequest(name, c.payload), sender);
        if (result.ok || result.error.code !== 'invalid-request') {
          wrong.push(`${c.how}: answered ${JSON.stringify(result).slice(0, 200)}`);
        }
        if (writes !== writesBefore) wrong.push(`${c.how}: wrote ${writes - writesBefore} time(s)`);
      }
      expect(wrong).toEqual([]);
      expect(called).toEqual([]);
      expect(await digest(db)).toBe(before);
      // The schemas refuse what is invalid by construction (extra keys, __proto__, NaN, huge strings...).
      const wronglyAccepted = valid.filter((c) => c.mustRefuse).map((c) => c.how);
      expect(wronglyAccepted).toEqual([]);

      for (const c of valid) {
        const result: Result<unknown> = await route(wireRequest(name, c.payload), sender);
        if (result.ok) {
          const answer = responses[name]().safeParse(result.value);
          expect(answer.success, `${c.how}: ${JSON.stringify(result.value).slice(0, 300)}`).toBe(true);
        } else {
          // A valid request may still be refused by the service (unknown id, conflict), never as malformed.
          expect(['internal'], `${c.how}: ${result.error.message}`).toContain(result.error.code);
          expect(result.error.message).toMatch(
            /not in Rapport|someone else|already|cannot|only profile|merge|needs a tab id/,
          );
        }
      }
      expect(called.length).toBe(valid.length);
      // Whatever the valid requests did (deletes, merges, splits...), no row points at a missing person.
      expect(await orphans(db)).toEqual([]);
      if (process.env.FUZZ_STATS)
        console.info(name, {
          invalid: invalid.length,
          valid: valid.length,
          mustRefuse: cases.filter((c) => c.mustRefuse).length,
        });
      // Both kinds were exercised.
      expect(invalid.length).toBeGreaterThan(FUZZ_RUNS_PER_MESSAGE / 2);
      expect(valid.length).toBeGreaterThan(0);
    },
    TIMEOUT_MS,
  );
});
