import type { Page } from 'playwright-core';
import { backupFromExport, type ExportFile, peopleCsvFile, vcardFile } from '../../lib/io/file-exports';
import { readImportFile } from '../../lib/io/import-file';
import { launchExtension, removeProfile } from '../e2e/harness';
import { KEEP_NAMES_SHIM } from './extension-page';
import { recordResults } from './results';

/**
 * Import and export at scale, in Chromium with the built extension, through the same messages the options
 * page sends: a generated Connections.csv of ROWS rows (preview, then apply; then a re-import of the same
 * file, which changes nothing), then exports of EXPORT_PEOPLE people (full backup, CSV, vCard).
 * Run: `RAPPORT_OUT_DIR=.output-options npx tsx tests/bench/data.ts` after a build.
 */
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 5_000);
const EXPORT_PEOPLE = Number(process.env.BENCH_EXPORT_PEOPLE ?? 10_000);
const CHUNK = 100_000;

function connectionsCsv(count: number, offset: number, role = 'Engineer'): string {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  for (let i = offset; i < offset + count; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(
      `Person${i},Example,https://www.linkedin.com/in/person-${i}-example,,"Company ${i % 97}, Inc.",${role} ${i % 13},${day} ${months[i % 12]} ${2010 + (i % 15)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const chunks = (text: string) => {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) out.push(text.slice(i, i + CHUNK));
  return out;
};

/** One message from the options page; returns the answer and the round-trip time. */
async function timed(page: Page, type: string, payload: unknown): Promise<{ ms: number; value: unknown }> {
  return page.evaluate(
    async ({ type, payload }) => {
      const send = (
        globalThis as unknown as {
          chrome: {
            runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> };
          };
        }
      ).chrome.runtime.sendMessage;
      const started = performance.now();
      const answer = await send({ tag: 'rapport/v1', type, payload });
      const ms = performance.now() - started;
      if (!answer?.ok) throw new Error(`${type} failed: ${JSON.stringify(answer?.error)}`);
      return { ms, value: answer.value };
    },
    { type, payload },
  );
}

const running = await launchExtension();
const page = await running.context.newPage();
await page.goto(`chrome-extension://${running.extensionId}/options.html`);
await page.evaluate(KEEP_NAMES_SHIM);

const results: Record<string, { ms: number; detail: string }> = {};
const csv = connectionsCsv(ROWS, 0);
/** As the options page sends it: the CSV read in the page, then its connections to the worker. */
function linkedinRequest(text: string) {
  const started = performance.now();
  const read = readImportFile('linkedin', text, Date.now());
  if (!read.ok) throw new Error(read.refused.join('; '));
  pageReadMs.push(performance.now() - started);
  return { kind: 'linkedin', mode: 'merge', chunks: chunks(read.payload) };
}
const pageReadMs: number[] = [];
const request = linkedinRequest(csv);
results[`read Connections.csv in the page (${ROWS} rows; Node, not the browser)`] = {
  ms: pageReadMs[0] ?? 0,
  detail: '',
};
const preview = await timed(page, 'previewImport', request);
results[`preview Connections.csv (${ROWS} rows, ${(csv.length / 1e6).toFixed(2)} MB)`] = {
  ms: preview.ms,
  detail: JSON.stringify((preview.value as { people: unknown }).people),
};
const apply = await timed(page, 'applyImport', request);
results[`apply Connections.csv (${ROWS} rows)`] = {
  ms: apply.ms,
  detail: JSON.stringify((apply.value as { people: unknown }).people),
};
const again = await timed(page, 'applyImport', request);
results[`re-import the same file (${ROWS} rows, all unchanged)`] = {
  ms: again.ms,
  detail: JSON.stringify((again.value as { people: unknown }).people),
};
// Fill up to EXPORT_PEOPLE people for the exports.
for (let offset = ROWS; offset < EXPORT_PEOPLE; offset += ROWS) {
  const more = connectionsCsv(Math.min(ROWS, EXPORT_PEOPLE - offset), offset);
  await timed(page, 'applyImport', linkedinRequest(more));
}
const counts = (await timed(page, 'getDataCounts', { personId: null })).value as { people: number };
const backupAnswer = await timed(page, 'exportData', {});
const backupFile = backupAnswer.value as ExportFile;
results[`export backup (${backupFile.people} people)`] = {
  ms: backupAnswer.ms,
  detail: `${(backupFile.text.length / 1e6).toFixed(2)} MB`,
};
// CSV and vCard are made by the options page from that backup: timed here in Node's V8, from the text.
for (const [kind, make] of [
  ['csv', peopleCsvFile],
  ['vcard', vcardFile],
] as const) {
  const started = performance.now();
  const file = make(backupFromExport(backupFile), Date.now());
  results[`export ${kind} from the backup, in the page (${file.people} people)`] = {
    ms: performance.now() - started,
    detail: `${(file.text.length / 1e6).toFixed(2)} MB`,
  };
}
const backupText = backupFile.text;
const restore = await timed(page, 'previewImport', {
  kind: 'backup',
  mode: 'merge',
  chunks: chunks(backupText),
});
results[`preview merge of that backup (${counts.people} people)`] = {
  ms: restore.ms,
  detail: JSON.stringify((restore.value as { people: unknown }).people),
};
const replace = await timed(page, 'applyImport', {
  kind: 'backup',
  mode: 'replace',
  chunks: chunks(backupText),
});
results[`restore that backup, replacing (${counts.people} people)`] = {
  ms: replace.ms,
  detail: JSON.stringify((replace.value as { people: unknown }).people),
};
await running.close();
removeProfile(running.userDataDir);

console.info(`Data import/export in Chromium: ${counts.people} people in the store for the exports`);
console.table(
  Object.fromEntries(
    Object.entries(results).map(([name, r]) => [name, { ms: Math.round(r.ms), detail: r.detail }]),
  ),
);
recordResults(
  'data',
  Object.entries(results).map(([name, r]) => ({ figure: name, value: Math.round(r.ms), unit: 'ms' })),
  { rows: ROWS, exportPeople: counts.people, results },
);
