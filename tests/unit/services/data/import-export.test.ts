import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RapportDatabase } from '@/lib/db/database';
import {
  backupFromExport,
  parseBackup,
  peopleCsvFile,
  peopleToCsv,
  personTextFile,
  serializeVCards,
  vcardContactsFromBackup,
  vcardFile,
} from '@/lib/io';
import { readImportFile } from '@/lib/io/import-file';
import {
  applyImport,
  eraseEverything,
  exportData,
  exportPersonData,
  IMPORT_MAX_CHARS,
  type ImportRequest,
  previewImport,
  storeCounts,
} from '@/lib/services/data';
import { deletePerson } from '@/lib/services/people';
import { getPersonView } from '@/lib/services/person-view';
import { tieSummaries } from '@/lib/services/tie-inputs';
import { counts, digest, orphans, T0, testClock, useTestDatabase } from '../helpers';
import { dataDigest, seed } from './seed';

const db = useTestDatabase();
/** Ids as the background makes them (random UUIDs), so two imports never choose the same id. */
const importClock = (now = T0) => ({ now: () => now, newId: () => crypto.randomUUID() });
const CONNECTIONS = readFileSync(
  resolve(import.meta.dirname, '../../../fixtures/io/Connections.csv'),
  'utf8',
);
const SETTINGS = { theme: 'dark', 'cadence.strongDays': 21 };

async function backupText(source: RapportDatabase = db()) {
  return (await exportData(source, SETTINGS, 1_800_000_000_000)).text;
}

/** The CSV and vCard files as the options page makes them: from the worker's backup. */
const csvFile = async (source: RapportDatabase) =>
  peopleCsvFile(backupFromExport(await exportData(source, {}, 1)), 1);
const vcardOf = async (source: RapportDatabase) =>
  vcardFile(backupFromExport(await exportData(source, {}, 1)), 1);

const backup = (text: string, mode: 'merge' | 'replace' = 'merge'): ImportRequest => ({
  kind: 'backup',
  mode,
  text,
});
/** A file as the user chose it on the options page. */
const file = (kind: ImportRequest['kind'], text: string): ImportRequest => ({ kind, mode: 'merge', text });
/** When the options page reads files: after every tweet in the fixtures. */
const PAGE_NOW = Date.UTC(2027, 0, 1);
/** What the options page sends the worker for a file: it reads contact lists itself (import-file.ts). */
function sent(request: ImportRequest): ImportRequest {
  const read = readImportFile(request.kind, request.text, PAGE_NOW);
  if (!read.ok) throw new Error(`the options page refused the file: ${read.refused.join('; ')}`);
  return { ...request, text: read.payload };
}
const linkedin = (text: string) => sent(file('linkedin', text));
const xArchive = (text: string) => sent(file('x', text));
const vcard = (text: string) => sent(file('vcard', text));
const TWEETS = readFileSync(resolve(import.meta.dirname, '../../../fixtures/io/x-tweets.js'), 'utf8');

