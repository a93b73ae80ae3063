import { type ProfileRef, parseProfileUrl } from '@/lib/sites/urls';
import type { LineProblem } from './problems';
import { type Birthday, birthday, components, decodeQuotedPrintable, unescapeText } from './vcard-values';

// A tolerant reader for .vcf files as phones and mail programs write them: vCard 2.1 (quoted-printable,
// bare TYPE params, unfolded base64 photos), 3.0 and 4.0; folded lines; several cards; a card missing its
// END. Only what Rapport keeps is read (name, e-mails, web links, note, birthday); photos and other blobs
// are skipped as they are read, never held. Every line that cannot be read is reported, not thrown.

export interface ImportedContact {
  name: string;
  emails: string[];
  urls: string[];
  /** The LinkedIn, Facebook and X profiles among `urls`. */
  identities: ProfileRef[];
  note: string | null;
  /** Year null for the year-less `BDAY:--1127`. */
  birthday: Birthday | null;
  uid: string | null;
  /** The line of BEGIN:VCARD. */
  line: number;
}

export interface VCardImport {
  people: ImportedContact[];
  problems: LineProblem[];
}

export const VCARD_MAX_CHARS = 50 * 1024 * 1024;
const MAX_CARDS = 50_000;
const MAX_PROBLEMS = 1_000;
const MAX_LIST = 50;
const BLOBS = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);
const CONTENT_LINE = /^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)(;.*)?$/s;

interface Logical {
  text: string;
  line: number;
  /** A blob: its continuation lines are dropped instead of appended. */
  skip: boolean;
  qp: boolean;
}

/** Index of the first colon outside double quotes (parameter values may quote a colon). */
function valueStart(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === ':' && !quoted) return i;
  }
  return -1;
}

function startLogical(raw: string, line: number): Logical {
  const colon = valueStart(raw);
  const head = colon === -1 ? raw : raw.slice(0, colon);
  const name = CONTENT_LINE.exec(head)?.[1]?.toUpperCase() ?? '';
  const skip = BLOBS.has(name);
  return { text: skip ? `${head}:` : raw, line, skip, qp: /QUOTED-PRINTABLE/i.test(head) };
}

/** Physical lines → content lines: unfolds, joins quoted-printable soft breaks, drops blob data. */
function unfold(text: string): Logical[] {
  const out: Logical[] = [];
  let current: Logical | null = null;
  let bareBlob = false;
  const physical = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < physical.length; i++) {
    const raw = physical[i] ?? '';
    if (current && (raw.startsWith(' ') || raw.startsWith('\t'))) {
      if (!current.skip) current.text += raw.slice(1);
      continue;
    }
    if (current?.qp && current.text.endsWith('=')) {
      current.text = current.text.slice(0, -1) + raw;
      continue;
    }
    // vCard 2.1 writes base64 photos unfolded, up to a blank line.
    if (bareBlob && /^[A-Za-z0-9+/=]+$/.test(raw)) continue;
    bareBlob = false;
    if (current) out.push(current);
    current = startLogical(raw, i + 1);
    bareBlob = current.skip;
  }
  if (current) out.push(current);
  return out;
}

function splitParams(raw: string): Map<string, string[]> {
  const params = new Map<string, string[]>();
  for (const part of raw.split(';').slice(1)) {
    const eq = part.indexOf('=');
    // 2.1 writes bare values: `TEL;WORK;PREF`, `NOTE;QUOTED-PRINTABLE`.
    const key =
      eq === -1
        ? /^(QUOTED-PRINTABLE|BASE64|8BIT|7BIT)$/i.test(part)
          ? 'ENCODING'
          : 'TYPE'
        : part.slice(0, eq);
    const values = (eq === -1 ? part : part.slice(eq + 1)).replace(/"/g, '').split(',');
    params.set(key.toUpperCase(), [
      ...(params.get(key.toUpperCase()) ?? []),
      ...values.map((v) => v.toLowerCase()),
    ]);
  }
  return params;
}

const cleanLine = (value: string, max: number) =>
  value
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);

function webUrl(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && raw.length <= 4096 ? url.href : null;
  } catch {
    return null;
  }
}

interface Draft extends Omit<ImportedContact, 'name' | 'note'> {
  fn: string;
  n: string;
  notes: string[];
}

const newDraft = (line: number): Draft => ({
  fn: '',
  n: '',
  emails: [],
  urls: [],
  identities: [],
  notes: [],
  birthday: null,
  uid: null,
  line,
});

