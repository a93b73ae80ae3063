import { describe, expect, it } from 'vitest';
import { allInteractionsOf } from '@/lib/services/interactions';
import { deletePerson } from '@/lib/services/people';
import { getPopupData } from '@/lib/services/popup';
import { actOnPrompt } from '@/lib/services/prompt-actions';
import { testClock, useTestDatabase } from '../services/helpers';
import { DAY, log, NOW, person, seedPrompts } from './seed';

const db = useTestDatabase();

async function promptOf(kind: string, personId: string) {
  const data = await getPopupData(db(), NOW, { tabProfile: null });
  const prompt = data.prompts.find((p) => p.kind === kind && p.personIds.includes(personId));
  if (!prompt)
    throw new Error(`no ${kind} prompt for ${personId}: ${data.prompts.map((p) => p.key).join(', ')}`);
  return prompt;
}

describe('getPopupData', () => {
  it("lists today's prompts with reasons, drafts and where to act; counts ties and due prompts", async () => {
    await seedPrompts(db());
    const data = await getPopupData(db(), NOW, { tabProfile: null });
    const kinds = data.prompts.map((p) => `${p.kind}:${p.personIds.join('+')}`);
    expect(kinds).toEqual(
      expect.arrayContaining(['reply-acknowledge:ana', 'acknowledge-success:dee', 'reconnect:carl']),
    );
    const reply = data.prompts.find((p) => p.kind === 'reply-acknowledge');
    expect(reply?.reason).toMatch(/asked you something 3 days ago/);
    expect(reply?.draft).toContain('Which CI do you use?');
    expect(reply?.url).toBe('https://www.linkedin.com/in/ana/');
    expect(reply?.people).toEqual([{ id: 'ana', name: 'Ana Alvarez' }]);
    expect(data.counts.dueToday).toBe(data.prompts.length);
    expect(data.counts.people).toBe(3);
    expect(data.counts.strong + data.counts.weak).toBe(3);
    expect(data.counts.layers.find((l) => l.layer === 5)?.count).toBe(3);
    expect(data.focusEmpty).toBe(true);
  });

  it('lists follow-ups due in the next 14 days, soonest first, and not those further out', async () => {
    await person(db(), 'eve', 'Eve', { cadenceDays: 30 });
    await log(db(), 'eve', NOW - 25 * DAY, 'message', 'me');
    await person(db(), 'fay', 'Fay', { cadenceDays: 30 });
    await log(db(), 'fay', NOW - 20 * DAY, 'message', 'me');
    await person(db(), 'gus', 'Gus', { cadenceDays: 30 });
    await log(db(), 'gus', NOW - 5 * DAY, 'message', 'me');
    const data = await getPopupData(db(), NOW, { tabProfile: null });
    expect(data.upcoming.map((u) => [u.personId, (u.dueAt - NOW) / DAY])).toEqual([
      ['eve', 5],
      ['fay', 10],
    ]);
  });

  it("describes the current tab's person: tie, last contact, their top prompt; an unknown profile too", async () => {
    await seedPrompts(db());
    const data = await getPopupData(db(), NOW, { tabProfile: { network: 'linkedin', id: 'ana' } });
    expect(data.tabPerson).toMatchObject({
      personId: 'ana',
      name: 'Ana Alvarez',
      lastContactAt: NOW - 3 * DAY,
      topPrompt: { kind: 'reply-acknowledge' },
    });
    expect(typeof data.tabPerson?.strong).toBe('boolean');
    const unknown = await getPopupData(db(), NOW, { tabProfile: { network: 'x', id: 'nobody' } });
    expect(unknown.tabPerson).toMatchObject({ personId: null, name: null, topPrompt: null });
  });

  it('follows every write, whoever made it: a deleted person leaves the prompts', async () => {
    await seedPrompts(db());
    await getPopupData(db(), NOW, { tabProfile: null });
    await deletePerson(db(), 'ana');
    const data = await getPopupData(db(), NOW, { tabProfile: null });
    expect(data.prompts.some((p) => p.personIds.includes('ana'))).toBe(false);
    expect(await db().digests.get('ana')).toBeUndefined();
  });
});

