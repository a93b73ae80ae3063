// acknowledge-success: recognise a person's success while it is fresh. Three sources:
// - a headline change seen on a revisit (the newest headline differs from the one before, seen within
//   SUCCESS_FRESH_DAYS): usually a new role;
// - a success the user flagged from the context menu;
// - a logged 'share' started by them with text: the user noted news they shared. Without text there is
//   nothing to name, and a share may just be an article, so it does not count.
// A 'congratulation' logged by the user (or together) after the success already acknowledged it.

import { timeAgo } from '../time-words';
import type { PersonFacts, PromptContext } from './context';
import { bandScore, comparePrompts, SUCCESS_FRESH_DAYS, successValue } from './scoring';
import { compareText, NETWORK_NAMES, plainText, topicKey } from './text';
import { type HeadlineSeen, NETWORKS, type Network, type Prompt } from './types';

const FRESH_MS = SUCCESS_FRESH_DAYS * 86_400_000;

const HOSTS: Record<Network, RegExp> = {
  linkedin: /(^|\.)linkedin\.com$/,
  facebook: /(^|\.)facebook\.com$/,
  x: /(^|\.)(x|twitter)\.com$/,
};

/** The network a flagged page belongs to, or null for any other page or an unparsable address. */
export function networkOfUrl(url: string | undefined): Network | null {
  if (url === undefined || !URL.canParse(url)) return null;
  const host = new URL(url).hostname.toLowerCase();
  return NETWORKS.find((network) => HOSTS[network].test(host)) ?? null;
}

function congratulatedSince(facts: PersonFacts, since: number): boolean {
  return facts.person.interactions.some(
    (f) => f.kind === 'congratulation' && f.direction !== 'them' && f.at >= since,
  );
}

/** The newest and second newest entries, by time then text (any input order), without sorting. */
function twoNewest(history: readonly HeadlineSeen[]): [HeadlineSeen | undefined, HeadlineSeen | undefined] {
  const later = (a: HeadlineSeen, b: HeadlineSeen) =>
    a.seenAt > b.seenAt || (a.seenAt === b.seenAt && compareText(a.headline, b.headline) > 0);
  let first: HeadlineSeen | undefined;
  let second: HeadlineSeen | undefined;
  for (const seen of history) {
    if (first === undefined || later(seen, first)) [first, second] = [seen, first];
    else if (second === undefined || later(seen, second)) second = seen;
  }
  return [first, second];
}

function headlineChanges(facts: PersonFacts, ctx: PromptContext): Prompt[] {
  const prompts: Prompt[] = [];
  for (const identity of facts.person.identities) {
    const [newest, previous] = twoNewest(identity.headlineHistory);
    if (newest === undefined || previous === undefined) continue;
    if (ctx.now - newest.seenAt > FRESH_MS) continue;
    const current = plainText(newest.headline, 100);
    const was = plainText(previous.headline, 100);
    if (current === '' || topicKey(current) === topicKey(was) || congratulatedSince(facts, previous.seenAt))
      continue;
    prompts.push({
      key: `acknowledge-success:${facts.person.id}:headline:${identity.network}:${newest.seenAt}`,
      kind: 'acknowledge-success',
      personIds: [facts.person.id],
      score: bandScore('acknowledge-success', successValue(newest.seenAt, facts.tie.score, false, ctx.now)),
      reason: `their ${NETWORK_NAMES[identity.network]} headline changed (seen ${timeAgo(ctx.now - newest.seenAt)}): now "${current}"${was === '' ? '' : `, was "${was}"`}`,
      draft: `Congratulations on the new role as ${current}, ${facts.first}!`,
      network: identity.network,
      dueAt: newest.seenAt,
    });
  }
  return prompts;
}

function news(
  facts: PersonFacts,
  ctx: PromptContext,
  source: { id: string; at: number; text: string; flagged: boolean; network: Network | null },
): Prompt | null {
  const text = plainText(source.text, 140);
  if (text === '' || ctx.now - source.at > FRESH_MS || congratulatedSince(facts, source.at)) return null;
  const when = timeAgo(ctx.now - source.at);
  return {
    key: `acknowledge-success:${facts.person.id}:${source.id}:${source.at}`,
    kind: 'acknowledge-success',
    personIds: [facts.person.id],
    score: bandScore(
      'acknowledge-success',
      successValue(source.at, facts.tie.score, source.flagged, ctx.now),
    ),
    reason: `${source.flagged ? 'you flagged their news' : 'they shared news'} ${when}: "${text}"`,
    draft: `Congratulations, ${facts.first}! I saw your news ("${text}") and I'm really glad for you.`,
    network: source.network ?? facts.network,
    dueAt: source.at,
  };
}

/**
 * At most one per person: the best not already put away, so flagging the post about a new role does not
 * also repeat the headline change; dismissing the best lets the next one through.
 */
export function acknowledgeSuccessPrompt(facts: PersonFacts, ctx: PromptContext): Prompt | null {
  const { identities, interactions } = facts.person;
  // Most people have no success to look at: skip them without allocating (this runs for every person).
  const maybe =
    ctx.flagged.has(facts.person.id) ||
    identities.some((i) => i.headlineHistory.length >= 2) ||
    interactions.some((f) => f.kind === 'share' && f.direction === 'them');
  if (!maybe) return null;
  const candidates = headlineChanges(facts, ctx);
  for (const success of ctx.flagged.get(facts.person.id) ?? []) {
    const network = networkOfUrl(success.sourceUrl);
    const flagged = { id: 'flagged', at: success.at, text: success.text, flagged: true, network };
    const prompt = news(facts, ctx, flagged);
    if (prompt !== null) candidates.push(prompt);
  }
  for (const f of interactions) {
    if (f.kind !== 'share' || f.direction !== 'them' || f.text === undefined) continue;
    const shared = { id: 'shared', at: f.at, text: f.text, flagged: false, network: null };
    const prompt = news(facts, ctx, shared);
    if (prompt !== null) candidates.push(prompt);
  }
  return candidates.filter((p) => !ctx.hidden(p.key)).sort(comparePrompts)[0] ?? null;
}
