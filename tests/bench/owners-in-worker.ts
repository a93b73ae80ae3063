import { fileURLToPath } from 'node:url';
import type { Worker } from 'playwright-core';
// Vite is what WXT builds the extension with (a dependency of wxt and of @preact/preset-vite).
import { build, type Rolldown } from 'vite';
import { MODERN_DEXIE } from '../../wxt.config';

/**
 * Rapport's in-memory copy of who owns each profile (lib/db/profile-owners.ts), run in the extension's
 * own worker on the store the bench seeded: the module is bundled from source, with the Dexie build the
 * extension ships, and evaluated there, because the worker's bundle keeps its modules to itself. It opens
 * its own connection to the same database, loads the copy (timed) and times the lookups.
 */
export async function ownerLookupsInWorker(
  worker: Worker,
  refs: { network: string; id: string }[],
): Promise<{ loadMs: number; times: number[]; found: number }> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    resolve: { alias: [MODERN_DEXIE, { find: /^@\//, replacement: `${root}/` }] },
    build: {
      write: false,
      minify: true,
      lib: {
        entry: fileURLToPath(new URL('./owners-in-worker-entry.ts', import.meta.url)),
        formats: ['iife'],
        name: 'rapportBenchOwners',
      },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  const code = chunks.flatMap((chunk) => chunk.output).find((file) => file.type === 'chunk')?.code;
  if (!code) throw new Error('the lookup bundle was not built');
  await worker.evaluate(code);
  return worker.evaluate(
    (refs) =>
      (
        globalThis as unknown as {
          rapportBenchOwners: {
            measure(refs: { network: string; id: string }[]): Promise<{
              loadMs: number;
              times: number[];
              found: number;
            }>;
          };
        }
      ).rapportBenchOwners.measure(refs),
    refs,
  );
}