/** Parses the text of a .vcf file. Never throws. */
export function parseVCards(text: string): VCardImport {
  const people: ImportedContact[] = [];
  const problems: LineProblem[] = [];
  const report = (line: number, reason: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ line, reason });
  };
  if (typeof text !== 'string') return { people, problems: [{ line: 0, reason: 'not text' }] };
  if (text.length > VCARD_MAX_CHARS) {
    return {
      people,
      problems: [{ line: 0, reason: `the file is larger than ${VCARD_MAX_CHARS} characters` }],
    };
  }
  let card: Draft | null = null;
  const finish = (draft: Draft) => {
    const name =
      cleanLine(draft.fn, 1_000) || cleanLine(components(draft.n).slice(0, 2).reverse().join(' '), 1_000);
    if (name === '') return report(draft.line, 'a card without a name (FN or N); skipped');
    if (people.length >= MAX_CARDS) return report(draft.line, `only the first ${MAX_CARDS} cards were read`);
    const note = draft.notes.join('\n\n').slice(0, 20_000);
    const { fn: _fn, n: _n, notes: _notes, ...rest } = draft;
    people.push({ ...rest, name, note: note === '' ? null : note });
  };
  for (const { text: line, line: at, qp } of unfold(text.startsWith('\uFEFF') ? text.slice(1) : text)) {
    if (line.trim() === '') continue;
    const colon = valueStart(line);
    const head = colon === -1 ? null : CONTENT_LINE.exec(line.slice(0, colon));
    if (colon === -1 || !head) {
      report(at, `not a vCard line: "${line.slice(0, 40)}"`);
      continue;
    }
    const name = (head[1] ?? '').toUpperCase();
    const params = splitParams(head[2] ?? '');
    let value = line.slice(colon + 1);
    if (name === 'BEGIN' || name === 'END') {
      if (value.trim().toUpperCase() !== 'VCARD') report(at, `${name}:${value.slice(0, 20)} is not a vCard`);
      else if (name === 'BEGIN') {
        if (card) report(card.line, 'this card has no END:VCARD');
        if (card) finish(card);
        card = newDraft(at);
      } else if (card) {
        finish(card);
        card = null;
      } else report(at, 'END:VCARD without BEGIN:VCARD');
      continue;
    }
    if (!card) {
      report(at, 'outside a card (no BEGIN:VCARD before it)');
      continue;
    }
    if (qp || params.get('ENCODING')?.includes('quoted-printable')) {
      value = decodeQuotedPrintable(value, params.get('CHARSET')?.[0] ?? 'utf-8');
    } else if (params.get('ENCODING')?.some((e) => e === 'b' || e === 'base64')) {
      continue;
    }
    if (name === 'FN') card.fn = unescapeText(value);
    else if (name === 'N') card.n = value;
    else if (name === 'UID')
      card.uid = cleanLine(unescapeText(value), 200).replace(/^urn:uuid:/i, '') || null;
    else if (name === 'NOTE') card.notes.push(unescapeText(value).replace(/\r\n?/g, '\n'));
    else if (name === 'EMAIL') {
      const email = cleanLine(unescapeText(value), 320);
      const known = card.emails.some((e) => e.toLowerCase() === email.toLowerCase());
      if (/^[^\s@]+@[^\s@]+$/.test(email) && !known && card.emails.length < MAX_LIST) card.emails.push(email);
      else if (!known && email !== '') report(at, `"${email.slice(0, 60)}" is not an e-mail address`);
    } else if (name === 'URL' || name === 'X-SOCIALPROFILE') {
      const url = webUrl(unescapeText(value));
      // X-SOCIALPROFILE may hold a bare user name (x-apple:jdoe); only web links are kept.
      if (url === null) {
        if (name === 'URL') report(at, `"${value.slice(0, 60)}" is not a web link`);
      } else if (!card.urls.includes(url) && card.urls.length < MAX_LIST) {
        card.urls.push(url);
        const ref = parseProfileUrl(url);
        if (ref && !card.identities.some((r) => r.network === ref.network && r.id === ref.id))
          card.identities.push(ref);
      }
    } else if (name === 'BDAY') {
      const day = birthday(value.trim());
      if (day) card.birthday = day;
      else report(at, `birthday "${value.slice(0, 40)}" is not a date`);
    }
  }
  if (card) {
    report(card.line, 'this card has no END:VCARD');
    finish(card);
  }
  return { people, problems };
}
