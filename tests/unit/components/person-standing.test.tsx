// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DunbarPlace, ordinal } from '@/components/DunbarPlace';
import { MilestoneBanner } from '@/components/MilestoneBanner';
import { MutualTies } from '@/components/MutualTies';
import { SharedTags } from '@/components/SharedTags';
import { button, click, mount } from './render';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function show(node: Parameters<typeof mount>[0]) {
  const mounted = mount(node);
  cleanup = mounted.unmount;
  return mounted.container;
}

describe('DunbarPlace', () => {
  it('names the layer, the rank and what the layer means', () => {
    const text = show(<DunbarPlace layer={15} rank={9} ranked={40} />).textContent;
    expect(text).toContain('Dunbar layer 15');
    expect(text).toContain('9th strongest of your 40 ties');
    expect(text).toContain('your sympathy group');
  });

  it('says when they are beyond 150, or not placed at all', () => {
    expect(show(<DunbarPlace layer={null} rank={151} ranked={160} />).textContent).toContain(
      'Beyond the 150 layer',
    );
    cleanup?.();
    expect(show(<DunbarPlace layer={null} rank={null} ranked={3} />).textContent).toContain(
      'not placed while they are archived or snoozed',
    );
  });

  it('writes ranks in English', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
      '111th',
    ]);
  });
});

describe('SharedTags', () => {
  const shared = [
    {
      tag: 'Climbing',
      count: 7,
      people: [
        { id: 'r', name: 'Rahul Mehta', url: 'https://www.linkedin.com/in/rahul-mehta/' },
        { id: 's', name: 'سارا', url: null },
      ],
    },
  ];

  it('says how many ties share each tag, and lists them on demand', async () => {
    const container = show(<SharedTags shared={shared} />);
    const toggle = button(container, 'Also into “Climbing”: 7 of your ties');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelector('.shared-people')).toBeNull();
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const list = container.querySelector('.shared-people');
    expect(toggle.getAttribute('aria-controls')).toBe(list?.id);
    expect([...(list?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      'Rahul Mehta',
      'سارا',
      'and 5 more',
    ]);
    expect(list?.querySelector('a')?.getAttribute('href')).toBe('https://www.linkedin.com/in/rahul-mehta/');
    await click(toggle);
    expect(container.querySelector('.shared-people')).toBeNull();
  });
});

describe('MutualTies introduction', () => {
  const introduction = {
    reason: 'Jane Doe and Rahul Mehta both care about hiring and are not connected yet',
    draft: 'Hi Jane and Rahul, …',
    people: [
      { id: 'jane', name: 'Jane Doe' },
      { id: 'rahul', name: 'Rahul Mehta' },
    ],
  };
  const ties = (onIntroduction: (done: boolean) => Promise<void>) =>
    show(
      <MutualTies
        personId="jane"
        links={[]}
        introduction={introduction}
        onIntroduction={onIntroduction}
        searchPeople={vi.fn(async () => [])}
        addLink={vi.fn()}
        removeLink={vi.fn()}
      />,
    );

  it('shows the top suggestion with its reason and draft; done or not now', async () => {
    const onIntroduction = vi.fn(async () => {});
    const container = ties(onIntroduction);
    expect(container.querySelector('.introductions')?.textContent).toContain(`${introduction.reason}.`);
    expect(container.querySelector('.introductions details')?.textContent).toContain('Hi Jane and Rahul');
    await click(button(container, 'I introduced them to Rahul Mehta'));
    await click(button(container, 'Not now'));
    expect(onIntroduction.mock.calls).toEqual([[true], [false]]);
  });

  it('says so when it cannot be saved', async () => {
    const container = ties(async () => {
      throw new Error("Rapport's background did not answer");
    });
    await click(button(container, 'Not now'));
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Not saved');
  });
});

describe('MilestoneBanner dismissal', () => {
  it('says so when the dismissal cannot be stored', async () => {
    const container = show(
      <MilestoneBanner
        history={[
          { headline: 'Engineer at A', seenAt: 1 },
          { headline: 'Director at B', seenAt: 2 },
        ]}
        dismissedHeadline={null}
        lastCongratulatedAt={null}
        onCongratulate={vi.fn()}
        onDismiss={async () => {
          throw new Error('the database is closed');
        }}
      />,
    );
    await click(button(container, 'Dismiss'));
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      'Not dismissed: the database is closed',
    );
  });
});