describe('actOnPrompt', () => {
  it('done logs the matching interaction from the user, and the prompt is gone', async () => {
    await seedPrompts(db());
    const clock = testClock(NOW);
    for (const [kind, personId, logged] of [
      ['reply-acknowledge', 'ana', 'question-answered'],
      ['acknowledge-success', 'dee', 'congratulation'],
      ['reconnect', 'carl', 'message'],
    ] as const) {
      const prompt = await promptOf(kind, personId);
      const result = await actOnPrompt(
        db(),
        {
          ...prompt,
          action: 'done',
          until: null,
          text: 'Sent my answer',
          interactionId: `done-${personId}`,
        },
        clock,
      );
      expect(result.state).toMatchObject({ key: prompt.key, status: 'done', until: null, personId });
      expect(result.interactions).toMatchObject([
        { id: `done-${personId}`, personId, kind: logged, direction: 'me', at: NOW, text: 'Sent my answer' },
      ]);
      const rows = await allInteractionsOf(db(), personId);
      expect(rows.some((r) => r.id === `done-${personId}`)).toBe(true);
      const after = await getPopupData(db(), NOW, { tabProfile: null });
      expect(after.prompts.some((p) => p.kind === kind && p.personIds.includes(personId))).toBe(false);
    }
  });

  it('done on a reconnect resets the cadence: the next follow-up is a cadence from now', async () => {
    await seedPrompts(db());
    const prompt = await promptOf('reconnect', 'carl');
    await actOnPrompt(
      db(),
      { ...prompt, action: 'done', until: null, text: null, interactionId: 'r-1' },
      testClock(NOW),
    );
    const rows = await allInteractionsOf(db(), 'carl');
    expect(rows.find((r) => r.id === 'r-1')).toMatchObject({ kind: 'message', text: 'Reconnected' });
    const later = await getPopupData(db(), NOW + 20 * DAY, { tabProfile: null });
    expect(later.prompts.some((p) => p.personIds.includes('carl') && p.kind === 'reconnect')).toBe(false);
  });

  it('done on an introduction logs it with both people and links them', async () => {
    await person(db(), 'hal', 'Hal', { interests: ['Beekeeping'] });
    await person(db(), 'ivy', 'Ivy', { interests: ['Beekeeping'] });
    const prompt = await promptOf('introduce', 'hal');
    const result = await actOnPrompt(
      db(),
      { ...prompt, action: 'done', until: null, text: null, interactionId: 'intro' },
      testClock(NOW),
    );
    expect(result.interactions.map((i) => [i.id, i.personId, i.kind])).toEqual([
      ['intro', 'hal', 'introduction'],
      ['intro:2', 'ivy', 'introduction'],
    ]);
    expect(await db().links.count()).toBe(1);
  });

  it('snooze hides a prompt until the chosen time, then it comes back', async () => {
    await seedPrompts(db());
    const prompt = await promptOf('reply-acknowledge', 'ana');
    await actOnPrompt(
      db(),
      { ...prompt, action: 'snooze', until: NOW + DAY, text: null, interactionId: null },
      testClock(NOW),
    );
    const hidden = await getPopupData(db(), NOW + DAY / 2, { tabProfile: null });
    expect(hidden.prompts.some((p) => p.key === prompt.key)).toBe(false);
    const back = await getPopupData(db(), NOW + 2 * DAY, { tabProfile: null });
    expect(back.prompts.some((p) => p.key === prompt.key)).toBe(true);
    expect(await allInteractionsOf(db(), 'ana')).toHaveLength(2);
  });

  it('dismiss hides the prompt for good and logs nothing', async () => {
    await seedPrompts(db());
    const prompt = await promptOf('acknowledge-success', 'dee');
    const result = await actOnPrompt(
      db(),
      { ...prompt, action: 'dismiss', until: null, text: null, interactionId: null },
      testClock(NOW),
    );
    expect(result).toMatchObject({ state: { status: 'dismissed' }, interactions: [] });
    const after = await getPopupData(db(), NOW + 5 * DAY, { tabProfile: null });
    expect(after.prompts.some((p) => p.key === prompt.key)).toBe(false);
  });

  it('refuses a snooze into the past, a key that does not match, and an unknown person, writing nothing', async () => {
    await seedPrompts(db());
    const prompt = await promptOf('reply-acknowledge', 'ana');
    const base = { ...prompt, text: null, interactionId: null };
    await expect(
      actOnPrompt(db(), { ...base, action: 'snooze', until: NOW - 1 }, testClock(NOW)),
    ).rejects.toThrow(/past/);
    await expect(
      actOnPrompt(db(), { ...base, kind: 'thank', action: 'dismiss', until: null }, testClock(NOW)),
    ).rejects.toThrow(/does not match/);
    await expect(
      actOnPrompt(
        db(),
        {
          ...base,
          key: 'reconnect:zed:1',
          kind: 'reconnect',
          personIds: ['zed'],
          action: 'dismiss',
          until: null,
        },
        testClock(NOW),
      ),
    ).rejects.toThrow(/not in Rapport/);
    expect(await db().promptStates.count()).toBe(0);
  });
});
