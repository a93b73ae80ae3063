// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TieSection, TieSummary } from '@/components/TieSection';
import type { PersonDetails, TieView } from '@/lib/protocol/types';
import { labelled, mount } from './render';

const details: PersonDetails = {
  id: 'p1',
  name: 'Jane Doe',
  createdAt: 0,
  updatedAt: 0,
  howWeMet: 'Lisbon meetup',
  metAt: null,
  introducedBy: null,
  closeness: 0.7,
  tieOverride: null,
  cadenceDays: null,
  snoozedUntil: null,
  archived: false,
  interests: [],
  goals: [],
  expertise: [],
  tools: [],
};

const tie: TieView = {
  computedAt: 1_000,
  score: 0.62,
  strong: true,
  reasons: ['you rated this relationship close', 'last contact today'],
  dimensions: {},
  sharedTagCount: 0,
  mutualLinkCount: 0,
  reciprocity: {
    lastInitiator: 'me',
    lastAt: 1_000,
    initiatedByMe: 1,
    initiatedByThem: 0,
    mutual: 0,
    balance: -1,
    openLoops: [],
    streak: null,
  },
  followUp: { dueAt: 2_000, overdueDays: 0, status: 'upcoming' },
};

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('TieSummary', () => {
  it('shows strong or weak and every reason, as text', () => {
    const { container, unmount } = mount(<TieSummary tie={tie} />);
    cleanup = unmount;
    expect(container.textContent).toContain('Strong tie');
    const reasons = [...container.querySelectorAll('.tie-reasons li')].map((li) => li.textContent);
    expect(reasons).toEqual(tie.reasons);
  });

  it('says weak for a weak tie and renders markup in reasons as text', () => {
    const { container, unmount } = mount(
      <TieSummary tie={{ ...tie, strong: false, reasons: ['<b>bold</b>'] }} />,
    );
    cleanup = unmount;
    expect(container.textContent).toContain('Weak tie');
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('.tie-reasons li')?.textContent).toBe('<b>bold</b>');
  });
});

describe('TieSection', () => {
  it('shows the closeness slider, how we met and the default cadence', () => {
    const { container, unmount } = mount(
      <TieSection
        tie={tie}
        details={details}
        introducedByName={null}
        updatePerson={vi.fn(async () => {})}
        searchPeople={vi.fn(async () => [])}
      />,
    );
    cleanup = unmount;
    const slider = labelled(container, 'How strong is your relationship?');
    expect(slider.type).toBe('range');
    expect(slider.value).toBe('0.7');
    expect(labelled(container, 'How we met').value).toBe('Lisbon meetup');
    expect(container.textContent).toContain('Default: every 30 days');
    expect(container.querySelectorAll('.tie-reasons li')).toHaveLength(2);
  });
});
