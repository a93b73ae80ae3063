import type { Handlers } from '@/lib/protocol/router';
import { dataHandlers } from './handlers/data';
import type { BackgroundDeps } from './handlers/deps';
import { pageScriptHandlers } from './handlers/page-scripts';
import { peopleHandlers } from './handlers/people';
import { popupHandlers } from './handlers/popup';
import { recordHandlers } from './handlers/records';
import { tabHandlers } from './handlers/tabs';

export type { BackgroundDeps } from './handlers/deps';

/** Thin: each handler hands a validated request to a service (one user action, one transaction). */
export function createHandlers(deps: BackgroundDeps): Handlers {
  return {
    ...tabHandlers(deps),
    ...pageScriptHandlers(deps),
    ...peopleHandlers(deps),
    ...recordHandlers(deps),
    ...dataHandlers(deps),
    ...popupHandlers(deps),
  };
}
