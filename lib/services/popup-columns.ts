import type { PersonFacts } from '@/lib/domain/prompts/context';
import { personChange, snoozedPeopleBackAt } from '@/lib/domain/prompts/next-change';
import type { PromptRun } from '@/lib/domain/prompts/prompt-run';

// What the popup's summary reads of every active person, as columns of numbers in `active`'s order, kept
// from one summary to the next along a lineage of runs (prompt-run.ts): a full run and the runs kept from
// it share their time and their active people, in the same order, and a kept run replaces only the facts
// of the people a write changed. So a summary after a write computes their rows again (found by comparing
// the two lists' entries, not by reading them) and reads everyone else's from arrays of numbers. At
// 50,000 people, passes over everyone's facts and follow-ups (objects scattered in the heap: each read a
// cache miss) were most of the summary's 30 to 60 ms in Node. Who is archived or snoozed does not change
// along a lineage either (a write that changes it starts a full run), so it is counted once per lineage.

export interface PersonColumns {
  active: readonly PersonFacts[];
  /** Everyone archived, among all the people of the input. */
  archived: number;
  /** When the first snoozed person comes back (snoozedPeopleBackAt). */
  peopleBackAt: number;
  score: Float64Array;
  /** 1 for a strong tie. */
  strong: Uint8Array;
  /** When the follow-up falls due, if it is upcoming (not due yet); NaN when there is none such. */
  upcomingDue: Float64Array;
  /** When the person's part of the answer next changes by time alone (personChange's earlier time). */
  changeAt: Float64Array;
}

/** Per lineage: kept while a run of it is (the worker keeps the last run per store). */
const kept = new WeakMap<object, PersonColumns>();

function setRow(
  columns: PersonColumns,
  index: number,
  facts: PersonFacts,
  now: number,
  upcomingDays: number,
) {
  const change = personChange(facts, now, upcomingDays);
  columns.score[index] = facts.tie.score;
  columns.strong[index] = facts.tie.strong ? 1 : 0;
  columns.upcomingDue[index] = change.due?.status === 'upcoming' ? change.due.dueAt : Number.NaN;
  columns.changeAt[index] = Math.min(change.promptsAt, change.upcomingAt);
}

/**
 * The columns of `run`'s active people. Within a lineage (PromptRun.lineage) only the rows whose facts
 * are not the same object as last time are computed again.
 */
export function personColumns(run: PromptRun, upcomingDays: number): PersonColumns {
  const { lineage, ctx } = run;
  const { active, now } = ctx;
  const last = kept.get(lineage);
  // Rows are compared by position with the last summary of this lineage, whichever run it was of.
  if (last !== undefined && last.active.length === active.length) {
    for (let index = 0; index < active.length; index += 1) {
      const facts = active[index] as PersonFacts;
      if (facts !== last.active[index]) setRow(last, index, facts, now, upcomingDays);
    }
    last.active = active;
    return last;
  }
  const { people } = run.input;
  let archived = 0;
  for (const person of people) if (person.archived) archived += 1;
  const size = active.length;
  const columns: PersonColumns = {
    active,
    archived,
    peopleBackAt: snoozedPeopleBackAt(people, now),
    score: new Float64Array(size),
    strong: new Uint8Array(size),
    upcomingDue: new Float64Array(size),
    changeAt: new Float64Array(size),
  };
  for (let index = 0; index < size; index += 1)
    setRow(columns, index, active[index] as PersonFacts, now, upcomingDays);
  kept.set(lineage, columns);
  return columns;
}
