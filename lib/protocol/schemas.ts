import { z } from 'zod/mini';

// Bounds on everything that crosses the boundary: a hostile page can put anything in its DOM, and the
// content script forwards what it reads, so lengths are capped here, not trusted.
export const NETWORKS = ['linkedin', 'facebook', 'x'] as const;
export const NetworkSchema = z.enum(NETWORKS);

export const httpUrl = z.string().check(
  z.maxLength(2048),
  z.refine((value) => /^https?:\/\//i.test(value), 'must be an http(s) URL'),
);
const shortText = z.string().check(z.maxLength(500));
export const IdSchema = z.string().check(z.minLength(1), z.maxLength(100));

export const ProfileRefSchema = z.strictObject({
  network: NetworkSchema,
  id: z.string().check(z.minLength(1), z.maxLength(200)),
});

export const ProfileSnapshotSchema = z.strictObject({
  network: NetworkSchema,
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  url: httpUrl,
  name: z.nullable(shortText),
  headline: z.nullable(shortText),
  avatarUrl: z.nullable(httpUrl),
});

export const NOTE_MAX_LENGTH = 20_000;
export const NoteTextSchema = z.string().check(z.maxLength(NOTE_MAX_LENGTH));

export const NoteSchema = z.strictObject({
  id: IdSchema,
  personId: IdSchema,
  text: NoteTextSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
});

/** Whether the page's details (name, headline, avatar) were read: the URL identity is always known. */
export const PageDetailsSchema = z.enum(['reading', 'read', 'unreadable']);

/** The largest time a JavaScript Date can hold. */
const MAX_REPORT_SEQ = 8.64e15;

/**
 * When the content script made a report: its page's clock (performance.timeOrigin + now), which only
 * grows within a tab. A view that hears of a tab's profile twice (straight from the content script, then
 * through the worker's record of it) keeps the newest, so a late copy never brings back the previous
 * person. 0: no report yet.
 */
export const ReportSeqSchema = z.number().check(z.gte(0), z.lte(MAX_REPORT_SEQ));

/**
 * A content script's report of which profile its tab shows. Here rather than with the other requests
 * (messages.ts), because the sidebar and the side panel check the reports they overhear with it, and
 * those pages would otherwise build the schema of every request when they load.
 */
export const ReportProfileRequestSchema = z.strictObject({
  snapshot: z.nullable(ProfileSnapshotSchema),
  details: PageDetailsSchema,
  seq: ReportSeqSchema,
});
