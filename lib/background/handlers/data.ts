import { readAsIs } from '@/lib/db/open-failure';
import {
  eraseEverything,
  exportData,
  exportPersonData,
  personCounts,
  storeCounts,
} from '@/lib/services/data';
import { applyImport, previewImport } from '@/lib/services/data/import';
import { flattenSettings, readSettings, settingsFromFlat, writeSettings } from '@/lib/settings';
import type { BackgroundDeps, HandlerGroup } from './deps';

type DataMessages =
  | 'getDataCounts'
  | 'exportData'
  | 'exportPersonData'
  | 'previewImport'
  | 'applyImport'
  | 'eraseAll';

/** Issue 8: export, import (preview, then apply) and erase; settings travel inside a full backup. */
export function dataHandlers({ db, clock }: BackgroundDeps): HandlerGroup<DataMessages> {
  return {
    getDataCounts: ({ personId }) => (personId === null ? storeCounts(db) : personCounts(db, personId)),
    // Through readAsIs: after a failed upgrade the user can still take their data out.
    exportData: async () => {
      const settings = flattenSettings((await readSettings()).settings);
      return readAsIs(db, (store) => exportData(store, settings, clock.now()));
    },
    exportPersonData: (request) => exportPersonData(db, request, clock.now()),
    async previewImport({ kind, mode, chunks }) {
      const report = await previewImport(db, { kind, mode, text: chunks.join('') }, clock);
      return { ...report, settings: null };
    },
    async applyImport({ kind, mode, chunks }) {
      const { report, settings } = await applyImport(db, { kind, mode, text: chunks.join('') }, clock);
      if (settings === null) return { ...report, settings: null };
      // After the data committed: settings live in storage.local, outside the database's transaction.
      const read = settingsFromFlat(settings);
      const problems = read.problems.map((p) => `${p.field}: ${p.reason}`.slice(0, 2_000)).slice(0, 50);
      try {
        await writeSettings(read.settings);
        return { ...report, settings: { restored: true, problems } };
      } catch (error) {
        return {
          ...report,
          settings: { restored: false, problems: [...problems, String(error)].slice(0, 50) },
        };
      }
    },
    eraseAll: async () => ({ erased: await eraseEverything(db) }),
  };
}
