import { timeAgo } from '@/lib/domain/time-words';
import type { TieView } from '@/lib/protocol/types';
import { formatDay } from './format';

export interface ReciprocitySectionProps {
  reciprocity: TieView['reciprocity'];
  followUp: TieView['followUp'];
  /** When the tie model was computed: "9 days ago" is measured from here. */
  now: number;
}

export function balanceWords(balance: number, total: number): string {
  if (total === 0) return 'No exchanges logged yet.';
  if (Math.abs(balance) < 0.2) return 'Balanced: you both keep the dialogue going.';
  return balance > 0 ? 'They reach out more than you do.' : 'You reach out more than they do.';
}

function lastWords(reciprocity: TieView['reciprocity'], now: number): string | null {
  const { lastInitiator, lastAt } = reciprocity;
  if (lastInitiator === null || lastAt === null) return null;
  const who =
    lastInitiator === 'me'
      ? 'You reached out'
      : lastInitiator === 'them'
        ? 'They reached out'
        : 'You were last in touch together';
  return `${who} last, ${timeAgo(now - lastAt)}.`;
}

function followUpWords(followUp: TieView['followUp']): string {
  const day = formatDay(followUp.dueAt);
  if (followUp.status === 'overdue') {
    return `Overdue by ${followUp.overdueDays} day${followUp.overdueDays === 1 ? '' : 's'} (was due ${day}).`;
  }
  if (followUp.status === 'due-today') return `Due now (${day}).`;
  return day;
}

/** Who keeps the dialogue going, what the user still owes a reply to, and when to get in touch next. */
export function ReciprocitySection({ reciprocity, followUp, now }: ReciprocitySectionProps) {
  const total = reciprocity.initiatedByMe + reciprocity.initiatedByThem + reciprocity.mutual;
  const last = lastWords(reciprocity, now);
  return (
    <section class="section reciprocity" aria-labelledby="reciprocity-title">
      <h2 id="reciprocity-title">Two-way dialogue</h2>
      {last ? <p class="last-contact">{last}</p> : null}
      <p class="balance">{balanceWords(reciprocity.balance, total)}</p>
      {total > 0 ? (
        <p class="hint">
          You started {reciprocity.initiatedByMe}, they started {reciprocity.initiatedByThem}
          {reciprocity.mutual > 0 ? `, together ${reciprocity.mutual}` : ''}.
        </p>
      ) : null}
      {reciprocity.openLoops.length > 0 ? (
        <ul class="open-loops" aria-label="Waiting for your reply">
          {reciprocity.openLoops.map((loop) => (
            <li key={`${loop.kind}:${loop.at}`}>{loop.text}</li>
          ))}
        </ul>
      ) : null}
      <p class={`follow-up ${followUp.status}`}>
        <strong>Next follow-up:</strong> {followUpWords(followUp)}
      </p>
    </section>
  );
}
