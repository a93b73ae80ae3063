import type {
  Backup,
  BackupIdentity,
  BackupInteraction,
  BackupNote,
  BackupPerson,
  BackupPromptState,
} from './backup-schema';

// Everything Rapport holds about one person, on its own: for the day that person asks the user "what do you
// keep about me?" (GDPR art. 15 style). Links name the other side by name only: the other person's own
// record is not this person's data, and internal ids mean nothing to a reader.

export const PERSON_EXPORT_FORMAT = 'rapport-person';

export interface PersonLinkView {
  /** Read with the person as subject: "knows Ana", "introduced me to Ana", "was introduced to me by Ana". */
  relation: 'knows' | 'works with' | 'introduced me to' | 'was introduced to me by';
  otherName: string;
  createdAt: number;
}

export interface PersonExport {
  format: typeof PERSON_EXPORT_FORMAT;
  version: 1;
  exportedAt: number;
  person: Omit<BackupPerson, 'introducedBy'> & { introducedBy: string | null };
  identities: BackupIdentity[];
  notes: BackupNote[];
  interactions: BackupInteraction[];
  links: PersonLinkView[];
  promptStates: BackupPromptState[];
}

type Store = Pick<Backup, 'people' | 'identities' | 'notes' | 'interactions' | 'links' | 'promptStates'>;

/** Null when the store holds no such person. */
export function exportPerson(store: Store, personId: string, now: number): PersonExport | null {
  const person = store.people.find((p) => p.id === personId);
  if (!person) return null;
  const nameOf = (id: string) => store.people.find((p) => p.id === id)?.name ?? '(someone since deleted)';
  const links: PersonLinkView[] = [];
  for (const link of store.links) {
    if (link.fromId !== personId && link.toId !== personId) continue;
    const other = link.fromId === personId ? link.toId : link.fromId;
    const relation =
      link.kind === 'knows'
        ? 'knows'
        : link.kind === 'works-with'
          ? 'works with'
          : link.fromId === personId
            ? 'introduced me to'
            : 'was introduced to me by';
    links.push({ relation, otherName: nameOf(other), createdAt: link.createdAt });
  }
  const mine = <T extends { personId: string | null }>(rows: readonly T[]) =>
    rows.filter((row) => row.personId === personId);
  return {
    format: PERSON_EXPORT_FORMAT,
    version: 1,
    exportedAt: now,
    person: { ...person, introducedBy: person.introducedBy === null ? null : nameOf(person.introducedBy) },
    identities: mine(store.identities),
    notes: [...mine(store.notes)].sort((a, b) => a.createdAt - b.createdAt),
    interactions: [...mine(store.interactions)].sort((a, b) => a.at - b.at),
    links: links.sort((a, b) => a.createdAt - b.createdAt),
    promptStates: mine(store.promptStates),
  };
}

export function serializePersonExport(data: PersonExport): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** ISO date-time in UTC: the reader may be in another time zone than the exporting computer. */
function when(ms: number | null): string {
  if (ms === null) return 'not recorded';
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? 'not recorded' : date.toISOString().replace('.000Z', 'Z');
}

const indent = (text: string) => text.replace(/\r\n?|\n/g, '\n    ');

/** The same content as plain text, for pasting into a reply. */
export function personExportText(data: PersonExport): string {
  const { person } = data;
  const lines = [
    `What Rapport holds about ${person.name}`,
    `Exported ${when(data.exportedAt)} (times are UTC). This data is kept only on the user's own computer.`,
    '',
    'Person',
    `  Name: ${person.name}`,
    `  Added: ${when(person.createdAt)}; last changed: ${when(person.updatedAt)}`,
    `  How we met: ${person.howWeMet === '' ? 'not recorded' : indent(person.howWeMet)}`,
    `  Met on: ${when(person.metAt)}`,
    `  Introduced by: ${person.introducedBy ?? 'not recorded'}`,
    `  Closeness (0-1, the user's own estimate): ${person.closeness ?? 'not recorded'}`,
    `  Tie marked as: ${person.tieOverride ?? 'not set'}`,
    `  Follow up every: ${person.cadenceDays === null ? 'default' : `${person.cadenceDays} days`}`,
    `  Snoozed until: ${when(person.snoozedUntil)}`,
    `  Archived: ${person.archived ? 'yes' : 'no'}`,
    `  Interests: ${person.interests.join(', ') || 'none'}`,
    `  Goals: ${person.goals.join(', ') || 'none'}`,
    `  Expertise: ${person.expertise.join(', ') || 'none'}`,
    `  Tools: ${person.tools.join(', ') || 'none'}`,
    '',
    `Profiles (${data.identities.length})`,
    ...data.identities.flatMap((identity) => [
      `  ${identity.network}: ${identity.url}`,
      `    Last seen ${when(identity.lastSeenAt)} as ${identity.lastSeenName ?? '(no name read)'}`,
      ...identity.headlineHistory.map(
        (change) => `    Headline on ${when(change.seenAt)}: ${change.headline}`,
      ),
    ]),
    '',
    `Notes (${data.notes.length})`,
    ...data.notes.map((note) => `  ${when(note.createdAt)}: ${indent(note.text)}`),
    '',
    `Interactions (${data.interactions.length})`,
    ...data.interactions.map(
      (row) =>
        `  ${when(row.at)}: ${row.kind}, started by ${row.direction}, via ${row.channel}` +
        `${row.text ? `: ${indent(row.text)}` : ''}${row.sourceUrl ? ` (${row.sourceUrl})` : ''}`,
    ),
    '',
    `Connections to other people (${data.links.length})`,
    ...data.links.map((link) => `  ${link.relation} ${link.otherName} (recorded ${when(link.createdAt)})`),
  ];
  if (data.promptStates.length > 0) {
    lines.push('', `Reminder answers (${data.promptStates.length})`);
    lines.push(
      ...data.promptStates.map((s) => `  ${s.key}: ${s.status}${s.until ? ` until ${when(s.until)}` : ''}`),
    );
  }
  return `${lines.join('\n')}\n`;
}
