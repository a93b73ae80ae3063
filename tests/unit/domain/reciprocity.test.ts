import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type InteractionFact, LOOP_CLOSERS, reciprocityLedger } from '../../../lib/domain';
import { DAY, fact, factArb, NOW } from './fixtures';

const RUNS = { numRuns: 1000 };

describe('reciprocityLedger examples', () => {
  it('is empty for no interactions', () => {
    expect(reciprocityLedger([], NOW)).toEqual({
      lastInitiator: null,
      lastAt: null,
      initiatedByMe: 0,
      initiatedByThem: 0,
      mutual: 0,
      balance: 0,
      openLoops: [],
      streak: null,
    });
  });

  it('counts initiators, finds the last one and the streak, whatever the input order', () => {
    const ledger = reciprocityLedger(
      [
        fact(3, 'message', 'me'),
        fact(30, 'message', 'them'),
        fact(1, 'message', 'me'),
        fact(10, 'call', 'mutual'),
      ],
      NOW,
    );
    expect(ledger).toMatchObject({
      lastInitiator: 'me',
      lastAt: NOW - DAY,
      initiatedByMe: 2,
      initiatedByThem: 1,
      mutual: 1,
      balance: -0.25, // (1 - 2) / 4
      streak: { who: 'me', count: 2 },
    });
  });

  it('has no streak after a single message or a mutual one', () => {
    expect(reciprocityLedger([fact(2, 'message', 'me'), fact(1, 'message', 'them')], NOW).streak).toBeNull();
    expect(
      reciprocityLedger([fact(2, 'message', 'me'), fact(1, 'meeting', 'mutual')], NOW).streak,
    ).toBeNull();
    expect(
      reciprocityLedger(
        [fact(4, 'message', 'them'), fact(3, 'email', 'them'), fact(1, 'reaction', 'them')],
        NOW,
      ).streak,
    ).toEqual({ who: 'them', count: 3 });
  });

  it('balance is +1 when they start everything and -1 when the user does', () => {
    expect(reciprocityLedger([fact(1, 'message', 'them'), fact(2, 'share', 'them')], NOW).balance).toBe(1);
    expect(reciprocityLedger([fact(1, 'message', 'me')], NOW).balance).toBe(-1);
  });

  it('opens a loop when they ask a question and keeps it open until the user replies', () => {
    const asked = fact(9, 'question-asked', 'them');
    expect(reciprocityLedger([asked], NOW).openLoops).toEqual([
      { kind: 'question', at: NOW - 9 * DAY, ageDays: 9, text: 'they asked you something 9 days ago' },
    ]);
    // A reaction, a comment, a congratulation or a message from them do not answer it.
    const notAnswers = [
      fact(8, 'reaction', 'me'),
      fact(7, 'comment', 'me'),
      fact(6, 'congratulation', 'me'),
      fact(5, 'message', 'them'),
      fact(4, 'question-asked', 'me'),
      fact(3, 'feedback-given', 'me'),
    ];
    expect(reciprocityLedger([asked, ...notAnswers], NOW).openLoops).toHaveLength(1);
    // A message before the question does not answer it either.
    expect(reciprocityLedger([fact(10, 'message', 'me'), asked], NOW).openLoops).toHaveLength(1);
    for (const reply of ['question-answered', 'message', 'email', 'call', 'meeting'] as const) {
      expect(reciprocityLedger([asked, fact(2, reply, 'me')], NOW).openLoops).toEqual([]);
      expect(reciprocityLedger([asked, fact(2, reply, 'mutual')], NOW).openLoops).toEqual([]);
    }
  });

  it('does not open a loop for questions the user asked or asked together', () => {
    expect(reciprocityLedger([fact(3, 'question-asked', 'me')], NOW).openLoops).toEqual([]);
    expect(reciprocityLedger([fact(3, 'question-asked', 'mutual')], NOW).openLoops).toEqual([]);
  });

  it('opens a loop for feedback received, closed by feedback given or a direct reply', () => {
    const received = fact(21, 'feedback-received', 'them');
    expect(reciprocityLedger([received], NOW).openLoops).toEqual([
      { kind: 'feedback', at: NOW - 21 * DAY, ageDays: 21, text: 'they gave you feedback 3 weeks ago' },
    ]);
    // Feedback the user asked for still calls for a response.
    expect(reciprocityLedger([fact(1, 'feedback-received', 'me')], NOW).openLoops).toHaveLength(1);
    expect(reciprocityLedger([received, fact(1, 'feedback-given', 'me')], NOW).openLoops).toEqual([]);
    expect(reciprocityLedger([received, fact(1, 'email', 'me')], NOW).openLoops).toEqual([]);
    expect(reciprocityLedger([received, fact(1, 'question-answered', 'me')], NOW).openLoops).toHaveLength(1);
  });

  it('closes every earlier loop with one reply, lists the rest oldest first', () => {
    const ledger = reciprocityLedger(
      [
        fact(0, 'question-asked', 'them'),
        fact(40, 'question-asked', 'them'),
        fact(30, 'feedback-received', 'them'),
        fact(20, 'question-answered', 'me'),
        fact(1, 'feedback-received', 'them'),
      ],
      NOW,
    );
    expect(ledger.openLoops.map((l) => l.text)).toEqual([
      'they gave you feedback 4 weeks ago',
      'they gave you feedback yesterday',
      'they asked you something today',
    ]);
  });

  it('treats a reply logged in the same millisecond as answering', () => {
    const at = NOW - 3 * DAY;
    const facts: InteractionFact[] = [
      { at, kind: 'message', direction: 'me' },
      { at, kind: 'question-asked', direction: 'them' },
    ];
    expect(reciprocityLedger(facts, NOW).openLoops).toEqual([]);
  });

  it('ages a loop from the future as today', () => {
    const [loop] = reciprocityLedger([fact(-2, 'question-asked', 'them')], NOW).openLoops;
    expect(loop).toMatchObject({ ageDays: 0, text: 'they asked you something today' });
  });

  it('rejects unusable times, naming them', () => {
    expect(() => reciprocityLedger([{ ...fact(1, 'call', 'me'), at: Number.NaN }], NOW)).toThrow(
      /^interactions\[0\]\.at /,
    );
    expect(() => reciprocityLedger([], Number.POSITIVE_INFINITY)).toThrow(/^now /);
  });
});

