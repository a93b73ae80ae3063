import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { quotaMessage } from '@/lib/db/quota';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('quotaMessage', () => {
  it("explains IndexedDB's own quota error", () => {
    expect(quotaMessage(quota())).toContain('the storage for it is full');
  });

  it('explains a quota error that Dexie wrapped, as the error or as its cause', () => {
    expect(quotaMessage(new Dexie.QuotaExceededError('full'))).toContain('Nothing was changed');
    expect(quotaMessage(new Dexie.AbortError('aborted', quota()))).toContain('Free some disk space');
  });

  it('leaves every other error to the generic message', () => {
    expect(quotaMessage(new Dexie.AbortError('aborted'))).toBeNull();
    expect(quotaMessage(new DOMException('closing', 'InvalidStateError'))).toBeNull();
    expect(quotaMessage(new Error('QuotaExceededError'))).toBeNull();
    expect(quotaMessage(null)).toBeNull();
    expect(quotaMessage('QuotaExceededError')).toBeNull();
  });
});
