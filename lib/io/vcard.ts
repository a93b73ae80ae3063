import { canonicalProfileUrl, type Network, parseProfileUrl } from '@/lib/sites/urls';
import type { Backup } from './backup-schema';

// vCard 4.0 (RFC 6350) export, for address books. The import, which must read whatever phones and mail
// programs write (2.1, 3.0, 4.0), is in vcard-import.ts.

export { type ImportedContact, parseVCards, type VCardImport } from './vcard-import';

export interface VCardContact {
  name: string;
  emails: readonly string[];
  /** Profile and other web URLs; LinkedIn, Facebook and X profiles are also written as social profiles. */
  urls: readonly string[];
  note: string | null;
  /** When set, written as UID so a second import can recognise the same person. */
  uid?: string;
}

const NETWORK_TYPES: Record<Network, string> = { linkedin: 'linkedin', facebook: 'facebook', x: 'twitter' };

/** TEXT value escaping (RFC 6350 §3.4): backslash first, then newline, comma, semicolon. */
export function escapeVCardText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;');
}

const encoder = new TextEncoder();

/**
 * Folds a content line so no physical line exceeds 75 octets (RFC 6350 §3.2): continuation lines start
 * with one space, which counts towards their 75. Cuts fall between code points, never inside a UTF-8
 * sequence or a surrogate pair, so every physical line is valid UTF-8 on its own.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    // Most of a card is ASCII: one octet each, without encoding (encoding every character made a
    // 10,000-card export take seconds).
    const size = char.charCodeAt(0) < 0x80 ? 1 : encoder.encode(char).length;
    if (octets + size > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

// Only web links are written: a javascript: URL in an address book is one tap from running.
function webUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function cardLines(contact: VCardContact): string[] {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `FN:${escapeVCardText(contact.name)}`];
  if (contact.uid !== undefined) {
    lines.push(
      UUID.test(contact.uid) ? `UID:urn:uuid:${contact.uid}` : `UID:${escapeVCardText(contact.uid)}`,
    );
  }
  for (const email of contact.emails) {
    if (!/[\r\n]/.test(email)) lines.push(`EMAIL:${escapeVCardText(email)}`);
  }
  for (const raw of contact.urls) {
    const url = webUrl(raw);
    if (url === null) continue;
    const ref = parseProfileUrl(url);
    if (ref === null) {
      lines.push(`URL:${url}`);
      continue;
    }
    // Google and Outlook read URL;TYPE=...; Apple Contacts reads X-SOCIALPROFILE. Both are written; the
    // import collapses the pair back into one URL.
    const type = NETWORK_TYPES[ref.network];
    lines.push(`URL;TYPE=${type}:${url}`, `X-SOCIALPROFILE;TYPE=${type}:${url}`);
  }
  if (contact.note !== null && contact.note !== '') lines.push(`NOTE:${escapeVCardText(contact.note)}`);
  lines.push('END:VCARD');
  return lines;
}

/** The .vcf text: one card per contact, CRLF line endings, folded. */
export function serializeVCards(contacts: readonly VCardContact[]): string {
  return contacts.map((contact) => `${cardLines(contact).map(foldLine).join('\r\n')}\r\n`).join('');
}

/** Contacts from a backup: each person with the canonical URLs of their identities and their notes. */
export function vcardContactsFromBackup(
  data: Pick<Backup, 'people' | 'identities' | 'notes'>,
): VCardContact[] {
  return data.people.map((person) => {
    const identities = data.identities.filter((identity) => identity.personId === person.id);
    const urls = identities.map((identity) => {
      const ref = parseProfileUrl(identity.url);
      return ref ? canonicalProfileUrl(ref) : identity.url;
    });
    const notes = data.notes
      .filter((note) => note.personId === person.id)
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((note) => note.text);
    return {
      name: person.name,
      emails: [],
      urls,
      note: notes.length > 0 ? notes.join('\n\n') : null,
      uid: person.id,
    };
  });
}
