import { cleanText } from '../text';

// Facebook embeds a profile's first screen as data in the page's scripts on a full load, the Intro tile
// included, keyed by names that do not depend on the UI language (the "Intro" heading does). Seen in the
// 2023 Comet layout (a requireLazy(... handle({...})) script); newer pages put the same objects in
// <script type="application/json">. Either way the bio is
//   {"__typename":"ProfileTileViewIntroBioRenderer","user":{...,"id":"<numeric id>"},
//    "view":{...,"profile_tile_items":{"nodes":[{"node":{"profile_status_text":{...,"text":"<bio>"}}}]}}}
// The data is the first load's: after an in-app navigation it describes another person, so the caller
// passes the numeric id the page's head names for this profile, and the bio is taken only for that owner.

const MARKER = '{"__typename":"ProfileTileViewIntroBioRenderer"';
/** A renderer object is small; this bounds the scan should a script be cut off or malformed. */
const MAX_OBJECT_CHARS = 20_000;

/** The JSON object that starts at `start` (a `{`), or null when it does not close within the bound. */
function objectAt(text: string, start: number): unknown {
  let depth = 0;
  let inString = false;
  const end = Math.min(text.length, start + MAX_OBJECT_CHARS);
  for (let at = start; at < end; at++) {
    const char = text[at];
    if (inString) {
      if (char === '\\') at++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) {
      try {
        return JSON.parse(text.slice(start, at + 1));
      } catch {
        return null;
      }
    }
  }
  return null;
}

interface IntroRenderer {
  user?: { id?: unknown };
  view?: { profile_tile_items?: { nodes?: { node?: { profile_status_text?: { text?: unknown } } }[] } };
}

function bioOf(renderer: IntroRenderer, ownerId: string): string | null {
  if (renderer.user?.id !== ownerId) return null;
  for (const item of renderer.view?.profile_tile_items?.nodes ?? []) {
    const text = item?.node?.profile_status_text?.text;
    if (typeof text === 'string') return cleanText(text);
  }
  return null;
}

function scan(doc: Document, ownerId: string): string | null {
  for (const script of Array.from(doc.scripts)) {
    const text = script.text;
    for (let at = text.indexOf(MARKER); at !== -1; at = text.indexOf(MARKER, at + 1)) {
      const renderer = objectAt(text, at);
      const bio = renderer && typeof renderer === 'object' ? bioOf(renderer as IntroRenderer, ownerId) : null;
      if (bio) return bio;
    }
  }
  return null;
}

/**
 * Answers per document and owner, once the document has loaded: the profile is read again as late
 * details arrive, and scanning a megabyte of scripts each time would cost the page (while it is still
 * loading, scripts may yet arrive, so nothing is kept).
 */
const answers = new WeakMap<Document, Map<string, string | null>>();

/** The Intro bio of the profile whose numeric id is `ownerId`, from the page's embedded data, or null. */
export function introFromPageData(doc: Document, ownerId: string): string | null {
  const known = answers.get(doc)?.get(ownerId);
  if (known !== undefined) return known;
  const bio = scan(doc, ownerId);
  if (doc.readyState !== 'loading') {
    const perOwner = answers.get(doc) ?? new Map<string, string | null>();
    perOwner.set(ownerId, bio);
    answers.set(doc, perOwner);
  }
  return bio;
}