describe('full backup', () => {
  it('round trip: export, erase, import gives the same data', async () => {
    await seed(db());
    const before = await dataDigest(db());
    const text = await backupText();
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.data.settings).toEqual(SETTINGS);

    const erased = await eraseEverything(db());
    expect(erased.people).toBe(3);
    expect(await counts(db())).toEqual({ people: 0, identities: 0, notes: 0, interactions: 0, links: 0 });

    const preview = await previewImport(db(), backup(text, 'replace'), importClock());
    expect(preview).toMatchObject({ refused: null, applied: false, people: { new: 3 }, removed: 0 });
    expect(await counts(db())).toMatchObject({ people: 0 });
    const { report, settings } = await applyImport(db(), backup(text, 'replace'), importClock());
    expect(report.applied).toBe(true);
    expect(settings).toEqual(SETTINGS);
    expect(await dataDigest(db())).toBe(before);
  });

  it('restores into an empty store by merging too, identically', async () => {
    await seed(db());
    const before = await dataDigest(db());
    const text = await backupText();
    await eraseEverything(db());
    const { report } = await applyImport(db(), backup(text), importClock());
    expect(report.people).toEqual({ new: 3, updated: 0, unchanged: 0 });
    expect(await dataDigest(db())).toBe(before);
  });

  it('replace: the file becomes the store, and says how many people it removes', async () => {
    await seed(db());
    const text = await backupText();
    await applyImport(db(), linkedin(CONNECTIONS), importClock());
    const preview = await previewImport(db(), backup(text, 'replace'), importClock());
    expect(preview.removed).toBeGreaterThan(3);
    await applyImport(db(), backup(text, 'replace'), importClock());
    expect((await counts(db())).people).toBe(3);
  });

  it('merge: importing the same backup again changes nothing and duplicates nothing', async () => {
    await seed(db());
    const before = await dataDigest(db());
    const text = await backupText();
    const preview = await previewImport(db(), backup(text), importClock());
    expect(preview.people).toEqual({ new: 0, updated: 0, unchanged: 3 });
    expect(preview.records.new).toBe(0);
    expect(preview.records.updated).toBe(0);
    await applyImport(db(), backup(text), importClock());
    expect(await dataDigest(db())).toBe(before);
  });

  it('merge: a person whose profile the store has under another id is joined, not duplicated', async () => {
    await seed(db());
    const text = await backupText();
    // Another install: the same Jane (same LinkedIn profile), under another id, with a note of her own.
    const other = new RapportDatabase(`test-${crypto.randomUUID()}`);
    await other.open();
    try {
      await applyImport(
        other,
        linkedin(
          'First Name,Last Name,URL,Company,Position\nJane,Doe,https://www.linkedin.com/in/jane-doe/,Acme,CTO\n',
        ),
        importClock(),
      );
      const [jane] = await other.people.toArray();
      if (!jane) throw new Error('no Jane');
      await other.notes.add({
        id: 'n-other',
        personId: jane.id,
        text: 'From the laptop',
        createdAt: 1,
        updatedAt: 1,
      });
      await other.people.update(jane.id, { expertise: ['Design'], nameWords: [] });
      const { report } = await applyImport(other, backup(text), importClock());
      expect(report.people).toMatchObject({ new: 2 });
      expect(await other.people.count()).toBe(3);
      expect(await other.identities.count()).toBe(3);
      const notes = await other.notes.where('personId').equals(jane.id).toArray();
      expect(notes.map((n) => n.text).sort()).toEqual(['From the laptop', 'Likes "=SUM(A1)"']);
      const merged = await other.people.get(jane.id);
      expect(merged?.expertise).toEqual(expect.arrayContaining(['Design', 'Hiring', 'Rust']));
      expect(merged?.tagKeys).toContain('expertise:hiring');
      expect(merged?.introducedBy).toBe('rahul');
      expect((await other.links.toArray()).some((l) => l.fromId === jane.id || l.toId === jane.id)).toBe(
        true,
      );
      expect(await orphans(other)).toEqual([]);
      // And again: nothing more.
      const again = await previewImport(other, backup(text), importClock());
      expect(again.people.new).toBe(0);
      expect(again.records.new).toBe(0);
    } finally {
      await other.delete();
    }
  });

  it('recomputes derived keys from the file rather than trusting it', async () => {
    await seed(db());
    const data = JSON.parse(await backupText());
    data.people[0].name = 'Janet Q Public';
    await eraseEverything(db());
    await applyImport(db(), backup(JSON.stringify(data)), importClock());
    const row = await db().people.get(data.people[0].id);
    expect(row?.nameWords).toEqual(['janet', 'q', 'public']);
  });
});

