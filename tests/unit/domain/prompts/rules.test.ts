// Each prompt rule on hand-built people: what it proposes (key, reason, draft, network, due date, computed
// by hand from the fixtures) and, as importantly, when it stays quiet.

import { describe, expect, it } from 'vitest';
import { buildPrompts, type Prompt, type PromptInput } from '../../../../lib/domain/prompts';
import { act, DAY, identity, input, NOW, person } from './fixtures';

const run = (data: PromptInput) => buildPrompts(data, NOW);
const ofKind = (data: PromptInput, kind: Prompt['kind']) => run(data).filter((p) => p.kind === kind);
const keys = (prompts: Prompt[]) => prompts.map((p) => p.key);

describe('reply-acknowledge', () => {
  const ann = (...later: ReturnType<typeof act>[]) =>
    person('ann', {
      interactions: [act(9, 'question-asked', 'them', 'How do you run hiring loops?'), ...later],
    });

  it('names the open question', () => {
    expect(ofKind(input([ann()]), 'reply-acknowledge')).toEqual([
      {
        key: `reply-acknowledge:ann:${NOW - 9 * DAY}`,
        kind: 'reply-acknowledge',
        personIds: ['ann'],
        score: expect.any(Number),
        reason: 'they asked you something 9 days ago, and no answer is logged since',
        draft: `Hi Ann, thanks for your question ("How do you run hiring loops?"). Here's what I think: `,
        network: 'linkedin',
        dueAt: NOW - 9 * DAY,
      },
    ]);
  });

  it.each([
    ['an answer', act(5, 'question-answered', 'me')],
    ['a message from the user', act(5, 'message', 'me')],
    ['a call together', act(5, 'call', 'mutual')],
  ])('is closed by %s', (_, reply) => {
    expect(ofKind(input([ann(reply)]), 'reply-acknowledge')).toEqual([]);
  });

  it.each([
    ['a reaction', act(5, 'reaction', 'me')],
    ['their own follow-up', act(5, 'message', 'them')],
  ])('stays open after %s', (_, other) => {
    expect(ofKind(input([ann(other)]), 'reply-acknowledge')).toHaveLength(1);
  });

  it('covers several questions in one prompt keyed by the newest', () => {
    const both = person('ann', {
      interactions: [act(20, 'question-asked', 'them'), act(2, 'question-asked', 'them', 'And pay bands?')],
    });
    const [prompt] = ofKind(input([both]), 'reply-acknowledge');
    expect(prompt?.key).toBe(`reply-acknowledge:ann:${NOW - 2 * DAY}`);
    expect(prompt?.reason).toBe('2 questions from them without an answer, the oldest 2 weeks ago');
    expect(prompt?.draft).toContain('"And pay bands?"');
    expect(prompt?.dueAt).toBe(NOW - 20 * DAY);
  });
});

