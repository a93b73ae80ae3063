// Facebook profile DOM hooks, newest first. Facebook's classes are atomic and generated ("x1heor9g x1qlqyl8"),
// so only roles, data-pagelet names and element structure are used.

/** The profile column; the viewer's own name and avatar live outside it (banner, left navigation). */
export const mainSelectors = [
  // 2020-2025 "Comet" layout, logged in and out: <div role="main">.
  '[role="main"]',
  // mbasic/m. and older shells.
  'main',
  '#root',
] as const;

/** The owner's name, searched inside the main column. */
export const nameSelectors = [
  // 2020-2025 Comet profile header: <span dir="auto"><h1>Jane Doe</h1></span> (the only <h1> of the column).
  'h1',
  // mbasic.facebook.com: <strong class="bx"> inside <div id="cover-name-root">.
  '#cover-name-root strong',
  '#cover-name-root',
] as const;

/** Profile tab links (About, Friends, Photos ...) point at the owner: /jane.doe/about, profile.php?id=1&sk=about. */
export const ownerLinkSelectors = [
  // 2023-2025: <div data-pagelet="ProfileTabs"><div role="tablist"><a role="tab" href=".../about">.
  '[data-pagelet="ProfileTabs"] a[href]',
  // 2020-2025: the tab list itself, when the pagelet name differs.
  '[role="tablist"] a[role="tab"][href]',
] as const;

/** The avatar: an SVG <image> inside <svg role="img" aria-label="<name>"> in the profile header. */
export const avatarSelectors = [
  // 2020-2025 Comet header: <a aria-label="Jane Doe"><svg aria-label="Jane Doe" role="img"><g><image xlink:href=...>.
  'svg[role="img"][aria-label] image',
  // mbasic: <img alt="Jane Doe, profile picture"> in the cover.
  '#cover-name-root img',
  'img[alt$="profile picture"]',
] as const;

/**
 * The Intro tile, whose heading is in the UI language: the first tile of the profile's left column.
 * Only its heading and the text after it are read, and only while that heading is not a link (read.ts).
 */
export const introTileSelectors = [
  // 2023-2025 Comet, logged in and out: <div data-pagelet="ProfileTilesFeed_0"> (Photos is _1, and so on).
  '[data-pagelet="ProfileTilesFeed_0"]',
] as const;
