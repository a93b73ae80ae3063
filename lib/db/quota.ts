// A full disk (or the browser's storage limit for Rapport) reaches the worker as a QuotaExceededError,
// from IndexedDB directly or wrapped by Dexie (as the error or its `inner`). The transaction it broke was
// aborted, so nothing of the action was written; the user needs to know why and what to do.

/** The user-facing text for a quota error, or null for any other error. */
export function quotaMessage(error: unknown): string | null {
  const inner = (error as { inner?: unknown } | null)?.inner;
  const isQuota = (candidate: unknown) =>
    candidate instanceof Error && candidate.name === 'QuotaExceededError';
  if (!isQuota(error) && !isQuota(inner)) return null;
  return (
    'Rapport could not save this: the storage for it is full (the disk, or the space the browser allows). ' +
    'Nothing was changed, and anything you typed is kept. Free some disk space, then try again.'
  );
}
