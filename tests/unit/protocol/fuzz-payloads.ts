import fc from 'fast-check';
import type { MessageName } from '@/lib/protocol/messages';

// Payload generators for the router fuzz test: fully random values, and near-valid mutations of valid
// payloads. A mutation marked `mustRefuse` is invalid by construction (not only by the schema's say-so),
// so the test also checks the schemas refuse what they must.

const linkedin = (id: string) => ({
  network: 'linkedin',
  id,
  url: `https://www.linkedin.com/in/${id}/`,
  name: 'Jane Doe',
  headline: 'Engineer',
  avatarUrl: null,
});
const interaction = {
  id: 'i-1',
  personId: 'jane',
  at: 1_700_000_000_000,
  kind: 'message',
  direction: 'me',
  channel: 'linkedin',
  text: 'hello',
  sourceUrl: 'https://www.linkedin.com/feed/update/1',
};

/** Valid payloads naming the seeded people (jane, rahul, zoe), so mutations reach real rows. */
export const VALID: Record<MessageName, unknown[]> = {
  reportProfile: [
    { snapshot: linkedin('jane-doe'), details: 'read', seq: 1_800_000_000_000.25 },
    { snapshot: null, details: 'reading', seq: 0 },
  ],
  startProfileReader: [{ url: 'https://www.linkedin.com/in/jane-doe/' }],
  getTabProfile: [{ tabId: null }, { tabId: 7 }],
  getTabPerson: [{ tabId: null }, { tabId: 7 }],
  getPersonView: [{ ref: { network: 'linkedin', id: 'jane-doe' } }],
  saveNote: [{ ref: { network: 'linkedin', id: 'jane-doe' }, snapshot: null, noteId: 'n-9', text: 'hi' }],
  deleteNote: [{ noteId: 'n-1' }],
  addPerson: [{ personId: 'p-new', snapshot: linkedin('someone') }],
  createPerson: [{ personId: 'p-made', name: 'Ada Lovelace' }],
  getPerson: [{ personId: 'jane' }],
  updatePerson: [
    { personId: 'jane', patch: { name: 'Jane D', closeness: 0.5, interests: ['Hiring'], metAt: null } },
    { personId: 'rahul', patch: { tieOverride: 'weak', cadenceDays: 14, archived: true, howWeMet: 'PyCon' } },
  ],
  editTags: [{ personId: 'jane', kind: 'tools', add: ['Figma', 'figma '], remove: ['Excel'] }],
  archivePerson: [{ personId: 'zoe', archived: true }],
  deletePerson: [{ personId: 'zoe' }],
  searchPeople: [{ query: 'ja', limit: 10 }],
  listTags: [{ kind: 'interests', prefix: 'cl', limit: 8 }],
  getPersonStanding: [{ personId: 'jane' }],
  linkIdentity: [{ ref: { network: 'x', id: 'janedoe' }, snapshot: null, personId: 'jane' }],
  mergePeople: [{ survivorId: 'jane', mergedId: 'rahul' }],
  splitIdentity: [{ ref: { network: 'x', id: 'jd' }, newPersonId: 'p-split' }],
  logInteraction: [{ interaction }],
  updateInteraction: [{ id: 'i-1', patch: { kind: 'call', text: null } }],
  deleteInteraction: [{ id: 'i-1' }],
  listInteractions: [{ personId: 'jane', before: null, limit: 50 }],
  addLink: [{ link: { fromId: 'jane', kind: 'knows', toId: 'rahul' } }],
  removeLink: [{ link: { fromId: 'jane', kind: 'works-with', toId: 'zoe' } }],
  getWhoKnows: [{ personId: 'jane' }],
  // Issue 8: data in and out (options page).
  getDataCounts: [{ personId: null }, { personId: 'jane' }],
  exportData: [{}],
  exportPersonData: [{ personId: 'jane' }, { personId: 'rahul' }],
  // Contact lists arrive as the options page reads them (lib/io/import-file.ts).
  previewImport: [
    {
      kind: 'linkedin',
      mode: 'merge',
      chunks: [
        JSON.stringify({
          connections: [
            {
              name: 'Ada L',
              identity: { network: 'linkedin', handle: 'ada', url: 'https://www.linkedin.com/in/ada/' },
              headline: null,
              connectedAt: null,
              line: 2,
            },
          ],
          problems: [],
        }),
      ],
    },
    { kind: 'backup', mode: 'replace', chunks: ['{"format":"rapport-backup"}'] },
  ],
  applyImport: [
    {
      kind: 'vcard',
      mode: 'merge',
      chunks: [
        JSON.stringify({
          contacts: [
            { name: 'Ada', identities: [{ network: 'x', id: 'ada' }], note: null, uid: null, line: 1 },
          ],
          problems: [],
        }),
      ],
    },
    {
      kind: 'x',
      mode: 'merge',
      chunks: [
        JSON.stringify({
          contacts: [
            {
              handle: 'ada',
              name: 'Ada',
              interactions: [
                {
                  id: 'x-tweet-1-ada',
                  at: 1_700_000_000_000,
                  kind: 'comment',
                  text: null,
                  url: 'https://x.com/i/web/status/1',
                },
              ],
            },
          ],
          problems: [],
        }),
      ],
    },
  ],
  eraseAll: [{ confirm: 'erase' }],
  getPopupData: [{ tabId: null }, { tabId: 7 }],
  actOnPrompt: [
    {
      key: 'reconnect:jane:1700000000000',
      kind: 'reconnect',
      personIds: ['jane'],
      network: 'linkedin',
      action: 'done',
      until: null,
      text: 'Hi Jane, how are you?',
      interactionId: 'i-done-1',
    },
    {
      key: 'introduce:jane:rahul',
      kind: 'introduce',
      personIds: ['jane', 'rahul'],
      network: null,
      action: 'snooze',
      until: 1_900_000_000_000,
      text: null,
      interactionId: null,
    },
    {
      key: 'thank:zoe:1700000000000',
      kind: 'thank',
      personIds: ['zoe'],
      network: 'x',
      action: 'dismiss',
      until: null,
      text: null,
      interactionId: null,
    },
  ],
  searchAll: [
    { query: 'hiring', strength: 'any', network: null, includeArchived: false, limit: 10 },
    { query: 'ja', strength: 'strong', network: 'linkedin', includeArchived: true, limit: 50 },
  ],
};

