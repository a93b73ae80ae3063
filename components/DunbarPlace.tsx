import type { DunbarLayer } from '@/lib/domain/dunbar';

export interface DunbarPlaceProps {
  layer: DunbarLayer | null;
  /** 1 = the user's strongest tie; null when not ranked (archived or snoozed). */
  rank: number | null;
  /** How many ties were ranked. */
  ranked: number;
}

/**
 * What each of Dunbar's layers means. The layers are about capacity: a person keeps about 5 people in
 * the innermost circle, 15 in the next, and so on, so the layer says where this tie sits among all of
 * the user's ties rather than how high its score is.
 */
export const LAYER_MEANINGS: Readonly<Record<DunbarLayer, string>> = {
  5: 'your support clique: the handful you would turn to first',
  15: 'your sympathy group: close ties whose news matters to you',
  50: 'your good friends: people you see or talk with regularly',
  150: 'your active network: people you know personally and keep in touch with',
};

const BEYOND = 'beyond your 150 closest: an acquaintance, a weak tie that can bring news from other circles';

export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** The person's Dunbar layer (5, 15, 50, 150) among all the user's ties, with what it means. */
export function DunbarPlace({ layer, rank, ranked }: DunbarPlaceProps) {
  if (rank === null) {
    return <p class="dunbar hint">Dunbar layer: not placed while they are archived or snoozed.</p>;
  }
  return (
    <div class="dunbar" data-layer={layer ?? 'beyond'}>
      <p>
        <strong>{layer === null ? 'Beyond the 150 layer' : `Dunbar layer ${layer}`}</strong>{' '}
        <span class="muted">
          · {ordinal(rank)} strongest of your {ranked} {ranked === 1 ? 'tie' : 'ties'}
        </span>
      </p>
      <p class="hint">
        {layer === null ? `They are ${BEYOND}.` : `They are in ${LAYER_MEANINGS[layer]}.`} The layers (5, 15,
        50, 150) are how many people anyone can keep at each level of closeness.
      </p>
    </div>
  );
}
