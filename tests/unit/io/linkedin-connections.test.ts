import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLinkedInConnections, parseLooseDate } from '../../../lib/io';

const fixture = readFileSync(new URL('../../fixtures/io/Connections.csv', import.meta.url), 'utf8');
const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

describe("LinkedIn's Connections.csv", () => {
  const { connections, problems } = parseLinkedInConnections(fixture);
  const byHandle = (handle: string) => connections.find((c) => c.identity.handle === handle);

  it('reads every usable row of the fixture, after the Notes preamble', () => {
    expect(connections).toHaveLength(11);
    expect(byHandle('jane-doe')).toEqual({
      name: 'Jane Doe',
      identity: { network: 'linkedin', handle: 'jane-doe', url: 'https://www.linkedin.com/in/jane-doe/' },
      headline: 'Head of Product at Acme Robotics',
      email: 'jane.doe@example.com',
      connectedAt: Date.UTC(2026, 10, 27),
      line: 5,
    });
  });

  it('keeps quoted commas, unicode, RTL names and formula-looking text as text', () => {
    expect(byHandle('zoe-mueller-4a1b2c')?.headline).toBe('Rechtsanwältin at Schmidt, Weber & Partner');
    expect(byHandle('李明')?.name).toBe('明 李');
    expect(byHandle('mohammed-alali')?.name).toBe('محمد العلي');
    expect(byHandle('eve-mallory')?.headline).toBe(
      '=HYPERLINK("http://evil.example/","click me") at Evil Corp',
    );
    expect(byHandle('tom-obrien')?.headline).toBe('Director, Sales "EMEA" at Brien & Sons, Dublin');
    expect(byHandle('kenji-tanaka')?.headline).toBe('Engineer Tokyo office at Sony');
  });

  it('reports unusable rows with their line, and collapses duplicate URLs', () => {
    expect(problems.map((p) => p.line)).toEqual([10, 12, 14, 15, 18, 19]);
    expect(problems[0]?.reason).toMatch(/^Priya Raman: no profile URL/);
    expect(problems[1]?.reason).toMatch(/company\/acme-robotics" is not a LinkedIn profile URL/);
    expect(problems[2]?.reason).toMatch(/Connected On "sometime last spring"/);
    expect(problems[3]?.reason).toBe('Jane Doe: the same profile as line 5; merged');
    expect(problems[4]?.reason).toBe('no name');
    expect(byHandle('ana-souza-99')?.connectedAt).toBeNull();
    expect(byHandle('olu-adeyemi')?.email).toBeUndefined();
  });

  it('refuses other files as a whole, with a reason', () => {
    for (const text of [
      '',
      'BEGIN:VCARD\r\nFN:x\r\nEND:VCARD',
      '{"format":"rapport-backup"}',
      'a,b,c\n1,2,3',
    ]) {
      const result = parseLinkedInConnections(text);
      expect(result.connections).toEqual([]);
      expect(result.problems[0]?.reason).toMatch(/not LinkedIn's Connections.csv/);
    }
    const huge = parseLinkedInConnections(`${HEADER}\n${'x'.repeat(21 * 1024 * 1024)}`);
    expect(huge.problems[0]?.reason).toMatch(/larger than/);
  });

  it('reads a file without the preamble, with a BOM and CRLF, and a truncated last row', () => {
    const text = `\uFEFF${HEADER}\r\nA,B,https://www.linkedin.com/in/a-b,,,,1 Jan 2020\r\nC,D,"https://www.linkedin.com/in/c-d`;
    const result = parseLinkedInConnections(text);
    expect(result.connections.map((c) => [c.identity.handle, c.line])).toEqual([
      ['a-b', 2],
      ['c-d', 3],
    ]);
  });

  it('never throws on arbitrary input (fuzz)', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom('https://www.linkedin.com/in/x-y', '"', '=1', '\n', '27 Nov 2026'),
    );
    const row = fc.array(cell, { maxLength: 8 }).map((cells) => cells.join(','));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 10 }), fc.boolean(), (rows, header) => {
        const result = parseLinkedInConnections([...(header ? [HEADER] : []), ...rows].join('\n'));
        expect(Array.isArray(result.connections) && Array.isArray(result.problems)).toBe(true);
        for (const p of result.problems) expect(p.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('loose dates', () => {
  it.each([
    ['27 Nov 2026', Date.UTC(2026, 10, 27)],
    ['27-Nov-26', Date.UTC(2026, 10, 27)],
    ['Nov 27, 2026', Date.UTC(2026, 10, 27)],
    ['27 September 2026', Date.UTC(2026, 8, 27)],
    ['2026-11-27', Date.UTC(2026, 10, 27)],
    ['27/11/2026', Date.UTC(2026, 10, 27)],
    ['11/27/2026', Date.UTC(2026, 10, 27)],
    ['05/05/2026', Date.UTC(2026, 4, 5)],
  ])('%s', (text, ms) => expect(parseLooseDate(text)).toEqual({ ok: true, ms }));

  it.each(['03/04/2026', '31 Feb 2026', '27 Foo 2026', 'yesterday', ''])('refuses %j', (text) => {
    expect(parseLooseDate(text).ok).toBe(false);
  });
});
