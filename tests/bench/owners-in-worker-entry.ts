import Dexie from 'dexie';
import { DEFAULT_DATABASE_NAME } from '@/lib/db/database';
import { ProfileOwners } from '@/lib/db/profile-owners';

// Evaluated in the extension's worker by owners-in-worker.ts: Rapport's own module on the real store.
export async function measure(refs: { network: string; id: string }[]) {
  const db = new Dexie(DEFAULT_DATABASE_NAME);
  const owners = new ProfileOwners(db);
  db.use(owners.middleware());
  // No schema given: Dexie opens the database as the extension left it.
  await db.open();
  const started = performance.now();
  await owners.load();
  const loadMs = performance.now() - started;
  if (!owners.loaded) throw new Error('the copy did not load (a write ended during the load)');
  const times: number[] = [];
  let found = 0;
  for (const ref of refs) {
    const start = performance.now();
    const owner = owners.lookup(ref.network, ref.id);
    times.push(performance.now() - start);
    if (owner) found++;
  }
  db.close();
  return { loadMs, times, found };
}
