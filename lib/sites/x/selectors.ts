// X (Twitter) profile DOM hooks, newest first. X's classes are generated ("css-175oi2r r-1habvwh") and change
// constantly; data-testid attributes have been stable since 2019 and are what we use.

/** The profile's own column; everything about the owner is read inside it (the viewer's sidebar is outside). */
export const primaryColumnSelectors = [
  // 2019-2025 desktop and mobile web: <div data-testid="primaryColumn">.
  '[data-testid="primaryColumn"]',
  // Fallback for shells without the test id.
  'main[role="main"]',
  'main',
] as const;

/**
 * The header block with the display name and "@handle" of the owner. Note the hyphen-less "UserName": tweets
 * in a timeline use "User-Name" for their authors, which must never be read as the owner.
 */
export const userNameSelectors = [
  // 2019-2025: <div data-testid="UserName"><div dir="ltr">Jane Doe</div> ... <div dir="ltr">@jane</div></div>.
  '[data-testid="UserName"]',
] as const;

/** The bio. */
export const bioSelectors = [
  // 2019-2025: <div data-testid="UserDescription" dir="auto">.
  '[data-testid="UserDescription"]',
] as const;

/**
 * Avatar containers are "UserAvatar-Container-<handle>" for every user shown (timeline authors too), so the
 * caller finds them by this prefix and compares the handle case-insensitively.
 */
export const avatarContainerPrefix = 'UserAvatar-Container-';
export const avatarImageSelectors = [
  // 2020-2025: <img alt="Opens profile photo" src="https://pbs.twimg.com/profile_images/...">.
  'img',
  // Same image as a CSS background on a <div style="background-image: url(...)">.
  'div[style*="background-image"]',
] as const;

/** Where the logged-in viewer's identity lives; never read for the owner (documented for tests and reviewers). */
export const viewerSelectors = [
  '[data-testid="SideNav_AccountSwitcher_Button"]',
  '[data-testid="AppTabBar_Profile_Link"]',
] as const;
