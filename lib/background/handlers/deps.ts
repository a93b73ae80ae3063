import type { RapportDatabase } from '@/lib/db/database';
import type { PageScripts } from '@/lib/platform/page-scripts';
import type { TabProfiles } from '@/lib/platform/tab-profiles';
import type { Handlers } from '@/lib/protocol/router';
import type { Clock } from '@/lib/services/clock';

export interface BackgroundDeps {
  db: RapportDatabase;
  tabs: TabProfiles;
  clock: Clock;
  /** Runs a site's whole content script in a tab; absent where the browser cannot (Firefox MV2). */
  pageScripts?: PageScripts;
}

/** A slice of the handler table; handlers.ts checks that the slices add up to every message. */
export type HandlerGroup<K extends keyof Handlers> = Pick<Handlers, K>;
