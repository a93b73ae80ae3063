import type { RapportDatabase } from '@/lib/db/database';
import { displayName, newPersonRow } from '@/lib/db/derive';
import type { InteractionRow } from '@/lib/db/rows';
import type { XArchiveContact } from '@/lib/io/x-archive';
import { canonicalProfileUrl } from '@/lib/sites/urls';
import type { Clock } from '../clock';
import { emptyPlan, type ImportPlan } from './import-types';

/**
 * Each account the user replied to or mentioned is a person with an X profile, and each tweet that named
 * them an interaction the user started. A profile Rapport already has is that person: only the tweets not
 * yet logged are added, so importing a newer archive adds the new tweets and duplicates nothing. A name
 * the user gave is never replaced.
 */
export async function planXArchive(
  db: RapportDatabase,
  contacts: readonly XArchiveContact[],
  clock: Clock,
): Promise<ImportPlan> {
  const plan = emptyPlan('x', 'merge');
  const { report } = plan;
  const now = clock.now();
  const known = await db.identities.bulkGet(contacts.map((c) => ['x', c.handle] as [string, string]));
  const logged = new Set(
    (await db.interactions.bulkGet(contacts.flatMap((c) => c.interactions.map((i) => i.id)))).flatMap(
      (row) => (row ? [row.id] : []),
    ),
  );
  contacts.forEach((contact, index) => {
    const identity = known[index];
    const personId = identity?.personId ?? clock.newId();
    if (!identity) {
      plan.people.push(newPersonRow(personId, displayName(contact.name, contact.handle), now));
      plan.identities.push({
        network: 'x',
        handle: contact.handle,
        personId,
        url: canonicalProfileUrl({ network: 'x', id: contact.handle }),
        lastSeenName: contact.name,
        lastSeenHeadline: null,
        lastSeenAvatarUrl: null,
        lastSeenAt: now,
        headlineHistory: [],
      });
      report.records.new++;
    }
    let added = 0;
    for (const interaction of contact.interactions) {
      if (logged.has(interaction.id)) {
        report.records.unchanged++;
        continue;
      }
      logged.add(interaction.id);
      const row: InteractionRow = {
        id: interaction.id,
        personId,
        at: interaction.at,
        kind: interaction.kind,
        direction: 'me',
        channel: 'x',
        text: interaction.text,
        sourceUrl: interaction.url,
        createdAt: now,
        updatedAt: now,
      };
      plan.interactions.push(row);
      report.records.new++;
      added++;
    }
    if (!identity) report.people.new++;
    else report.people[added > 0 ? 'updated' : 'unchanged']++;
  });
  return plan;
}
