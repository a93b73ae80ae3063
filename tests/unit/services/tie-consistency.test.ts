import { describe, expect, it } from 'vitest';
import { backupFromExport } from '@/lib/io';
import { exportData } from '@/lib/services/data';
import { logInteraction } from '@/lib/services/interactions';
import { addPerson, archivePerson, updatePerson } from '@/lib/services/people';
import { getPersonView } from '@/lib/services/person-view';
import { getPopupData } from '@/lib/services/popup';
import { searchAll } from '@/lib/services/search';
import { tieSummaries } from '@/lib/services/tie-inputs';
import { snapshot, T0, testClock, useTestDatabase } from './helpers';

// One tie, one answer: the sidebar, the popup's card for the tab's person, a search hit and the CSV
// export count shared tags the same way (lib/domain/shared-topics.ts), so a tie is strong or weak alike
// wherever it is shown. The store below is where the surfaces' old counts disagreed: a topic shared
// across kinds, a tag held only by an archived person, a tag the user's focus names.

const db = useTestDatabase();
const clock = testClock();
const DAY = 86_400_000;
const FOCUS = { interests: ['Hiring'], goals: [] };

async function person(id: string, name: string, patch: Parameters<typeof updatePerson>[1]['patch']) {
  await addPerson(db(), { personId: id, snapshot: snapshot(id, name) }, clock);
  await updatePerson(db(), { personId: id, patch }, clock);
  // A few exchanges, so scores sit where a shared tag can tip strong or weak.
  for (const [index, direction] of (['me', 'them', 'mutual'] as const).entries()) {
    await logInteraction(
      db(),
      {
        id: `${id}-${index}`,
        personId: id,
        at: T0 - (index + 1) * 20 * DAY,
        kind: 'message',
        direction,
        channel: 'linkedin',
        text: null,
        sourceUrl: null,
      },
      clock,
    );
  }
}

async function seed() {
  await person('jane', 'Jane Doe', { interests: ['Climate'], closeness: 0.6 });
  await person('rahul', 'Rahul Mehta', { goals: ['climate '], closeness: 0.6 });
  await person('ana', 'Ana Alvarez', { expertise: ['Rust'], closeness: 0.6 });
  await person('zed', 'Zed Zane', { expertise: ['rust'] });
  await archivePerson(db(), 'zed', true, clock);
  await person('bo', 'Bo Berg', { goals: ['hiring'], closeness: 0.6 });
}

describe('a tie is the same on every surface', () => {
  it.each([
    ['jane', 'Jane Doe', 1, 'a topic Rahul has as a goal and she as an interest'],
    ['rahul', 'Rahul Mehta', 1, 'the same topic, seen from his side'],
    ['ana', 'Ana Alvarez', 0, 'a tag only an archived person shares'],
    ['bo', 'Bo Berg', 1, 'a tag the user’s focus names'],
  ])('%s (%s): %i shared tag, %s', async (id, name, shared) => {
    await seed();
    const ref = { network: 'linkedin' as const, id };
    const view = await getPersonView(db(), ref, testClock(T0), FOCUS);
    expect(view.tie?.sharedTagCount).toBe(shared);

    const popup = await getPopupData(db(), T0, { tabProfile: ref, focus: FOCUS });
    const search = await searchAll(
      db(),
      { query: name, strength: 'any', network: null, includeArchived: false, limit: 5 },
      T0,
      FOCUS,
    );
    const csv = tieSummaries(backupFromExport(await exportData(db(), {}, T0)), T0, FOCUS).get(id);

    const sidebar = { score: view.tie?.score, strong: view.tie?.strong };
    expect({ score: popup.tabPerson?.score, strong: popup.tabPerson?.strong }).toEqual(sidebar);
    expect({ score: search.hits[0]?.score, strong: search.hits[0]?.strong }).toEqual(sidebar);
    expect(csv).toEqual(sidebar);
  });
});