describe('bad files are refused and the store is unchanged', () => {
  const cases: [string, () => Promise<ImportRequest>, RegExp][] = [
    [
      'malformed JSON',
      async () => backup('{"format": "rapport-backup", "version": 1,, }'),
      /line|JSON|unexpected/i,
    ],
    [
      'a truncated backup',
      async () => backup((await backupText()).slice(0, 500)),
      /end|truncated|line|unexpected/i,
    ],
    ['a CSV chosen as a backup', async () => backup(CONNECTIONS), /Connections\.csv|CSV/],
    [
      'a backup chosen as Connections.csv',
      async () => file('linkedin', await backupText()),
      /Rapport backup/,
    ],
    ['a vCard chosen as a backup', async () => backup('BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n'), /vCard/],
    ['an empty file', async () => backup('   '), /empty/],
    ['a file over the limit', async () => backup(`{${' '.repeat(IMPORT_MAX_CHARS)}}`), /larger than 50 MB/],
    [
      'a __proto__ key',
      async () => {
        const text = await backupText();
        return backup(text.replace('"people": [', '"__proto__": {"polluted": true}, "people": ['));
      },
      /__proto__/,
    ],
    [
      'a row with a wrong type',
      async () => backup((await backupText()).replace('"archived": false', '"archived": "no"')),
      /archived/,
    ],
    [
      'a reference to nobody',
      async () => backup((await backupText()).replace('"introducedBy": "rahul"', '"introducedBy": "ghost"')),
      /ghost/,
    ],
    [
      'a javascript: URL',
      async () =>
        backup(
          (await backupText()).replace(
            '"url": "https://www.linkedin.com/in/jane-doe/"',
            '"url": "javascript:alert(1)"',
          ),
        ),
      /http/,
    ],
    [
      'a CSV without the header',
      async () => file('linkedin', 'Name,Profile\nJane,https://www.linkedin.com/in/jane/\n'),
      /header/,
    ],
    [
      "Facebook's friends list (names without profiles) chosen as a backup",
      async () => backup('{"friends_v2": [{"name": "Jane Doe", "timestamp": 1600000000}]}'),
      /format/,
    ],
    ["X's archive chosen as Connections.csv", async () => file('linkedin', TWEETS), /X's archive/],
    [
      "another file of X's archive",
      async () => file('x', 'window.YTD.follower.part0 = [ { "follower" : { "accountId" : "1" } } ]'),
      /follower\.js, which names people by number only/,
    ],
    [
      'an X archive that names nobody',
      async () => file('x', 'window.YTD.tweets.part0 = [ ]'),
      /No one you replied to or mentioned/,
    ],
    ['a vCard file with no card', async () => file('vcard', 'hello\nworld\n'), /No contacts/],
  ];

  it.each(cases)('%s', async (_name, request, message) => {
    await seed(db());
    const chosen = await request();
    const before = await digest(db());
    // As the options page does: it reads the file first, and refuses some before the worker sees them.
    const read = readImportFile(chosen.kind, chosen.text, PAGE_NOW);
    if (!read.ok) {
      expect(read.refused.join('\n')).toMatch(message);
      return;
    }
    const req = { ...chosen, text: read.payload };
    const preview = await previewImport(db(), req, importClock());
    expect(preview.refused, JSON.stringify(preview.refused)).not.toBeNull();
    expect(preview.refused?.join('\n')).toMatch(message);
    const { report } = await applyImport(db(), req, importClock());
    expect(report.applied).toBe(false);
    expect(await digest(db())).toBe(before);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a failure while writing leaves every table exactly as before', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const failing = new RapportDatabase(name);
    let armed = false;
    failing.use({
      stack: 'dbcore',
      name: 'fail-notes',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          return {
            ...table,
            mutate: (request) => {
              if (armed && tableName === 'notes')
                return Promise.reject(new DOMException('disk full', 'QuotaExceededError'));
              return table.mutate(request);
            },
          };
        },
      }),
    });
    await failing.open();
    try {
      await seed(failing);
      const text = await backupText(failing);
      await applyImport(failing, linkedin(CONNECTIONS), importClock());
      const before = await digest(failing);
      armed = true;
      await expect(applyImport(failing, backup(text, 'replace'), importClock())).rejects.toThrow();
      await expect(
        applyImport(failing, vcard('BEGIN:VCARD\r\nFN:New\r\nNOTE:hi\r\nEND:VCARD\r\n'), importClock()),
      ).rejects.toThrow();
      armed = false;
      expect(await digest(failing)).toBe(before);
    } finally {
      await failing.delete();
    }
  });
});

