import fc from 'fast-check';
import {
  type Backup,
  CHANNELS,
  createBackup,
  DIRECTIONS,
  INTERACTION_KINDS,
  LINK_KINDS,
  NETWORKS,
  PROMPT_STATUSES,
} from '../../../lib/io';

// Valid backups, built so every reference points at a person in the file and every id is unique; the
// text arbitraries include bidi controls, emoji and quotes, which must survive as plain text.
const time = fc.integer({ min: 0, max: 4_102_444_800_000 });
const nasty = fc.constantFrom('\u202E', '\u200F', '"', '\\', '\n', '=cmd', '👩‍👩‍👧', '\u0000', '</script>');
const text = (max: number) =>
  fc
    .array(fc.oneof(fc.string({ maxLength: 8, unit: 'grapheme' }), nasty), { maxLength: 6 })
    .map((parts) => parts.join('').slice(0, max));
const nonEmpty = (max: number) => text(max).map((t) => (t === '' ? 'x' : t));
const tags = fc.array(text(60), { maxLength: 4 });
const url = fc.constantFrom(
  'https://www.linkedin.com/in/jane-doe/',
  'https://x.com/jack',
  'http://example.com/a?b=c',
);

export const backupArb: fc.Arbitrary<Backup> = fc
  .record({ count: fc.integer({ min: 0, max: 5 }), exportedAt: time })
  .chain(({ count, exportedAt }) => {
    const ids = Array.from({ length: count }, (_, i) => `p${i}`);
    const personId = count === 0 ? fc.constant('none') : fc.constantFrom(...ids);
    const nullableRef = count === 0 ? fc.constant(null) : fc.option(fc.constantFrom(...ids));
    const people = fc.tuple(
      ...ids.map((id) =>
        fc.record({
          id: fc.constant(id),
          name: nonEmpty(200),
          createdAt: time,
          updatedAt: time,
          howWeMet: text(2000),
          metAt: fc.option(time),
          introducedBy: nullableRef.map((ref) => (ref === id ? null : ref)),
          closeness: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
          tieOverride: fc.constantFrom('strong' as const, 'weak' as const, null),
          cadenceDays: fc.option(fc.integer({ min: 1, max: 3650 })),
          snoozedUntil: fc.option(time),
          archived: fc.boolean(),
          interests: tags,
          goals: tags,
          expertise: tags,
          tools: tags,
        }),
      ),
    );
    const some = <T>(arb: fc.Arbitrary<T>) =>
      count === 0 ? fc.constant([] as T[]) : fc.array(arb, { maxLength: 4 });
    const identities = some(
      fc.record({
        network: fc.constantFrom(...NETWORKS),
        handle: nonEmpty(50),
        personId,
        url,
        lastSeenName: fc.option(text(100)),
        lastSeenHeadline: fc.option(text(100)),
        lastSeenAvatarUrl: fc.option(url),
        lastSeenAt: time,
        headlineHistory: fc.array(fc.record({ headline: text(100), seenAt: time }), { maxLength: 3 }),
      }),
    ).map((rows) => rows.map((row, i) => ({ ...row, handle: `${row.handle}-${i}` })));
    const notes = some(fc.record({ personId, text: text(20_000), createdAt: time, updatedAt: time })).map(
      (rows) => rows.map((row, i) => ({ id: `n${i}`, ...row })),
    );
    const interactions = some(
      fc.record({
        personId,
        at: time,
        kind: fc.constantFrom(...INTERACTION_KINDS),
        direction: fc.constantFrom(...DIRECTIONS),
        channel: fc.constantFrom(...CHANNELS),
        text: fc.option(text(500)),
        sourceUrl: fc.option(url),
        createdAt: time,
        updatedAt: time,
      }),
    ).map((rows) => rows.map((row, i) => ({ id: `i${i}`, ...row })));
    const links =
      count < 2
        ? fc.constant<Backup['links']>([])
        : fc.uniqueArray(
            fc.record({
              fromId: fc.constant(ids[0] ?? ''),
              kind: fc.constantFrom(...LINK_KINDS),
              toId: fc.constantFrom(...ids.slice(1)),
              createdAt: time,
            }),
            { selector: (link) => `${link.kind}/${link.toId}`, maxLength: 4 },
          );
    const promptStates = some(
      fc.record({
        personId: nullableRef,
        status: fc.constantFrom(...PROMPT_STATUSES),
        until: fc.option(time),
        updatedAt: time,
      }),
    ).map((rows) => rows.map((row, i) => ({ key: `prompt-${i}`, ...row })));
    const settings = fc.dictionary(
      fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,8}(\.[a-z][a-zA-Z0-9]{0,8})?$/),
      fc.oneof(text(50), fc.integer(), fc.boolean(), fc.constant(null)),
      { maxKeys: 5 },
    );
    return fc
      .record({ people, identities, notes, interactions, links, promptStates, settings })
      .map((content) => createBackup({ ...content, people: [...content.people] }, exportedAt));
  });

export function emptyBackup(now = 1_800_000_000_000): Backup {
  return createBackup(
    { people: [], identities: [], notes: [], interactions: [], links: [], promptStates: [], settings: {} },
    now,
  );
}

export const jane = {
  id: 'p-jane',
  name: 'Jane Doe',
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
  howWeMet: 'Conference in Lisbon',
  metAt: 1_690_000_000_000,
  introducedBy: null,
  closeness: 0.7,
  tieOverride: null,
  cadenceDays: 30,
  snoozedUntil: null,
  archived: false,
  interests: ['robotics'],
  goals: [],
  expertise: ['product'],
  tools: ['Figma'],
} satisfies Backup['people'][number];