describe('reciprocityLedger properties', () => {
  const factsArb = fc.array(factArb(), { maxLength: 30 });

  it('counts add up to the number of interactions, and balance agrees with them', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const l = reciprocityLedger(facts, NOW);
        expect(l.initiatedByMe + l.initiatedByThem + l.mutual).toBe(facts.length);
        expect(l.initiatedByMe).toBe(facts.filter((f) => f.direction === 'me').length);
        expect(l.balance).toBeGreaterThanOrEqual(-1);
        expect(l.balance).toBeLessThanOrEqual(1);
        expect(Math.sign(l.balance)).toBe(Math.sign(l.initiatedByThem - l.initiatedByMe));
        if (facts.length === 0) expect(l.lastAt).toBeNull();
        else expect(l.lastAt).toBe(Math.max(...facts.map((f) => f.at)));
      }),
      RUNS,
    );
  });

  it('an open loop is exactly an opener with no later reply from the user', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const expected = facts
          .filter(
            (f) => (f.kind === 'question-asked' && f.direction === 'them') || f.kind === 'feedback-received',
          )
          .map((f) => ({
            kind: f.kind === 'question-asked' ? ('question' as const) : ('feedback' as const),
            at: f.at,
          }))
          .filter(
            (loop) =>
              !facts.some(
                (r) => r.direction !== 'them' && r.at >= loop.at && LOOP_CLOSERS[loop.kind].has(r.kind),
              ),
          )
          // Same-millisecond loops have no natural order; the ledger lists them by kind.
          .sort((a, b) => a.at - b.at || a.kind.localeCompare(b.kind));
        const open = reciprocityLedger(facts, NOW).openLoops;
        expect(open.map(({ kind, at }) => ({ kind, at }))).toEqual(expected);
        for (const loop of open) {
          expect(loop.ageDays).toBe(Math.floor(Math.max(0, NOW - loop.at) / DAY));
        }
      }),
      RUNS,
    );
  });

  it('a streak is a run of the latest interactions started by one side', () => {
    fc.assert(
      fc.property(fc.uniqueArray(factArb(), { selector: (f) => f.at, maxLength: 15 }), (facts) => {
        const { streak } = reciprocityLedger(facts, NOW);
        const newestFirst = [...facts].sort((a, b) => b.at - a.at);
        if (streak === null) {
          const [first, second] = newestFirst;
          expect(
            first === undefined ||
              first.direction === 'mutual' ||
              second === undefined ||
              second.direction !== first.direction,
          ).toBe(true);
          return;
        }
        expect(streak.count).toBeGreaterThanOrEqual(2);
        expect(newestFirst.slice(0, streak.count).every((f) => f.direction === streak.who)).toBe(true);
        expect(newestFirst[streak.count]?.direction).not.toBe(streak.who);
      }),
      RUNS,
    );
  });

  it('does not depend on the order of interactions', () => {
    const arb = factsArb.chain((facts) =>
      fc
        .shuffledSubarray(facts, { minLength: facts.length, maxLength: facts.length })
        .map((shuffled) => [facts, shuffled] as const),
    );
    fc.assert(
      fc.property(arb, ([facts, shuffled]) => {
        expect(reciprocityLedger(shuffled, NOW)).toEqual(reciprocityLedger(facts, NOW));
      }),
      RUNS,
    );
  });
});
