import type { RapportDatabase } from '@/lib/db/database';
import type { PersonRow } from '@/lib/db/rows';
import { followUp, reciprocityLedger, tieStrength } from '@/lib/domain';
import type { PersonView, TieView, WireProfileRef } from '@/lib/protocol/types';
import type { Clock } from './clock';
import { toIdentity } from './identities';
import { allInteractionsOf, toInteraction } from './interactions';
import { linksOf, whoKnows } from './links';
import { notesOf } from './notes';
import { toPersonDetails, toPersonSummary } from './people';
import { cadenceOf, interactionFacts, isUsableInteraction, snoozeOf, tieInputs } from './tie-inputs';

/** The view keeps the newest ones; listInteractions pages through the rest. */
export const PERSON_VIEW_INTERACTIONS_MAX = 200;

/** Everything the sidebar shows about the person behind a profile, read in one transaction. */
export async function getPersonView(
  db: RapportDatabase,
  ref: WireProfileRef,
  clock: Clock,
): Promise<PersonView> {
  return db.transaction('r', db.allTables, async () => {
    const identity = await db.identities.get([ref.network, ref.id]);
    const person = identity ? await db.people.get(identity.personId) : undefined;
    if (!person) {
      return {
        ref,
        person: null,
        notes: [],
        details: null,
        identities: [],
        interactions: [],
        links: [],
        tie: null,
      };
    }
    const [notes, identities, rows, links, sharedTagCount] = await Promise.all([
      notesOf(db, person.id),
      db.identities.where('personId').equals(person.id).toArray(),
      allInteractionsOf(db, person.id),
      whoKnows(db, person.id),
      sharedTags(db, person),
    ]);
    // Rows the tie model cannot read (only a bug could write them) are left out of the list as well.
    const usable = rows.filter(isUsableInteraction).sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
    return {
      ref,
      person: toPersonSummary(person),
      notes,
      details: toPersonDetails(person),
      identities: identities.map(toIdentity),
      interactions: usable.slice(0, PERSON_VIEW_INTERACTIONS_MAX).map(toInteraction),
      links,
      tie: tieView(person, usable, await linksOf(db, person.id), sharedTagCount, clock.now()),
    };
  });
}

function tieView(
  person: PersonRow,
  rows: Parameters<typeof interactionFacts>[0],
  links: Parameters<typeof tieInputs>[2],
  sharedTagCount: number,
  now: number,
): TieView {
  const facts = interactionFacts(rows);
  const inputs = tieInputs(person, facts, links, sharedTagCount);
  const strength = tieStrength(inputs, now);
  const ledger = reciprocityLedger(facts, now);
  const due = followUp(
    {
      lastInteractionAt: ledger.lastAt,
      metAt: inputs.metAt,
      cadenceDays: cadenceOf(person),
      strong: strength.strong,
      snoozedUntil: snoozeOf(person),
    },
    now,
  );
  return {
    computedAt: now,
    score: strength.score,
    strong: strength.strong,
    reasons: strength.reasons,
    dimensions: strength.dimensions,
    sharedTagCount: inputs.sharedTagCount,
    mutualLinkCount: inputs.mutualLinkCount,
    reciprocity: ledger,
    followUp: due,
  };
}

/**
 * Tags of this person that someone else also has (see tie-inputs.ts). Two index entries per tag are
 * enough to know, so a common tag held by thousands costs no more than a rare one.
 */
async function sharedTags(db: RapportDatabase, person: PersonRow): Promise<number> {
  const holders = await Promise.all(
    person.tagKeys.map((key) => db.people.where('tagKeys').equals(key).limit(2).primaryKeys()),
  );
  return holders.filter((ids) => ids.some((id) => id !== person.id)).length;
}
