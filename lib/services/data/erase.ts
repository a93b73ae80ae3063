import type { RapportDatabase } from '@/lib/db/database';
import { clearAllTables } from '../popup-cache';
import { type StoreCounts, storeCounts } from './rows';

/**
 * Erases everything Rapport holds about people: every table of the database (including tables added by
 * later versions), in one transaction. Settings are preferences, not data about anyone, and are kept.
 */
export async function eraseEverything(db: RapportDatabase): Promise<StoreCounts> {
  return db.transaction('rw', db.tables, async () => {
    const before = await storeCounts(db);
    await clearAllTables(db);
    return before;
  });
}