describe('thank', () => {
  it('thanks for feedback, naming it, and does not also ask for a reply', () => {
    const bo = person('bo', {
      interactions: [act(3, 'feedback-received', 'them', "Your deck's intro is too long")],
    });
    const prompts = run(input([bo]));
    expect(prompts.map((p) => p.kind)).toEqual(['thank']);
    expect(prompts[0]).toMatchObject({
      key: `thank:bo:${NOW - 3 * DAY}`,
      reason: 'they gave you feedback 3 days ago, and no thanks is logged since',
      draft: `Hi Bo, thank you for your feedback ("Your deck's intro is too long"). It really helped, and I'll keep you posted.`,
      dueAt: NOW - 3 * DAY,
    });
  });

  it('thanks for an introduction, naming who they introduced', () => {
    const cy = person('cy', {
      interactions: [act(10, 'introduction', 'them')],
      links: [{ otherPersonId: 'sam', kind: 'introduced-me-to' }],
    });
    const [prompt] = ofKind(input([cy, person('sam')]), 'thank');
    expect(prompt).toMatchObject({
      key: `thank:cy:${NOW - 10 * DAY}`,
      reason: 'they introduced you to Sam Doe 10 days ago, and no thanks is logged since',
      draft: `Hi Cy, thank you for introducing me to Sam Doe. It really helped, and I'll keep you posted.`,
    });
  });

  it.each([
    ['a message after the introduction', [act(10, 'introduction', 'them'), act(2, 'message', 'me')]],
    ['a meeting together after it', [act(10, 'introduction', 'them'), act(2, 'meeting', 'mutual')]],
    ['returning feedback', [act(10, 'feedback-received', 'them'), act(2, 'feedback-given', 'me')]],
    ['an introduction the user made', [act(10, 'introduction', 'me')]],
  ])('stays quiet after %s', (_, interactions) => {
    expect(ofKind(input([person('cy', { interactions })]), 'thank')).toEqual([]);
  });

  it('does not count a reaction or a message before the help as thanks', () => {
    const interactions = [
      act(12, 'message', 'me'),
      act(10, 'introduction', 'them'),
      act(2, 'reaction', 'me'),
    ];
    expect(ofKind(input([person('cy', { interactions })]), 'thank')).toHaveLength(1);
  });
});

describe('acknowledge-success', () => {
  const dee = (headlines: [string, number][], interactions = [] as ReturnType<typeof act>[]) =>
    person('dee', { identities: [identity('linkedin', 'dee', headlines)], interactions });

  it('congratulates on a new headline seen on a revisit', () => {
    const prompts = ofKind(
      input([
        dee([
          ['Director at B', 3],
          ['Manager at A', 40],
        ]),
      ]),
      'acknowledge-success',
    );
    expect(prompts).toEqual([
      {
        key: `acknowledge-success:dee:headline:linkedin:${NOW - 3 * DAY}`,
        kind: 'acknowledge-success',
        personIds: ['dee'],
        score: expect.any(Number),
        reason: 'their LinkedIn headline changed (seen 3 days ago): now "Director at B", was "Manager at A"',
        draft: 'Congratulations on the new role as Director at B, Dee!',
        network: 'linkedin',
        dueAt: NOW - 3 * DAY,
      },
    ]);
  });

  it.each<[string, [string, number][], ReturnType<typeof act>[]]>([
    [
      'the headline only changed case',
      [
        ['manager at a', 3],
        ['Manager at A', 40],
      ],
      [],
    ],
    [
      'the change is older than 30 days',
      [
        ['Director at B', 31],
        ['Manager at A', 60],
      ],
      [],
    ],
    ['only one headline was ever seen', [['Director at B', 3]], []],
    [
      'the user already congratulated',
      [
        ['Director at B', 3],
        ['Manager at A', 40],
      ],
      [act(2, 'congratulation', 'me')],
    ],
  ])('stays quiet when %s', (_, headlines, interactions) => {
    expect(ofKind(input([dee(headlines, interactions)]), 'acknowledge-success')).toEqual([]);
  });

  it('acts on a flagged success on the network it was flagged on', () => {
    const eve = person('eve', { identities: [identity('linkedin', 'eve'), identity('x', 'eve')] });
    const flagged = [
      {
        personId: 'eve',
        at: NOW - 2 * DAY,
        text: 'Thrilled to join Acme as CTO',
        sourceUrl: 'https://x.com/eve/status/1',
      },
    ];
    expect(ofKind(input([eve], { flagged }), 'acknowledge-success')).toEqual([
      expect.objectContaining({
        key: `acknowledge-success:eve:flagged:${NOW - 2 * DAY}`,
        reason: 'you flagged their news 2 days ago: "Thrilled to join Acme as CTO"',
        draft: `Congratulations, Eve! I saw your news ("Thrilled to join Acme as CTO") and I'm really glad for you.`,
        network: 'x',
      }),
    ]);
    const stale = [{ ...flagged[0], at: NOW - 40 * DAY } as (typeof flagged)[number]];
    expect(ofKind(input([eve], { flagged: stale }), 'acknowledge-success')).toEqual([]);
  });

  it('counts news they shared only when the user noted what it was', () => {
    const shared = (interactions: ReturnType<typeof act>[]) =>
      ofKind(input([person('eve', { interactions })]), 'acknowledge-success');
    expect(shared([act(5, 'share', 'them', 'We raised our seed round')])[0]?.reason).toBe(
      'they shared news 5 days ago: "We raised our seed round"',
    );
    expect(shared([act(5, 'share', 'them')])).toEqual([]);
    expect(shared([act(5, 'share', 'me', 'An article')])).toEqual([]);
  });

  it('shows one success per person, the next one once the best is dismissed', () => {
    const both = dee([
      ['Director at B', 3],
      ['Manager at A', 40],
    ]);
    const flagged = [{ personId: 'dee', at: NOW - 2 * DAY, text: 'New job!' }];
    const first = ofKind(input([both], { flagged }), 'acknowledge-success');
    expect(keys(first)).toEqual([`acknowledge-success:dee:flagged:${NOW - 2 * DAY}`]);
    const states = [{ key: first[0]?.key ?? '', status: 'dismissed' as const }];
    expect(keys(ofKind(input([both], { flagged, states }), 'acknowledge-success'))).toEqual([
      `acknowledge-success:dee:headline:linkedin:${NOW - 3 * DAY}`,
    ]);
  });
});

