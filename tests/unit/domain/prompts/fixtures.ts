// Builders for the prompt tests: people with sensible defaults, and a large deterministic input for the
// shape test and the benchmark.

import type { Direction, InteractionKind } from '../../../../lib/domain';
import type {
  PromptIdentity,
  PromptInput,
  PromptInteraction,
  PromptPerson,
} from '../../../../lib/domain/prompts';
import { seededRandom } from '../../../fixtures/seeded-random';
import { DAY, KINDS, NOW } from '../fixtures';

export { DAY, NOW };

/** An interaction `daysAgo` days before NOW. */
export function act(daysAgo: number, kind: InteractionKind, direction: Direction, text?: string) {
  const fact: PromptInteraction = { at: NOW - daysAgo * DAY, kind, direction };
  return text === undefined ? fact : { ...fact, text };
}

export function identity(
  network: PromptIdentity['network'],
  handle: string,
  headlines: [string, number][] = [],
): PromptIdentity {
  const url =
    network === 'linkedin'
      ? `https://www.linkedin.com/in/${handle}/`
      : network === 'x'
        ? `https://x.com/${handle}`
        : `https://www.facebook.com/${handle}`;
  return {
    network,
    handle,
    url,
    headlineHistory: headlines.map(([headline, daysAgo]) => ({ headline, seenAt: NOW - daysAgo * DAY })),
  };
}

type Overrides = Partial<Omit<PromptPerson, 'tags'>> & { tags?: Partial<PromptPerson['tags']> };

export function person(id: string, overrides: Overrides = {}): PromptPerson {
  const { tags, ...rest } = overrides;
  return {
    id,
    name: `${id[0]?.toUpperCase() ?? ''}${id.slice(1)} Doe`,
    closeness: null,
    metAt: null,
    tieOverride: null,
    cadenceDays: null,
    snoozedUntil: null,
    archived: false,
    identities: [identity('linkedin', id)],
    interactions: [],
    links: [],
    ...rest,
    tags: { interests: [], goals: [], expertise: [], tools: [], ...tags },
  };
}

export function input(people: PromptPerson[], overrides: Partial<PromptInput> = {}): PromptInput {
  return { people, states: [], focus: { interests: [], goals: [] }, flagged: [], ...overrides };
}

export const TOPICS = Array.from({ length: 60 }, (_, i) => `topic ${i}`);

/** `count` people with `perPerson` interactions each, random tags, links, headlines and a few flags. */
export function largeInput(count: number, perPerson: number, seed = 42): PromptInput {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const directions: Direction[] = ['me', 'them', 'mutual'];
  const people: PromptPerson[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = `p${String(i).padStart(5, '0')}`;
    const interactions = Array.from({ length: perPerson }, () =>
      act(
        Math.floor(random() * 700),
        pick(KINDS),
        pick(directions),
        random() < 0.3 ? 'some text' : undefined,
      ),
    );
    people.push(
      person(id, {
        closeness: random() < 0.5 ? random() : null,
        metAt: random() < 0.5 ? NOW - Math.floor(random() * 2000) * DAY : null,
        archived: random() < 0.02,
        snoozedUntil: random() < 0.02 ? NOW + 10 * DAY : null,
        identities: [
          identity(pick(['linkedin', 'x', 'facebook'] as const), id, [
            ['Engineer at A', 60],
            [random() < 0.1 ? 'Director at B' : 'Engineer at A', Math.floor(random() * 40)],
          ]),
        ],
        interactions,
        links:
          random() < 0.3
            ? [{ otherPersonId: `p${String(Math.floor(random() * count)).padStart(5, '0')}`, kind: 'knows' }]
            : [],
        tags: { interests: [pick(TOPICS), pick(TOPICS)], goals: [pick(TOPICS)], expertise: [pick(TOPICS)] },
      }),
    );
  }
  const flagged = people
    .filter(() => random() < 0.01)
    .map((p) => ({ personId: p.id, at: NOW - 2 * DAY, text: 'Joined Acme as CTO' }));
  return input(people, {
    focus: { interests: TOPICS.slice(0, 3), goals: TOPICS.slice(3, 5) },
    flagged,
    states: [{ key: 'reconnect:p00001:0', status: 'done' }],
  });
}
