// Random writes of the kinds the popup sees, for the tests that hold a kept run (prompt-run.ts) and what
// is kept along its lineage (lib/services/popup-columns.ts) equal to a computation from scratch.

import type { PromptInput, PromptPerson, PromptState } from '@/lib/domain/prompts';
import { type PromptRun, promptRun } from '@/lib/domain/prompts/prompt-run';
import { seededRandom } from '../../../fixtures/seeded-random';
import { DAY, largeInput, NOW, TOPICS } from './fixtures';

type Write = (input: PromptInput, run: PromptRun, now: number) => PromptInput;

/** `common`: writes a run can keep; `rare`: writes that start it over. */
function writes(random: () => number): { common: Write[]; rare: Write[] } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const edit = (input: PromptInput, change: (p: PromptPerson) => PromptPerson): PromptInput => {
    const index = Math.floor(random() * input.people.length);
    const people = [...input.people];
    people[index] = change(people[index] as PromptPerson);
    return { ...input, people };
  };
  const kinds = ['message', 'question-asked', 'feedback-received', 'introduction', 'share', 'congratulation'];
  const state = (key: string, now: number): PromptState =>
    pick<PromptState>([
      { key, status: 'done' },
      { key, status: 'dismissed' },
      { key, status: 'snoozed', until: now + DAY },
      { key, status: 'snoozed', until: now - DAY },
    ]);
  return {
    common: [
      (input, _run, now) =>
        edit(input, (p) => ({
          ...p,
          interactions: [
            ...p.interactions,
            {
              at: now - Math.floor(random() * 90) * DAY,
              kind: pick(kinds) as PromptPerson['interactions'][number]['kind'],
              direction: pick(['me', 'them', 'mutual'] as const),
              text: random() < 0.5 ? 'Some news' : undefined,
            },
          ],
        })),
      (input) => edit(input, (p) => ({ ...p, closeness: random() })),
      (input) => edit(input, (p) => ({ ...p, tieOverride: pick(['strong', 'weak', null] as const) })),
      (input) => edit(input, (p) => ({ ...p, cadenceDays: pick([7, 30, null]) })),
      (input) => edit(input, (p) => ({ ...p })),
      // Acting on a shown prompt, or on any looked-up key (an introduction, a success not shown).
      (input, run, now) => {
        const prompt = pick(run.prompts);
        return prompt ? { ...input, states: [...input.states, state(prompt.key, now)] } : input;
      },
      (input, run, now) => {
        const own = pick([...run.own.values()]);
        const key = own ? pick(own.asked) : undefined;
        return key ? { ...input, states: [...input.states, state(key, now)] } : input;
      },
      (input) => ({ ...input, states: input.states.slice(1) }),
    ],
    rare: [
      (input) => edit(input, (p) => ({ ...p, tags: { ...p.tags, interests: [pick(TOPICS.slice(0, 8))] } })),
      (input) => edit(input, (p) => ({ ...p, name: `${p.name} Jr` })),
      (input) => edit(input, (p) => ({ ...p, archived: !p.archived })),
      (input, _run, now) => edit(input, (p) => ({ ...p, snoozedUntil: now + DAY })),
      (input) =>
        edit(input, (p) => ({
          ...p,
          links: [...p.links, { otherPersonId: pick(input.people).id, kind: 'introduced-me-to' }],
        })),
      (input) => ({ ...input, people: input.people.slice(0, -1) }),
      (input) => ({ ...input, focus: { interests: [pick(TOPICS.slice(0, 8))], goals: [] } }),
    ],
  };
}

/** Few people on few topics: the strongest eight of a topic, who are paired, change often. */
export function fewTopicsInput(seed: number): PromptInput {
  const base = largeInput(120, 8, seed);
  return {
    ...base,
    flagged: [],
    people: base.people.map((p) => ({
      ...p,
      tags: {
        ...p.tags,
        interests: p.tags.interests.map((t) => TOPICS[TOPICS.indexOf(t) % 8] as string),
      },
    })),
  };
}

export interface Step {
  input: PromptInput;
  now: number;
  /** promptRun of `input` at `now`, kept from `last` where it holds. */
  run: PromptRun;
  last: PromptRun;
}

/**
 * `steps` random writes from fewTopicsInput(seed), mostly ones a run can keep, with the clock moving
 * now and then; `check` sees each step's run, kept from the step before where it holds.
 */
export function randomSteps(seed: number, steps: number, check: (step: Step) => void): void {
  const random = seededRandom(seed);
  let input = fewTopicsInput(seed);
  let now = NOW;
  let run = promptRun(input, now);
  const { common, rare } = writes(random);
  for (let step = 0; step < steps; step += 1) {
    if (random() < 0.05) now += Math.floor(random() * 3) * DAY;
    const write =
      random() < 0.08
        ? (rare[Math.floor(random() * rare.length)] as Write)
        : (common[Math.floor(random() * common.length)] as Write);
    input = write(input, run, now);
    const last = run;
    run = promptRun(input, now, last);
    check({ input, now, run, last });
  }
}