describe('reconnect', () => {
  const focus = { interests: [], goals: ['hiring'] };

  it('explains a weak tie past its quarterly date with the shared goal', () => {
    const fay = person('fay', {
      tieOverride: 'weak',
      interactions: [act(220, 'message', 'mutual')],
      tags: { goals: ['Hiring'] },
    });
    const prompts = run(input([fay], { focus }));
    expect(prompts.map((p) => p.kind)).toEqual(['reconnect']); // no question on top: one way to reach out
    expect(prompts[0]).toMatchObject({
      key: `reconnect:fay:${NOW - 130 * DAY}`,
      reason: '7 months since you talked; weak tie with shared goal: hiring',
      draft:
        "Hi Fay, it's been a while! How are things going with hiring? I'd love to hear what you've been working on.",
      dueAt: NOW - 130 * DAY,
    });
  });

  it.each([
    [
      'strong tie after 40 days',
      { tieOverride: 'strong' as const, interactions: [act(40, 'call', 'mutual')] },
      '5 weeks since you talked; strong tie',
    ],
    [
      'met 100 days ago, never talked',
      { tieOverride: 'weak' as const, metAt: NOW - 100 * DAY },
      '3 months since you met; weak tie',
    ],
    [
      'own weekly cadence after 10 days',
      { cadenceDays: 7, interactions: [act(10, 'email', 'me')] },
      '10 days since you talked; weak tie',
    ],
  ])('is due: %s', (_, overrides, reason) => {
    expect(ofKind(input([person('gus', overrides)]), 'reconnect').map((p) => p.reason)).toEqual([reason]);
  });

  it.each([
    [
      'a weak tie contacted 40 days ago',
      { tieOverride: 'weak' as const, interactions: [act(40, 'call', 'mutual')] },
    ],
    ['someone never contacted nor met', {}],
    [
      'someone the user owes a reply (answering is the reconnection)',
      { tieOverride: 'weak' as const, interactions: [act(200, 'question-asked', 'them')] },
    ],
  ])('is not proposed for %s', (_, overrides) => {
    expect(ofKind(input([person('gus', overrides)]), 'reconnect')).toEqual([]);
  });
});

