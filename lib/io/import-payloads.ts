import { z } from 'zod/mini';
import { canonicalProfileUrl, type ProfileRef, parseProfileUrl } from '@/lib/sites/urls';
import { HttpUrl, Id, NETWORKS, rows, Time, text } from './backup-schema';
import type { XArchiveContact } from './x-archive';

// What the options page sends the worker for a contact list, once it has read the file (import-file.ts):
// the fields Rapport keeps, checked here as strictly as a backup. The page is Rapport's own, but the
// worker trusts no message: every profile must be the one its URL or handle says, and sizes are capped.

const Problems = rows(z.strictObject({ line: z.int().check(z.gte(0)), reason: text(2_000) }));
const Line = z.int().check(z.gte(0));
const Name = text(1_000);

/** A profile reference Rapport would read the same way from its own canonical URL. */
const sameProfile = (ref: ProfileRef, url: string) => {
  const parsed = parseProfileUrl(url);
  return parsed !== null && parsed.network === ref.network && parsed.id === ref.id;
};
const ProfileRefSchema = z
  .strictObject({ network: z.enum(NETWORKS), id: z.string().check(z.minLength(1), z.maxLength(200)) })
  .check(z.refine((ref) => sameProfile(ref, canonicalProfileUrl(ref)), 'is not a profile Rapport can open'));

export const ConnectionsPayload = z.strictObject({
  connections: rows(
    z
      .strictObject({
        name: Name,
        identity: z.strictObject({ network: z.literal('linkedin'), handle: text(200), url: HttpUrl }),
        headline: z.nullable(text(2_000)),
        email: z.optional(text(1_000)),
        connectedAt: z.nullable(Time),
        line: Line,
      })
      .check(
        z.refine(
          (row) => sameProfile({ network: 'linkedin', id: row.identity.handle }, row.identity.url),
          'identity: the URL is not this LinkedIn profile',
        ),
      ),
  ),
  problems: Problems,
});

export const VCardPayload = z.strictObject({
  contacts: rows(
    z.strictObject({
      name: Name,
      identities: z.array(ProfileRefSchema).check(z.maxLength(50)),
      note: z.nullable(text(20_000)),
      uid: z.nullable(text(1_000)),
      line: Line,
    }),
  ),
  problems: Problems,
});

export const XArchivePayload = z.strictObject({
  contacts: rows(
    z
      .strictObject({
        handle: text(50),
        name: Name,
        interactions: z
          .array(
            z.strictObject({
              id: Id,
              at: Time,
              kind: z.enum(['comment', 'mention']),
              text: z.nullable(text(1_000)),
              url: HttpUrl,
            }),
          )
          .check(z.maxLength(200_000)),
      })
      .check(
        z.refine(
          (contact: XArchiveContact) =>
            sameProfile({ network: 'x', id: contact.handle }, `https://x.com/${contact.handle}`),
          'handle: not an X screen name',
        ),
      ),
  ),
  problems: Problems,
});
