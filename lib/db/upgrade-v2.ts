import type { Transaction } from 'dexie';
import { canonicalProfileUrl } from '@/lib/sites/urls';
import { newPersonRow } from './derive';
import type { IdentityRow, PersonRow } from './rows';

export type PersonV1 = Pick<PersonRow, 'id' | 'name' | 'createdAt' | 'updatedAt'>;
export type IdentityV1 = Omit<IdentityRow, 'headlineHistory'>;

/** A version-1 person with the relationship fields at their defaults (nothing known yet, no tags). */
export function personFromV1(row: PersonV1): PersonRow {
  return { ...newPersonRow(row.id, row.name, row.createdAt), updatedAt: row.updatedAt };
}

/**
 * A version-1 identity whose history starts with the headline last seen (so the next change is
 * detected); one saved without a page (v1 stored '') gets the profile URL its handle names.
 */
export function identityFromV1(row: IdentityV1): IdentityRow {
  return {
    ...row,
    url: row.url === '' ? canonicalProfileUrl({ network: row.network, id: row.handle }) : row.url,
    headlineHistory:
      row.lastSeenHeadline === null ? [] : [{ headline: row.lastSeenHeadline, seenAt: row.lastSeenAt }],
  };
}

/** v1 → v2: every person and identity in the version-2 shape. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table<PersonV1, string>('people')
    .toCollection()
    .modify((row, ref) => {
      ref.value = personFromV1(row);
    });
  await tx
    .table<IdentityV1, [string, string]>('identities')
    .toCollection()
    .modify((row, ref) => {
      ref.value = identityFromV1(row);
    });
}