export interface FuzzCase {
  payload: unknown;
  how: string;
  mustRefuse: boolean;
}

type Path = (string | number)[];

function paths(value: unknown, prefix: Path = []): Path[] {
  const found: Path[] = [prefix];
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      found.push(...paths(child, [...prefix, Array.isArray(value) ? Number(key) : key]));
    }
  }
  return found;
}

function at(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);
}

/** A copy with `edit` applied to the node at `path` (the root when path is empty). */
function edited(value: unknown, path: Path, edit: (node: unknown) => unknown): unknown {
  if (path.length === 0) return edit(value);
  const copy = structuredClone(value) as Record<string | number, unknown>;
  const parent = at(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path.at(-1) as string | number;
  const next = edit(parent[key]);
  if (next === REMOVE) delete parent[key];
  else parent[key] = next;
  return copy;
}

const REMOVE = Symbol('remove');
const HUGE = 'x'.repeat(100_001);
const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
const isObject = (value: unknown): value is Record<string, unknown> => typeOf(value) === 'object';

function withOwnKey(node: unknown, key: string, value: unknown): unknown {
  const copy = { ...(node as object) };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

function mutation(base: unknown): fc.Arbitrary<FuzzCase> {
  const all = paths(base);
  const objects = all.filter((path) => isObject(at(base, path)));
  const inner = all.filter((path) => path.length > 0);
  const pick = (list: Path[]) => fc.constantFrom(...list);
  const swaps = [0, -1, 1e308, true, 'str', [], {}, null] as const;
  const whole: fc.Arbitrary<FuzzCase>[] = [
    pick(objects).chain((path) =>
      fc.constantFrom('admin', 'constructor', 'toString', '$where', 'x-extra').map((key) => ({
        payload: edited(base, path, (node) => withOwnKey(node, key, true)),
        how: `extra key ${key} at ${path.join('.')}`,
        mustRefuse: true,
      })),
    ),
    pick(objects).map((path) => ({
      payload: edited(base, path, (node) => withOwnKey(node, '__proto__', { admin: true })),
      how: `__proto__ key at ${path.join('.')}`,
      mustRefuse: true,
    })),
    fc
      .tuple(pick(all), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, HUGE))
      .map(([path, value]) => ({
        payload: edited(base, path, () => value),
        how: `${typeof value === 'string' ? 'huge string' : String(value)} at ${path.join('.')}`,
        mustRefuse: true,
      })),
    fc.tuple(pick(all), fc.constantFrom(...swaps)).map(([path, value]) => {
      const old = at(base, path);
      return {
        payload: edited(base, path, () => structuredClone(value)),
        how: `${JSON.stringify(value)} at ${path.join('.')}`,
        mustRefuse: old !== null && value !== null && typeOf(old) !== typeOf(value),
      };
    }),
    fc
      .tuple(pick(all), fc.oneof(fc.integer({ min: -1e6, max: -1 }), fc.double({ max: -Number.MIN_VALUE })))
      .map(([path, value]) => ({
        payload: edited(base, path, () => value),
        how: `negative ${value}`,
        mustRefuse: false,
      })),
  ];
  // An empty payload ({}) has no inner fields to remove or change.
  if (inner.length === 0) return fc.oneof(...whole);
  return fc.oneof(
    ...whole,
    fc.option(pick(inner), { nil: undefined }).map((path) => ({
      payload: path ? edited(base, path, () => REMOVE) : base,
      how: path ? `without ${path.join('.')}` : 'unchanged',
      mustRefuse: false,
    })),
    fc.tuple(pick(inner), fc.anything({ maxDepth: 2 })).map(([path, value]) => ({
      payload: edited(base, path, () => value),
      how: `random value at ${path.join('.')}`,
      mustRefuse: false,
    })),
    // Same type, other value: mostly still valid, so handlers meet unknown ids and odd strings.
    fc
      .tuple(pick(inner), fc.string({ maxLength: 40 }), fc.double({ noNaN: true }))
      .map(([path, text, number]) => {
        const old = at(base, path);
        const value = typeof old === 'string' ? text : typeof old === 'number' ? number : old;
        return {
          payload: edited(base, path, () => value),
          how: `other value at ${path.join('.')}`,
          mustRefuse: false,
        };
      }),
  );
}

export function fuzzCases(name: MessageName): fc.Arbitrary<FuzzCase> {
  const random = fc
    .oneof(fc.anything({ maxDepth: 3, withNullPrototype: true }), fc.object())
    .map((payload) => ({ payload, how: 'random', mustRefuse: false }));
  return fc.oneof(
    { weight: 1, arbitrary: random },
    { weight: 4, arbitrary: fc.oneof(...VALID[name].map(mutation)) },
  );
}
