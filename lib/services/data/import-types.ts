import type { IdentityRow, InteractionRow, LinkRow, NoteRow, PersonRow } from '@/lib/db/rows';
import type { BackupPromptState, BackupSettings, LineProblem } from '@/lib/io';

export type ImportKind = 'backup' | 'linkedin' | 'vcard' | 'x';
/** merge: add to what is there (same identities become the same person); replace: the file becomes the store. */
export type ImportMode = 'merge' | 'replace';

export interface ImportCounts {
  new: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport {
  kind: ImportKind;
  mode: ImportMode;
  /** Why the file cannot be imported at all; null when it can. Nothing is written for a refused file. */
  refused: string[] | null;
  people: ImportCounts;
  /** Profiles, notes, interactions, links and reminder answers. */
  records: ImportCounts;
  /** People now in Rapport that a replace removes. */
  removed: number;
  /** Rows left out or changed, with the reason (at most PROBLEMS_MAX; problemCount has them all). */
  problems: LineProblem[];
  problemCount: number;
  applied: boolean;
}

export const PROBLEMS_MAX = 200;

/** Everything an import writes, computed once and used by both the preview and the apply step. */
export interface ImportPlan {
  report: ImportReport;
  /** Replace: every table is cleared first. */
  clear: boolean;
  people: PersonRow[];
  identities: IdentityRow[];
  notes: NoteRow[];
  interactions: InteractionRow[];
  links: LinkRow[];
  promptStates: BackupPromptState[];
  /** Settings to restore after the data (replace of a backup only). */
  settings: BackupSettings | null;
  /**
   * The people of the stored rows this plan overwrites, when the planner read them all (a backup): the
   * apply step then queues digests itself (lib/db/digest-queue.ts). Null: the database's middleware reads
   * the old rows as they are written.
   */
  previousOwners: Set<string> | null;
}

export const noCounts = (): ImportCounts => ({ new: 0, updated: 0, unchanged: 0 });

export function emptyPlan(kind: ImportKind, mode: ImportMode): ImportPlan {
  return {
    report: {
      kind,
      mode,
      refused: null,
      people: noCounts(),
      records: noCounts(),
      removed: 0,
      problems: [],
      problemCount: 0,
      applied: false,
    },
    clear: false,
    people: [],
    identities: [],
    notes: [],
    interactions: [],
    links: [],
    promptStates: [],
    settings: null,
    previousOwners: null,
  };
}

export function addProblems(plan: ImportPlan, problems: readonly LineProblem[]): void {
  plan.report.problemCount += problems.length;
  const room = PROBLEMS_MAX - plan.report.problems.length;
  if (room > 0) plan.report.problems.push(...problems.slice(0, room));
}

export function refuse(plan: ImportPlan, reasons: string[]): ImportPlan {
  return { ...emptyPlan(plan.report.kind, plan.report.mode), report: { ...plan.report, refused: reasons } };
}

/** JSON with keys sorted at every level: two rows are the same when their canonical forms are. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, node: unknown) =>
    node !== null && typeof node === 'object' && !Array.isArray(node)
      ? Object.fromEntries(
          Object.entries(node as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : node,
  );
}
