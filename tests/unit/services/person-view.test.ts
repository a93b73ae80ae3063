import { describe, expect, it } from 'vitest';
import type { InteractionRow } from '@/lib/db/rows';
import { MS_PER_DAY } from '@/lib/domain';
import { responses } from '@/lib/protocol/responses';
import { logInteraction } from '@/lib/services/interactions';
import { addLink } from '@/lib/services/links';
import { addPerson, updatePerson } from '@/lib/services/people';
import { getPersonView, PERSON_VIEW_INTERACTIONS_MAX } from '@/lib/services/person-view';
import { snapshot, T0, testClock, useTestDatabase } from './helpers';

const getDb = useTestDatabase();
const jane = { network: 'linkedin', id: 'jane' } as const;

async function seed() {
  const db = getDb();
  const clock = testClock();
  for (const id of ['jane', 'rahul', 'zoe'])
    await addPerson(db, { personId: id, snapshot: snapshot(id, id) }, clock);
  await updatePerson(
    db,
    { personId: 'jane', patch: { expertise: ['Hiring', 'Rust'], closeness: 0.9 } },
    clock,
  );
  await updatePerson(db, { personId: 'rahul', patch: { expertise: ['hiring'] } }, clock);
  await addLink(db, { fromId: 'jane', kind: 'knows', toId: 'rahul' }, clock);
  await addLink(db, { fromId: 'zoe', kind: 'introduced-me-to', toId: 'jane' }, clock);
  const base = { personId: 'jane', channel: 'linkedin', text: null, sourceUrl: null } as const;
  await logInteraction(
    db,
    { ...base, id: 'q', at: T0 - 10 * MS_PER_DAY, kind: 'question-asked', direction: 'them' },
    clock,
  );
  await logInteraction(
    db,
    { ...base, id: 'm', at: T0 - 20 * MS_PER_DAY, kind: 'message', direction: 'me' },
    clock,
  );
}

describe('getPersonView', () => {
  it('shows the person with tags, profiles, interactions newest first, links and the tie model', async () => {
    await seed();
    const view = await getPersonView(getDb(), jane, testClock());
    expect(responses.getPersonView().safeParse(view).success).toBe(true);
    expect(view.details).toMatchObject({ expertise: ['Hiring', 'Rust'], closeness: 0.9 });
    expect(view.identities.map((identity) => identity.handle)).toEqual(['jane']);
    expect(view.interactions.map((row) => row.id)).toEqual(['q', 'm']);
    expect(view.links.map((link) => link.other.id)).toEqual(['rahul', 'zoe']);
    expect(view.tie).toMatchObject({ computedAt: T0, sharedTagCount: 1, mutualLinkCount: 2 });
    expect(view.tie?.reciprocity.openLoops).toHaveLength(1);
    expect(view.tie?.followUp.dueAt).toBeGreaterThan(T0 - 10 * MS_PER_DAY);
    expect(view.tie?.score).toBeGreaterThan(0);
  });

  it('counts a tag the focus names once the focus arrives, reading the database meanwhile', async () => {
    await seed();
    // Jane's tags: Hiring (Rahul has it too) and Rust (only hers). The focus names Rust.
    const focus = { interests: ['rust'], goals: [] };
    const without = await getPersonView(getDb(), jane, testClock());
    let arrive: (value: typeof focus) => void = () => undefined;
    const later = new Promise<typeof focus>((resolve) => {
      arrive = resolve;
    });
    const pending = getPersonView(getDb(), jane, testClock(), later);
    arrive(focus);
    const withFocus = await pending;
    expect(without.tie?.sharedTagCount).toBe(1);
    expect(withFocus.tie?.sharedTagCount).toBe(2);
    expect(withFocus.tie).toEqual(await getPersonView(getDb(), jane, testClock(), focus).then((v) => v.tie));
  });

  it('fails with the settings when the focus cannot be read, and answers for nobody without them', async () => {
    await seed();
    const broken = () => Promise.reject(new Error('storage is gone'));
    await expect(getPersonView(getDb(), jane, testClock(), broken())).rejects.toThrow('storage is gone');
    const nobody = await getPersonView(getDb(), { network: 'x', id: 'nobody' }, testClock(), broken());
    expect(nobody.person).toBeNull();
  });

  it('caps the interactions it returns but scores them all', async () => {
    await seed();
    const db = getDb();
    const rows: InteractionRow[] = Array.from({ length: PERSON_VIEW_INTERACTIONS_MAX + 20 }, (_, i) => ({
      id: `bulk-${i}`,
      personId: 'jane',
      at: T0 - i * 1000,
      kind: 'reaction',
      direction: 'them',
      channel: 'x',
      text: null,
      sourceUrl: null,
      createdAt: T0,
      updatedAt: T0,
    }));
    await db.interactions.bulkPut(rows);
    const view = await getPersonView(db, jane, testClock());
    expect(view.interactions).toHaveLength(PERSON_VIEW_INTERACTIONS_MAX);
    expect(view.interactions[0]?.id).toBe('bulk-0');
    expect(view.tie?.reciprocity.initiatedByThem).toBe(PERSON_VIEW_INTERACTIONS_MAX + 21);
  });

  it('still answers when stored rows hold values the tie model refuses (dropped as unknown)', async () => {
    await seed();
    const db = getDb();
    await db.people.update('jane', {
      closeness: Number.NaN,
      metAt: Number.POSITIVE_INFINITY,
      cadenceDays: -3,
    });
    await db.interactions.update('m', { at: Number.NaN });
    await db.interactions.update('q', { kind: 'bogus' as InteractionRow['kind'] });
    const view = await getPersonView(db, jane, testClock());
    expect(responses.getPersonView().safeParse(view).success).toBe(true);
    expect(view.details).toMatchObject({ closeness: null, metAt: null, cadenceDays: null });
    expect(view.interactions).toEqual([]);
    expect(view.tie?.reciprocity.initiatedByMe).toBe(0);
    expect(view.tie?.score).toBeGreaterThanOrEqual(0);
  });
});
