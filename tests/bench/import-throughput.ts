import type { Page, Worker } from 'playwright-core';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../lib/io/backup-schema';
import { toChunks } from '../../lib/protocol/data-messages';
import { type Spread, spread } from './stats';

/**
 * Bulk import throughput against the floor: Rapport imports a backup of PEOPLE people through the options
 * page's own messages (applyImport: the file crosses to the worker in chunks, is parsed, validated,
 * planned against the store and written in one transaction), and the same browser's worker then writes
 * the very rows Rapport stored (read back from its tables) into a bare IndexedDB database with the same
 * stores and indexes, in one transaction. Same rows, same worker, same disk: the ratio of the two times
 * is Rapport's throughput as a fraction of what IndexedDB itself can do (target at least 0.5). Rounds
 * alternate which goes first; the store is erased before each import.
 */
const PEOPLE = Number(process.env.BENCH_IMPORT_PEOPLE ?? 10_000);
const INTERACTIONS_PER_PERSON = 4;
const ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? 3);
/** The tables an import writes; the digests Rapport derives on top are part of its cost, not the floor's. */
const TABLES = ['people', 'identities', 'notes', 'interactions', 'links'];

export interface ImportThroughput {
  people: number;
  rows: number;
  fileMb: number;
  rapportMs: Spread;
  /** previewImport of the same file on the same (empty) store: reading, checking and planning, no writes. */
  previewMs: Spread;
  bareMs: Spread;
  /** bare time / Rapport time, per round: Rapport's rows per second as a fraction of the floor's. */
  ratio: Spread;
}

/** A backup as Rapport writes it (pretty-printed JSON), generated here so the bench needs no fixture. */
export function backupText(people: number): string {
  const now = Date.now();
  const day = 86_400_000;
  const kinds = ['message', 'comment', 'congratulation', 'question-asked', 'meeting', 'reaction'];
  const tags = ['hiring', 'rust', 'design systems', 'climate', 'fundraising', 'accessibility'];
  const id = (prefix: string, index: number) =>
    `${prefix}${String(index).padStart(8, '0')}-0000-4000-8000-000000000000`;
  const backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    people: Array.from({ length: people }, (_, index) => ({
      id: id('a', index),
      name: `Person ${index} Example`,
      createdAt: now - (index % 900) * day,
      updatedAt: now - (index % 90) * day,
      howWeMet: index % 3 === 0 ? 'Met at a conference' : '',
      metAt: index % 2 === 0 ? now - (index % 900) * day : null,
      introducedBy: null,
      closeness: index % 4 === 0 ? (index % 10) / 10 : null,
      tieOverride: null,
      cadenceDays: index % 5 === 0 ? 30 : null,
      snoozedUntil: null,
      archived: false,
      interests: [tags[index % tags.length]],
      goals: index % 2 === 0 ? [tags[(index + 3) % tags.length]] : [],
      expertise: [],
      tools: [],
    })),
    identities: Array.from({ length: people }, (_, index) => ({
      network: 'linkedin',
      handle: `person-${index}-example`,
      personId: id('a', index),
      url: `https://www.linkedin.com/in/person-${index}-example/`,
      lastSeenName: `Person ${index} Example`,
      lastSeenHeadline: `Engineer at Company ${index % 97}`,
      lastSeenAvatarUrl: null,
      lastSeenAt: now - (index % 30) * day,
      headlineHistory: [],
    })),
    notes: Array.from({ length: people }, (_, index) => ({
      id: id('b', index),
      personId: id('a', index),
      text: `Talked about plans for the quarter (${index}).`,
      createdAt: now - index,
      updatedAt: now - index,
    })),
    interactions: Array.from({ length: people * INTERACTIONS_PER_PERSON }, (_, index) => ({
      id: id('c', index),
      personId: id('a', index % people),
      at: now - (index % 700) * day,
      kind: kinds[index % kinds.length],
      direction: index % 3 === 0 ? 'them' : 'me',
      channel: 'linkedin',
      text: null,
      sourceUrl: null,
      createdAt: now,
      updatedAt: now,
    })),
    links: [],
    promptStates: [],
    settings: {},
  };
  return `${JSON.stringify(backup, null, 2)}\n`;
}

/**
 * In the worker: copies what Rapport stored in TABLES into memory (once), then times one bare bulk insert
 * of those rows into a fresh database with the same schema. Returns the insert's time and the row count.
 */
