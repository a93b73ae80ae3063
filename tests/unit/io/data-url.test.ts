import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Utf8, textDataUrl } from '@/lib/io/data-url';

/** What a browser does with the URL: base64 back to bytes, bytes read as UTF-8. */
function decode(url: string): { mimeType: string; text: string } {
  const match = /^data:([^,]*);base64,(.*)$/s.exec(url);
  if (!match) throw new Error(`not a base64 data URL: ${url.slice(0, 40)}`);
  const bytes = Uint8Array.from(atob(match[2] ?? ''), (c) => c.charCodeAt(0));
  return { mimeType: match[1] ?? '', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
}

describe('textDataUrl', () => {
  it.each([
    ['ASCII', '{"name":"Jane Doe"}'],
    ['accents and ß', 'Zoë Müller, Straße'],
    ['Greek, Cyrillic, CJK', 'Αθηνά · Дмитрий · 王小明 · 佐藤さん'],
    ['emoji beyond the BMP', 'Met at 🎸 night 👩🏽‍💻'],
    ['right-to-left', 'שלום עליכם · مرحبا'],
    ['empty', ''],
  ])('%s comes back byte for byte', (_, text) => {
    const url = textDataUrl(text, 'application/json');
    expect(url).toMatch(/^data:application\/json;charset=utf-8;base64,[A-Za-z0-9+/]*={0,2}$/);
    expect(decode(url)).toEqual({ mimeType: 'application/json;charset=utf-8', text });
    expect(Buffer.from(base64Utf8(text), 'base64').toString('utf8')).toBe(text);
  });

  it('a text longer than one chunk (with characters split across the boundary) comes back whole', () => {
    const text = `${'é'.repeat(40_000)}🎸${'ü'.repeat(30_000)}`;
    expect(decode(textDataUrl(text, 'application/json')).text).toBe(text);
    expect(base64Utf8(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
  });

  it('any string of whole characters comes back the same', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expect(decode(textDataUrl(text, 'application/json')).text).toBe(text);
      }),
    );
  });
});
