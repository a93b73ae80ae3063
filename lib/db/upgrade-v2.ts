import type { Transaction } from 'dexie';
import { canonicalProfileUrl } from '@/lib/sites/urls';
import { newPersonRow } from './derive';
import type { IdentityRow, PersonRow } from './rows';

type PersonV1 = Pick<PersonRow, 'id' | 'name' | 'createdAt' | 'updatedAt'>;
type IdentityV1 = Omit<IdentityRow, 'headlineHistory'>;

/**
 * v1 → v2: people get the relationship fields with their defaults (nothing known yet, not archived, no
 * tags); an identity's history starts with the headline last seen, so the next change is detected, and
 * one saved without a page (v1 stored '') gets the profile URL its handle names.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table<PersonV1 & Partial<PersonRow>, string>('people')
    .toCollection()
    .modify((row, ref) => {
      ref.value = { ...newPersonRow(row.id, row.name, row.createdAt), updatedAt: row.updatedAt };
    });
  await tx
    .table<IdentityV1 & Partial<IdentityRow>, [string, string]>('identities')
    .toCollection()
    .modify((row) => {
      if (row.url === '') row.url = canonicalProfileUrl({ network: row.network, id: row.handle });
      row.headlineHistory =
        row.lastSeenHeadline === null ? [] : [{ headline: row.lastSeenHeadline, seenAt: row.lastSeenAt }];
    });
}