describe('a contact list that did not come from the options page’s reader is refused whole', () => {
  const raw = (kind: ImportRequest['kind'], body: unknown): ImportRequest => ({
    kind,
    mode: 'merge',
    text: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const connection = {
    name: 'Jane Doe',
    identity: { network: 'linkedin', handle: 'jane-doe', url: 'https://www.linkedin.com/in/jane-doe/' },
    headline: null,
    connectedAt: null,
    line: 5,
  };
  const xContact = {
    handle: 'janedoe',
    name: 'Jane',
    interactions: [{ id: 'x-1', at: T0, kind: 'mention', text: null, url: 'https://x.com/i/web/status/1' }],
  };
  const cases: [string, ImportRequest, RegExp][] = [
    [
      'a LinkedIn URL that is another profile than its handle',
      raw('linkedin', {
        connections: [
          { ...connection, identity: { ...connection.identity, url: 'https://www.linkedin.com/in/eve/' } },
        ],
        problems: [],
      }),
      /not this LinkedIn profile/,
    ],
    [
      'an X handle that is one of X’s own pages',
      raw('x', { contacts: [{ ...xContact, handle: 'home' }], problems: [] }),
      /not an X screen name/,
    ],
    [
      'a vCard profile Rapport cannot open',
      raw('vcard', {
        contacts: [
          {
            name: 'A',
            identities: [{ network: 'linkedin', id: 'company/acme' }],
            note: null,
            uid: null,
            line: 1,
          },
        ],
        problems: [],
      }),
      /not a profile Rapport can open/,
    ],
    [
      'a field Rapport does not know',
      raw('linkedin', { connections: [connection], problems: [], extra: 1 }),
      /extra/,
    ],
    [
      'a __proto__ key',
      raw('x', '{"contacts": [], "problems": [], "__proto__": {"polluted": true}}'),
      /__proto__/,
    ],
    ['text that is not the reader’s JSON', raw('vcard', 'BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n'), /JSON|line/],
  ];

  it.each(cases)('%s', async (_name, request, message) => {
    await seed(db());
    const before = await digest(db());
    const preview = await previewImport(db(), request, importClock());
    expect(preview.refused?.join('\n')).toMatch(message);
    const { report } = await applyImport(db(), request, importClock());
    expect(report.applied).toBe(false);
    expect(await digest(db())).toBe(before);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe("LinkedIn's Connections.csv", () => {
  it('previews, then imports each connection as a person with a LinkedIn profile', async () => {
    const preview = await previewImport(db(), linkedin(CONNECTIONS), importClock());
    expect(preview.refused).toBeNull();
    expect(preview.people).toEqual({ new: 11, updated: 0, unchanged: 0 });
    const reasons = preview.problems.map((p) => `${p.line}: ${p.reason}`).join('\n');
    expect(reasons).toMatch(/Priya Raman: no profile URL/);
    expect(reasons).toMatch(/company\/acme-robotics" is not a LinkedIn profile/);
    expect(reasons).toMatch(/no name/);
    expect(await counts(db())).toMatchObject({ people: 0, identities: 0 });

    const { report } = await applyImport(db(), linkedin(CONNECTIONS), importClock());
    expect(report.applied).toBe(true);
    expect(await counts(db())).toMatchObject({ people: 11, identities: 11 });
    const jane = await db().identities.get(['linkedin', 'jane-doe']);
    expect(jane?.lastSeenHeadline).toBe('Head of Product at Acme Robotics');
    const person = await db().people.get(jane?.personId ?? '');
    expect(person?.name).toBe('Jane Doe');
    expect(person?.nameWords).toEqual(['jane', 'doe']);
    expect(person?.metAt).toBe(Date.UTC(2026, 10, 27));
    // A formula is kept as the text it is, and neutralised when written to a spreadsheet.
    const eve = await db().identities.get(['linkedin', 'eve-mallory']);
    expect(eve?.lastSeenHeadline).toMatch(/^=HYPERLINK/);
    const csv = await csvFile(db());
    expect(csv.text).not.toMatch(/(^|,)"=/m);
  });

  it('re-importing the same file changes nothing; a newer one updates and never duplicates', async () => {
    await applyImport(db(), linkedin(CONNECTIONS), importClock());
    const before = await digest(db());
    const again = await previewImport(db(), linkedin(CONNECTIONS), importClock());
    expect(again.people).toEqual({ new: 0, updated: 0, unchanged: 11 });
    await applyImport(db(), linkedin(CONNECTIONS), importClock());
    expect(await digest(db())).toBe(before);

    const newer = CONNECTIONS.replace(
      'Acme Robotics,Head of Product,27 Nov 2026',
      'Acme Robotics,Chief Product Officer,27 Nov 2026',
    ).concat('\nGrace,Hopper,https://www.linkedin.com/in/grace-hopper,,Navy,Rear Admiral,09 Dec 2026\n');
    const preview = await previewImport(db(), linkedin(newer), importClock());
    expect(preview.people).toEqual({ new: 1, updated: 1, unchanged: 10 });
    await applyImport(db(), linkedin(newer), importClock(2_000_000_000_000));
    expect((await counts(db())).people).toBe(12);
    const jane = await db().identities.get(['linkedin', 'jane-doe']);
    expect(jane?.lastSeenHeadline).toBe('Chief Product Officer at Acme Robotics');
    expect(jane?.headlineHistory.map((h) => h.headline)).toEqual([
      'Head of Product at Acme Robotics',
      'Chief Product Officer at Acme Robotics',
    ]);
  });

  it("joins a connection to the person Rapport already has, keeping the user's name", async () => {
    await seed(db());
    await db().people.update('jane', { name: 'Jane (PyCon)' });
    const { report } = await applyImport(db(), linkedin(CONNECTIONS), importClock());
    expect(report.people.updated).toBe(1);
    expect(report.people.new).toBe(10);
    const jane = await db().people.get('jane');
    expect(jane?.name).toBe('Jane (PyCon)');
    expect(jane?.metAt).toBe(Date.UTC(2026, 10, 27));
    expect(await db().identities.where('personId').equals('jane').count()).toBe(2);
  });
});

describe("X's archive (data/tweets.js)", () => {
  // The archive's tweets are from November 2026; a tweet dated after the import is refused.
  const xClock = () => importClock(Date.UTC(2026, 10, 27));

  it('previews, then adds who the user replied to or mentioned, with each tweet logged', async () => {
    await seed(db());
    const preview = await previewImport(db(), xArchive(TWEETS), xClock());
    expect(preview.refused).toBeNull();
    // Jane is already in Rapport by her X profile; Rahul is new on X.
    expect(preview.people).toEqual({ new: 1, updated: 1, unchanged: 0 });
    expect(preview.problems.map((p) => p.reason)).toEqual([
      expect.stringContaining('"home" is not an X screen name'),
      expect.stringContaining('created_at is not a date'),
    ]);
    const before = await counts(db());
    const { report } = await applyImport(db(), xArchive(TWEETS), xClock());
    expect(report.applied).toBe(true);
    expect(await counts(db())).toMatchObject({
      people: before.people + 1,
      identities: before.identities + 1,
      interactions: before.interactions + 3,
    });
    const janeLog = await db().interactions.where('personId').equals('jane').toArray();
    expect(janeLog.filter((row) => row.channel === 'x').map((row) => [row.kind, row.direction])).toEqual([
      ['comment', 'me'],
      ['mention', 'me'],
    ]);
    // The name the user knows her by stays.
    expect((await db().people.get('jane'))?.name).toBe('Jane Doe');
    const rahulX = await db().identities.get(['x', 'rahulmehta']);
    expect((await db().people.get(rahulX?.personId ?? ''))?.name).toBe('Rahul Mehta');
  });

  it('importing the same archive again changes nothing; a newer one adds only its new tweets', async () => {
    await applyImport(db(), xArchive(TWEETS), xClock());
    const before = await digest(db());
    const again = await previewImport(db(), xArchive(TWEETS), xClock());
    expect(again.people).toEqual({ new: 0, updated: 0, unchanged: 2 });
    await applyImport(db(), xArchive(TWEETS), xClock());
    expect(await digest(db())).toBe(before);

    const newer = TWEETS.replace(
      /\n\]\s*$/,
      `,\n${JSON.stringify({
        tweet: {
          id_str: '1729000000000000099',
          created_at: 'Wed Nov 25 10:00:00 +0000 2026',
          full_text: '@rahulmehta thanks for the intro!',
          in_reply_to_user_id_str: '2002',
          entities: { user_mentions: [{ screen_name: 'rahulmehta', name: 'Rahul Mehta', id_str: '2002' }] },
        },
      })}\n]`,
    );
    const preview = await previewImport(db(), xArchive(newer), xClock());
    expect(preview.people).toEqual({ new: 0, updated: 1, unchanged: 1 });
    await applyImport(db(), xArchive(newer), xClock());
    expect((await counts(db())).interactions).toBe(4);
  });
});

describe('vCard', () => {
  it('exported contacts read back into the same store add nothing', async () => {
    await seed(db());
    const before = await dataDigest(db());
    const vcf = await vcardOf(db());
    expect(vcf.text).toContain('BEGIN:VCARD');
    const preview = await previewImport(db(), vcard(vcf.text), importClock());
    expect(preview.people).toEqual({ new: 0, updated: 0, unchanged: 3 });
    await applyImport(db(), vcard(vcf.text), importClock());
    expect(await dataDigest(db())).toBe(before);
  });

  it('into an empty store: people with their profiles and notes', async () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Grace Hopper',
      'URL:https://www.linkedin.com/in/grace-hopper/',
      'NOTE:Met at the Navy',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Grace H.',
      'URL:https://www.linkedin.com/in/grace-hopper/',
      'END:VCARD',
      '',
    ].join('\r\n');
    const { report } = await applyImport(db(), vcard(text), importClock());
    expect(report.people.new).toBe(1);
    expect(await counts(db())).toMatchObject({ people: 1, identities: 1, notes: 1 });
  });
});

describe('exports', () => {
  it('people CSV and vCard match the io formats exactly (built per person for speed)', async () => {
    await seed(db());
    const store = parseBackup(await backupText());
    if (!store.ok) throw new Error('backup did not parse');
    expect((await csvFile(db())).text).toBe(peopleToCsv(store.data));
    expect((await vcardOf(db())).text).toBe(serializeVCards(vcardContactsFromBackup(store.data)));
    expect((await csvFile(db())).text).toContain('"Introduced by"');
    expect((await csvFile(db())).text).toContain('"Rahul Mehta"');
  });
});

describe("the people CSV's tie columns", () => {
  it('hold each tie exactly as the sidebar computes it from the database', async () => {
    await seed(db());
    const now = T0 + 40 * 86_400_000;
    const backup = backupFromExport(await exportData(db(), {}, now));
    const ties = tieSummaries(backup, now);
    const identities = await db().identities.toArray();
    for (const identity of identities) {
      const view = await getPersonView(
        db(),
        { network: identity.network, id: identity.handle },
        testClock(now),
      );
      expect(view.tie, identity.handle).not.toBeNull();
      expect(ties.get(identity.personId), identity.handle).toEqual({
        score: view.tie?.score,
        strong: view.tie?.strong,
      });
    }
    const csv = peopleCsvFile(backup, now, ties).text;
    const jane = ties.get('jane');
    expect(csv).toContain(`"Jane Doe"`);
    expect(csv).toContain(`"${Math.round((jane?.score ?? -1) * 100)}","${jane?.strong ? 'yes' : 'no'}"`);
  });
});

describe('one person, and erasing', () => {
  it("exports one person's data without anyone else's", async () => {
    await seed(db());
    const json = await exportPersonData(db(), { personId: 'jane' }, 1);
    const data = JSON.parse(json.text);
    expect(data.person.name).toBe('Jane Doe');
    expect(data.notes.map((n: { id: string }) => n.id)).toEqual(['n-jane']);
    expect(data.links.map((l: { otherName: string }) => l.otherName).sort()).toEqual([
      'Ada Lovelace',
      'Rahul Mehta',
    ]);
    expect(json.text).not.toContain('Rahul note');
    const text = personTextFile(json);
    expect(text.filename).toMatch(/^rapport-jane-doe-.*\.txt$/);
    expect(text.text).toMatch(/^What Rapport holds about Jane Doe/);
    await expect(exportPersonData(db(), { personId: 'nobody' }, 1)).rejects.toThrow(/not in Rapport/);
  });

  it("deleting a person removes their profiles, notes, interactions and links, and nothing of anyone else's", async () => {
    await seed(db());
    const othersBefore = {
      people: (await db().people.toArray()).filter((p) => p.id !== 'jane').map((p) => p.id),
      notes: await db().notes.where('personId').notEqual('jane').toArray(),
      interactions: (await db().interactions.toArray()).filter((i) => i.personId !== 'jane'),
      identities: await db().identities.where('personId').notEqual('jane').toArray(),
    };
    expect(await deletePerson(db(), 'jane')).toBe(true);
    expect(await db().identities.where('personId').equals('jane').count()).toBe(0);
    expect(await db().notes.where('personId').equals('jane').count()).toBe(0);
    expect((await db().interactions.toArray()).some((i) => i.personId === 'jane')).toBe(false);
    expect((await db().links.toArray()).some((l) => l.fromId === 'jane' || l.toId === 'jane')).toBe(false);
    expect((await db().people.toArray()).map((p) => p.id)).toEqual(othersBefore.people);
    expect(await db().notes.toArray()).toEqual(othersBefore.notes);
    expect(await db().interactions.toArray()).toEqual(othersBefore.interactions);
    expect(await db().identities.toArray()).toEqual(othersBefore.identities);
    expect(await db().links.toArray()).toEqual([
      expect.objectContaining({ fromId: 'ada', kind: 'works-with', toId: 'rahul' }),
    ]);
    const backup = parseBackup((await exportData(db(), {}, 1)).text);
    expect(JSON.stringify(backup)).not.toMatch(/jane|Jane/);
    expect(await orphans(db())).toEqual([]);
  });

  it('erase everything clears every table', async () => {
    await seed(db());
    await eraseEverything(db());
    expect(await storeCounts(db())).toEqual({
      people: 0,
      identities: 0,
      notes: 0,
      interactions: 0,
      links: 0,
    });
    for (const table of db().tables) {
      if (table.name !== 'popupCache') expect(await table.count(), table.name).toBe(0);
    }
    // The popup's row stays, holding no answer: its counters only go up, so nothing computed before the
    // erase can pass for after it.
    expect(await db().popupCache.toArray()).toEqual([
      expect.objectContaining({ key: 'popup', value: null, inputs: expect.any(Number) }),
    ]);
  });
});