async function bareInsert(worker: Worker): Promise<{ ms: number; rows: number }> {
  return worker.evaluate(async (tables) => {
    const done = (request: IDBRequest | IDBTransaction) =>
      new Promise<void>((resolve, reject) => {
        if (request instanceof IDBTransaction) {
          request.oncomplete = () => resolve();
          request.onerror = () => reject(request.error);
          request.onabort = () => reject(request.error);
        } else {
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        }
      });
    const open = (name: string, upgrade?: (db: IDBDatabase) => void) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name, 1);
        request.onupgradeneeded = () => upgrade?.(request.result);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const state = globalThis as unknown as {
      benchRows?: { schema: unknown[]; rows: Record<string, unknown[]> };
    };
    if (!state.benchRows) {
      const rapport = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('rapport');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = rapport.transaction(tables);
      const schema = tables.map((name) => {
        const store = tx.objectStore(name);
        return {
          name,
          keyPath: store.keyPath,
          autoIncrement: store.autoIncrement,
          indexes: [...store.indexNames].map((index) => {
            const { keyPath, unique, multiEntry } = store.index(index);
            return { index, keyPath, unique, multiEntry };
          }),
        };
      });
      const rows: Record<string, unknown[]> = {};
      for (const name of tables) {
        const request = tx.objectStore(name).getAll();
        await done(request);
        rows[name] = request.result;
      }
      rapport.close();
      state.benchRows = { schema, rows };
    }
    const { schema, rows } = state.benchRows;
    await done(indexedDB.deleteDatabase('rapport-bench-bare'));
    const bare = await open('rapport-bench-bare', (db) => {
      for (const store of schema as {
        name: string;
        keyPath: string | string[];
        autoIncrement: boolean;
        indexes: { index: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
      }[]) {
        const created = db.createObjectStore(store.name, {
          keyPath: store.keyPath,
          autoIncrement: store.autoIncrement,
        });
        for (const index of store.indexes)
          created.createIndex(index.index, index.keyPath, {
            unique: index.unique,
            multiEntry: index.multiEntry,
          });
      }
    });
    const started = performance.now();
    const tx = bare.transaction(tables, 'readwrite');
    let count = 0;
    for (const name of tables) {
      const store = tx.objectStore(name);
      for (const row of rows[name] ?? []) {
        store.put(row);
        count++;
      }
    }
    await done(tx);
    const ms = performance.now() - started;
    bare.close();
    await done(indexedDB.deleteDatabase('rapport-bench-bare'));
    return { ms, rows: count };
  }, TABLES);
}

/** One message from an extension page, timed there; its answer's value. */
async function send(page: Page, type: string, payload: unknown): Promise<{ ms: number; value: unknown }> {
  return page.evaluate(
    async ({ type, payload }) => {
      const runtime = (
        globalThis as unknown as {
          chrome: {
            runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> };
          };
        }
      ).chrome.runtime;
      const started = performance.now();
      const answer = await runtime.sendMessage({ tag: 'rapport/v1', type, payload });
      const ms = performance.now() - started;
      if (!answer?.ok) throw new Error(`${type} failed: ${JSON.stringify(answer?.error)}`);
      return { ms, value: answer.value };
    },
    { type, payload },
  );
}

/** Runs on an extension page of a launched browser; leaves the store empty. */
export async function importThroughput(page: Page, worker: Worker): Promise<ImportThroughput> {
  const text = backupText(PEOPLE);
  const request = { kind: 'backup', mode: 'merge', chunks: toChunks(text) };
  const erase = () => send(page, 'eraseAll', { confirm: 'erase' });
  const rapportMs: number[] = [];
  const previewMs: number[] = [];
  const bareMs: number[] = [];
  let rows = 0;
  // The bare insert copies Rapport's rows, so the first import comes first; then the order alternates.
  for (let round = 0; round < ROUNDS; round++) {
    const rapportFirst = round % 2 === 0;
    if (!rapportFirst) {
      const bare = await bareInsert(worker);
      bareMs.push(bare.ms);
    }
    await erase();
    previewMs.push((await send(page, 'previewImport', request)).ms);
    const { ms, value } = await send(page, 'applyImport', request);
    const report = value as { applied: boolean; refused: string[] | null; people: { new: number } };
    if (!report.applied || report.people.new !== PEOPLE)
      throw new Error(`The import did not apply: ${JSON.stringify(report).slice(0, 500)}`);
    rapportMs.push(ms);
    if (rapportFirst) {
      const bare = await bareInsert(worker);
      bareMs.push(bare.ms);
      rows = bare.rows;
    }
  }
  await erase();
  await worker.evaluate(() => {
    delete (globalThis as unknown as { benchRows?: unknown }).benchRows;
  });
  return {
    people: PEOPLE,
    rows,
    fileMb: Math.round((text.length / 1e6) * 10) / 10,
    rapportMs: spread(rapportMs),
    previewMs: spread(previewMs),
    bareMs: spread(bareMs),
    ratio: spread(rapportMs.map((ms, index) => (bareMs[index] ?? Number.NaN) / ms)),
  };
}
