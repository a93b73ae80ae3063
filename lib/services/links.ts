import type { RapportDatabase } from '@/lib/db/database';
import { linkKey, linkRow } from '@/lib/db/derive';
import type { LinkRow } from '@/lib/db/rows';
import type { Link, LinkInput, LinkView } from '@/lib/protocol/types';
import type { Clock } from './clock';
import { ConflictError, notFound } from './errors';
import { toPersonSummary } from './people';

/** Adding a link that exists already returns it unchanged (retries and double clicks are harmless). */
export async function addLink(db: RapportDatabase, input: LinkInput, clock: Clock): Promise<Link> {
  return db.transaction('rw', db.people, db.links, async () => {
    if (input.fromId === input.toId) throw new ConflictError('A person cannot be linked to themselves.');
    for (const id of [input.fromId, input.toId]) {
      if (!(await db.people.get(id))) throw notFound('Person', id);
    }
    const row = linkRow(input.fromId, input.kind, input.toId, clock.now());
    const existing = await db.links.get(linkKey(row));
    if (existing) return toLink(existing);
    await db.links.add(row);
    return toLink(row);
  });
}

export async function removeLink(db: RapportDatabase, input: LinkInput): Promise<boolean> {
  return db.transaction('rw', db.links, async () => {
    const key = linkKey(linkRow(input.fromId, input.kind, input.toId, 0));
    if (!(await db.links.get(key))) return false;
    await db.links.delete(key);
    return true;
  });
}

export async function linksOf(db: RapportDatabase, personId: string): Promise<LinkRow[]> {
  const [from, to] = await Promise.all([
    db.links.where('fromId').equals(personId).toArray(),
    db.links.where('toId').equals(personId).toArray(),
  ]);
  return [...from, ...to];
}

/**
 * Every link of a person with the person at the other end, archived people included (the user still
 * knows them), ordered by name. This is "who among my ties knows X".
 */
export async function whoKnows(db: RapportDatabase, personId: string): Promise<LinkView[]> {
  return db.transaction('r', db.people, db.links, async () =>
    linkViews(db, personId, await linksOf(db, personId)),
  );
}

/** whoKnows for link rows already read (linksOf): the person at the other end of each, ordered by name. */
export async function linkViews(
  db: RapportDatabase,
  personId: string,
  links: LinkRow[],
): Promise<LinkView[]> {
  const others = await db.people.bulkGet(
    links.map((link) => (link.fromId === personId ? link.toId : link.fromId)),
  );
  const views: LinkView[] = [];
  links.forEach((link, index) => {
    const other = others[index];
    if (other) views.push({ link: toLink(link), other: toPersonSummary(other) });
  });
  return views.sort(
    (a, b) => a.other.name.localeCompare(b.other.name) || a.link.kind.localeCompare(b.link.kind),
  );
}

export function toLink(row: LinkRow): Link {
  return { fromId: row.fromId, kind: row.kind, toId: row.toId, createdAt: row.createdAt };
}
