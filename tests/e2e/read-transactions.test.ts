import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toChunks } from '../../lib/protocol/data-messages';
import { backupText } from '../bench/import-throughput';
import { VALID } from '../unit/protocol/fuzz-payloads';
import {
  callRapport,
  launchExtension,
  openExtensionPage,
  type RunningExtension,
  removeProfile,
} from './harness';

// Reads run in read-only transactions that call async helpers. In Chromium's own IndexedDB such a
// transaction can commit under a helper that awaits the wrong kind of promise (PrematureCommitError, at
// random: an import preview failed 10 times in 15 that way); fake-indexeddb never shows it. So every
// read the worker answers is asked again and again here, on an empty store and on a seeded one, in the
// built extension.

const READS = [
  'getTabProfile',
  'getPersonView',
  'getPerson',
  'searchPeople',
  'listTags',
  'getPersonStanding',
  'listInteractions',
  'getWhoKnows',
  'getPopupData',
  'searchAll',
  'getDataCounts',
  'exportData',
  'exportPersonData',
  'previewImport',
] as const;
const ROUNDS = 8;
/** Beyond the fuzz payloads: a backup's merge preview, whose plan reads every table. */
const EXTRA: Partial<Record<(typeof READS)[number], unknown[]>> = {
  previewImport: [{ kind: 'backup', mode: 'merge', chunks: toChunks(backupText(10)) }],
};

let running: RunningExtension;
let page: Page;

/** The answer's outcome: 'ok', or the refusal as callRapport words it (the message type, then the error). */
const ask = (type: string, payload: unknown): Promise<string> =>
  callRapport(page, type, payload).then(
    () => 'ok',
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );

beforeAll(async () => {
  running = await launchExtension();
  page = await openExtensionPage(running, 'options.html');
});

async function seed(): Promise<void> {
  for (const type of [
    'createPerson',
    'addPerson',
    'saveNote',
    'logInteraction',
    'addLink',
    'editTags',
  ] as const)
    for (const payload of VALID[type]) await ask(type, payload);
  const imported = await ask('applyImport', {
    kind: 'backup',
    mode: 'merge',
    chunks: toChunks(backupText(30)),
  });
  expect(imported).toBe('ok');
}

/** Every read, ROUNDS times; what failed. */
async function readAll(): Promise<{ failures: string[]; answered: number }> {
  const failures: string[] = [];
  let answered = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const type of READS) {
      for (const payload of [...VALID[type], ...(EXTRA[type] ?? [])]) {
        const outcome = await ask(type, payload);
        answered++;
        // A person the store does not hold is a refusal that names them; anything else is a failure.
        if (outcome !== 'ok' && !outcome.includes('"code":"not-found"')) failures.push(outcome);
      }
    }
  }
  return { failures, answered };
}

afterAll(async () => {
  await running.close();
  removeProfile(running.userDataDir);
});

describe('reads in the built extension', () => {
  it(`answer every time, on an empty store and on a seeded one: each read ${ROUNDS} times, never a storage or internal error`, async () => {
    const empty = await readAll();
    expect(empty.failures).toEqual([]);
    await seed();
    const seeded = await readAll();
    expect(seeded.failures).toEqual([]);
    expect(empty.answered + seeded.answered).toBeGreaterThan(300);
  });
});