describe('introduce', () => {
  const gil = person('gil', { tags: { goals: ['Hiring'] } });
  const hal = person('hal', { tags: { goals: ['hiring'] }, identities: [identity('x', 'hal')] });

  it('introduces two ties who share a goal, naming both and the topic', () => {
    expect(ofKind(input([gil, hal]), 'introduce')).toEqual([
      {
        key: 'introduce:gil:hal',
        kind: 'introduce',
        personIds: ['gil', 'hal'],
        score: expect.any(Number),
        reason: 'Gil Doe and Hal Doe both care about Hiring and are not connected yet',
        draft:
          "Hi Gil and Hal, I'd like to introduce you: you both care about Hiring, and I think you'd enjoy " +
          'comparing notes. Gil, meet Hal Doe. Hal, meet Gil Doe.',
        network: null, // no network in common
        dueAt: NOW,
      },
    ]);
  });

  it.each([
    ['they are linked', [{ ...gil, links: [{ otherPersonId: 'hal', kind: 'knows' as const }] }, hal]],
    [
      'the link is stored on the other side',
      [gil, { ...hal, links: [{ otherPersonId: 'gil', kind: 'works-with' as const }] }],
    ],
    ['one is archived', [gil, { ...hal, archived: true }]],
    [
      'they share only expertise',
      [person('gil', { tags: { expertise: ['sql'] } }), person('hal', { tags: { expertise: ['sql'] } })],
    ],
  ])('stays quiet when %s', (_, people) => {
    expect(ofKind(input(people), 'introduce')).toEqual([]);
  });

  it('puts each person in at most one introduction', () => {
    const four = ['a1', 'a2', 'a3', 'a4'].map((id) => person(id, { tags: { interests: ['chess'] } }));
    const prompts = ofKind(input(four), 'introduce');
    expect(prompts).toHaveLength(2);
    expect(new Set(prompts.flatMap((p) => p.personIds)).size).toBe(4);
    expect(ofKind(input(four.slice(0, 3)), 'introduce')).toHaveLength(1);
  });
});

describe('ask-question', () => {
  const focus = { interests: ['design'], goals: [] };

  it('asks a tie who shares an interest, naming the topic', () => {
    const ivy = person('ivy', { tags: { interests: ['Design'] } });
    expect(ofKind(input([ivy], { focus }), 'ask-question')).toEqual([
      {
        key: 'ask-question:ivy:design:never',
        kind: 'ask-question',
        personIds: ['ivy'],
        score: expect.any(Number),
        reason: 'weak tie who shares your interest: design; no contact logged yet',
        draft:
          "Hi Ivy, I saw you're into design: what's one thing you'd do differently if you were starting today?",
        network: 'linkedin',
        dueAt: NOW,
      },
    ]);
  });

  it('waits a month after the last contact and keys on it', () => {
    const at = (days: number) =>
      person('ivy', {
        tieOverride: 'weak',
        tags: { expertise: ['design'] },
        interactions: [act(days, 'message', 'me')],
      });
    expect(ofKind(input([at(10)], { focus }), 'ask-question')).toEqual([]);
    expect(ofKind(input([at(45)], { focus }), 'ask-question')).toEqual([
      expect.objectContaining({ key: `ask-question:ivy:design:${NOW - 45 * DAY}`, dueAt: NOW - 15 * DAY }),
    ]);
  });

  it('asks weak ties first', () => {
    const ivy = person('ivy', { tags: { interests: ['design'] } });
    const jay = person('jay', {
      closeness: 1,
      tieOverride: 'weak',
      metAt: NOW - 5 * 365 * DAY,
      tags: { interests: ['design'] },
      interactions: [35, 40, 50, 60, 70, 80].map((d) => act(d, 'meeting', 'mutual')),
    });
    expect(ofKind(input([jay, ivy], { focus }), 'ask-question').map((p) => p.personIds[0])).toEqual([
      'ivy',
      'jay',
    ]);
  });

  it('is not proposed without a shared topic', () => {
    expect(
      ofKind(input([person('ivy', { tags: { interests: ['golf'] } })], { focus }), 'ask-question'),
    ).toEqual([]);
  });
});
