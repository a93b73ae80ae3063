import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toChunks } from '../../lib/protocol/data-messages';
import { backupText } from '../bench/import-throughput';
import {
  callRapport,
  launchExtension,
  openExtensionPage,
  type RunningExtension,
  removeProfile,
} from './harness';

// An import plans inside its transaction, reading the store (lib/db/present.ts). In the browser's own
// IndexedDB a read-only transaction commits as soon as no request is pending at the end of a task, and a
// plan that awaited anything but Dexie's promises lost it: previews failed with PrematureCommitError in
// 10 of 15 tries here, on files of 3 to 30 people. fake-indexeddb never showed it, so it is tested here.

interface Report {
  refused: string[] | null;
  applied: boolean;
  people: { new: number; updated: number; unchanged: number };
}

let running: RunningExtension;
let page: Awaited<ReturnType<RunningExtension['context']['newPage']>>;

beforeAll(async () => {
  running = await launchExtension();
  page = await openExtensionPage(running, 'options.html');
});

afterAll(async () => {
  await running.close();
  removeProfile(running.userDataDir);
});

describe('a backup import in the built extension', () => {
  it('previews and applies a merge, again and again, on an empty store and on one that holds it', async () => {
    for (const people of [3, 10, 30]) {
      const request = { kind: 'backup', mode: 'merge', chunks: toChunks(backupText(people)) };
      await callRapport(page, 'eraseAll', { confirm: 'erase' });
      for (let attempt = 0; attempt < 3; attempt++) {
        const preview = await callRapport<Report>(page, 'previewImport', request);
        expect(preview).toMatchObject({ refused: null, applied: false, people: { new: people } });
      }
      const applied = await callRapport<Report>(page, 'applyImport', request);
      expect(applied).toMatchObject({ applied: true, people: { new: people } });
      // The same file again: the plan now reads the rows it finds, and changes nothing.
      for (let attempt = 0; attempt < 2; attempt++) {
        const again = await callRapport<Report>(page, 'previewImport', request);
        expect(again.people).toEqual({ new: 0, updated: 0, unchanged: people });
      }
      const counts = await callRapport<{ people: number }>(page, 'getDataCounts', { personId: null });
      expect(counts.people).toBe(people);
    }
  });
});
