// LinkedIn profile DOM hooks, newest markup first. Obfuscated class names (e.g. "BSXXVRYUFRjo...") change with
// every deploy and are never used; the utility classes below have survived since 2021.

/**
 * Top-card links that only the profile owner's card carries; their /in/<slug>/ names the owner. Every one
 * on the page counts, inside <main> or not (fragments and older shells have none): the in-app guard reads
 * them once a frame while a timeline grows, and each selector here is a walk of the whole page, made until
 * one of them names the profile (OwnerLinks in evidence.ts) (issue #9).
 */
export const ownerLinkSelectors = [
  // 2021-2024 top card: the name <h1> sits inside <a href="/in/<slug>/overlay/about-this-profile/">.
  'a[href*="/overlay/about-this-profile"]',
  // 2021-2024 top card: "Contact info" -> /in/<slug>/overlay/contact-info/.
  'a[href*="/overlay/contact-info"]',
] as const;

/**
 * The profile owner's name, from hooks that only a person's top card has. These are read even when the page
 * carries no owner evidence ('unknown'), e.g. the 2018 layout.
 */
export const personNameSelectors = [
  // 2021-2024: <a href="/in/<slug>/overlay/about-this-profile/"><h1 class="text-heading-xlarge ...">.
  'main a[href*="/overlay/about-this-profile"] h1',
  // 2021-2024: the top card <section class="artdeco-card" data-member-id="..."> holds the one <h1>.
  'section[data-member-id] h1',
  // 2018 Ember layout: <h1 class="pv-top-card-section__name">.
  'h1.pv-top-card-section__name',
  '.pv-top-card h1',
] as const;

/**
 * Looser name hooks, read only when owner evidence says the page is this person ('match'): company and school
 * pages use the same heading classes, and an in-app navigation can leave one on screen.
 */
export const genericNameSelectors = [
  // 2021-2024 top card <h1 class="text-heading-xlarge inline t-24 v-align-middle break-words">.
  'main h1.text-heading-xlarge',
  // Logged-out public profile (linkedin.com/in/<slug> without a session): <h1 class="top-card-layout__title">.
  'h1.top-card-layout__title',
  // Last resort: the first <h1> of the main column (the top card comes first).
  'main h1',
] as const;

/** The headline under the name; searched inside the top card found from the name. */
export const headlineSelectors = [
  // 2021-2024: <div class="text-body-medium break-words" data-generated-suggestion-target=...>.
  'div.text-body-medium.break-words',
  // Logged-out public profile.
  'h2.top-card-layout__headline',
  // 2018 Ember layout.
  'h2.pv-top-card-section__headline',
] as const;

/** The owner's photo; searched inside the top card. A data: placeholder (private photo) yields null. */
export const avatarSelectors = [
  // 2021-2024: <img class="pv-top-card-profile-picture__image--show evi-image"> inside the photo button.
  'img.pv-top-card-profile-picture__image--show',
  'img.pv-top-card-profile-picture__image',
  '.pv-top-card__photo img',
  // Viewing your own profile: the editable photo.
  'img.profile-photo-edit__preview',
  // Logged-out public profile.
  'img.top-card__profile-image',
  'img.top-card-layout__entity-image',
  // 2018 Ember layout: <div class="pv-top-card-section__photo" style="background-image: url(...)">.
  '.pv-top-card-section__photo',
] as const;

/** Containers of the owner's top card, from the name element outwards. */
export const topCardSelectors = [
  // 2021-2024: <section class="artdeco-card ..." data-member-id="...">, first in <main>.
  'section[data-member-id]',
  // Logged-out public profile.
  'section.top-card-layout',
  // 2018 Ember layout.
  'section.pv-top-card-section',
  '.pv-top-card',
  'section',
] as const;
