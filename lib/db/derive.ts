import { tagTopic } from '@/lib/domain/shared-topics';
import { type LinkKind, type LinkRow, type PersonRow, TAG_KINDS, type Tags } from './rows';

// Normalisation and derived index fields, kept next to the schema so every writer (services, upgrade,
// merge) produces the same keys.

export const TAG_MAX_LENGTH = 60;
export const TAGS_PER_KIND_MAX = 30;
const NAME_WORDS_MAX = 10;

/** Trimmed, inner whitespace collapsed, empty dropped, deduplicated case-insensitively (first spelling wins), capped. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ').slice(0, TAG_MAX_LENGTH).trim();
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    kept.push(tag);
    if (kept.length === TAGS_PER_KIND_MAX) break;
  }
  return kept;
}

/** Index key of a tag: its kind and its topic (lib/domain/shared-topics.ts). */
export function tagKey(kind: keyof Tags, tag: string): string {
  return `${kind}:${tagTopic(tag)}`;
}

export function nameWords(name: string): string[] {
  const words = name.toLowerCase().split(/[\s,.;:()"'/\\|-]+/u);
  return [...new Set(words.filter((word) => word !== ''))].slice(0, NAME_WORDS_MAX);
}

/** Recomputes the derived fields (and normalises tags); call before every write of a person. */
export function withDerivedKeys(row: PersonRow): PersonRow {
  const tags = Object.fromEntries(TAG_KINDS.map((kind) => [kind, normalizeTags(row[kind])])) as Tags;
  return {
    ...row,
    ...tags,
    nameWords: nameWords(row.name),
    tagKeys: TAG_KINDS.flatMap((kind) => tags[kind].map((tag) => tagKey(kind, tag))),
  };
}

export const NAME_MAX_LENGTH = 200;

/** A usable display name: the page's name when it showed one, else the handle. */
export function displayName(candidate: string | null | undefined, fallback: string): string {
  const name = (candidate ?? '').trim().replace(/\s+/g, ' ').slice(0, NAME_MAX_LENGTH).trim();
  return name === '' ? fallback.slice(0, NAME_MAX_LENGTH) : name;
}

export function newPersonRow(id: string, name: string, now: number): PersonRow {
  return withDerivedKeys({
    id,
    name,
    createdAt: now,
    updatedAt: now,
    howWeMet: '',
    metAt: null,
    introducedBy: null,
    closeness: null,
    tieOverride: null,
    cadenceDays: null,
    snoozedUntil: null,
    archived: false,
    interests: [],
    goals: [],
    expertise: [],
    tools: [],
    nameWords: [],
    tagKeys: [],
  });
}

/** The stored form of a link: symmetric kinds are ordered so (a, b) and (b, a) are the same row. */
export function linkRow(fromId: string, kind: LinkKind, toId: string, createdAt: number): LinkRow {
  if (kind !== 'introduced-me-to' && toId < fromId) return { fromId: toId, kind, toId: fromId, createdAt };
  return { fromId, kind, toId, createdAt };
}

export function linkKey(link: Pick<LinkRow, 'fromId' | 'kind' | 'toId'>): [string, string, string] {
  return [link.fromId, link.kind, link.toId];
}
