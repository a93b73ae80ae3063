import type { Transaction } from 'dexie';
import { DIGEST_QUEUE } from './digest-queue';

/**
 * v2 → v3: new tables only (prompt states, digests, search rows, the digest queue); no existing row
 * changes. Every person is queued, so their digest is built by the first reader (or the background right
 * after the upgrade) instead of inside the upgrade, which must stay short.
 */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  const ids = await tx.table<{ id: string }, string>('people').toCollection().primaryKeys();
  await tx.table(DIGEST_QUEUE).bulkPut(ids.map((personId) => ({ personId })));
}
