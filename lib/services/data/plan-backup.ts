import type { RapportDatabase, StoreTable } from '@/lib/db/database';
import { linkKey, linkRow, withDerivedKeys } from '@/lib/db/derive';
import { bulkGetPresent } from '@/lib/db/present';
import { HEADLINE_HISTORY_MAX, type IdentityRow, type PersonRow, TAG_KINDS } from '@/lib/db/rows';
import type { Backup, BackupPerson, BackupPromptState } from '@/lib/io';
import { addProblems, canonical, emptyPlan, type ImportMode, type ImportPlan } from './import-types';
import { promptStatesTable, toBackupPerson, toBackupPromptState } from './rows';

// A backup file into the store. Replace: the file becomes the store. Merge: the file's people join the
// ones already there: a person with the same id, or owning a profile the store already has, is the same
// person; rows with the same id or key are one row, the newer edit winning. Nothing is duplicated, so
// importing the same file twice changes nothing the second time.

const personRow = (person: BackupPerson): PersonRow =>
  withDerivedKeys({ ...person, nameWords: [], tagKeys: [] });

export async function planBackup(db: RapportDatabase, data: Backup, mode: ImportMode): Promise<ImportPlan> {
  const plan = emptyPlan('backup', mode);
  const prompts = promptStatesTable(db);
  if (data.promptStates.length > 0 && !prompts) {
    addProblems(plan, [
      { line: 0, reason: `${data.promptStates.length} reminder answers left out: this version keeps none` },
    ]);
  }
  if (mode === 'replace') {
    // Every table is cleared first, the digests with them: no stored row's person needs naming.
    plan.previousOwners = new Set();
    plan.clear = true;
    plan.report.removed = await db.people.count();
    plan.people = data.people.map(personRow);
    plan.identities = data.identities.map((row) => ({ ...row }));
    plan.notes = data.notes.map((row) => ({ ...row }));
    plan.interactions = data.interactions.map((row) => ({ ...row }));
    plan.links = data.links.map((row) => linkRow(row.fromId, row.kind, row.toId, row.createdAt));
    plan.promptStates = prompts ? keepablePrompts(plan, data.promptStates) : [];
    plan.settings = data.settings;
    plan.report.people.new = plan.people.length;
    plan.report.records.new =
      plan.identities.length +
      plan.notes.length +
      plan.interactions.length +
      new Set(plan.links.map((row) => linkKey(row).join('\u0000'))).size +
      plan.promptStates.length;
    return plan;
  }
  return planMerge(db, data, plan, prompts !== null);
}

async function planMerge(
  db: RapportDatabase,
  data: Backup,
  plan: ImportPlan,
  withPrompts: boolean,
): Promise<ImportPlan> {
  const { report } = plan;
  // The plan reads every stored row the import overwrites, so it names their people for the digests.
  const previousOwners = new Set<string>();
  plan.previousOwners = previousOwners;
  const sameId = await bulkGetPresent(
    db.people,
    data.people.map((p) => p.id),
  );
  const knownIdentities = await bulkGetPresent(
    db.identities,
    data.identities.map((row) => [row.network, row.handle] as [string, string]),
  );
  // File person id → store person id.
  const target = new Map<string, string>();
  data.people.forEach((person, i) => {
    if (sameId[i]) target.set(person.id, person.id);
  });
  data.identities.forEach((row, i) => {
    const known = knownIdentities[i];
    if (known && !target.has(row.personId)) target.set(row.personId, known.personId);
  });
  for (const person of data.people) if (!target.has(person.id)) target.set(person.id, person.id);
  const to = (id: string) => target.get(id) ?? id;

  // People: several people of the file may land on one person of the store; each merge builds on the last.
  const targets = [...new Set(data.people.map((p) => to(p.id)))];
  const stored = await bulkGetPresent(db.people, targets);
  const working = new Map<string, PersonRow>();
  const original = new Map<string, PersonRow>();
  targets.forEach((id, i) => {
    const row = stored[i];
    if (row) original.set(id, row);
  });
  for (const person of data.people) {
    const id = to(person.id);
    const incoming: BackupPerson = {
      ...person,
      id,
      introducedBy: person.introducedBy === null ? null : to(person.introducedBy),
    };
    if (incoming.introducedBy === id) incoming.introducedBy = null;
    const base = working.get(id) ?? original.get(id);
    working.set(id, base ? mergePerson(base, incoming) : personRow(incoming));
  }
  for (const [id, row] of working) {
    const before = original.get(id);
    if (before && canonical(toBackupPerson(before)) === canonical(toBackupPerson(row))) {
      report.people.unchanged++;
      continue;
    }
    report.people[before ? 'updated' : 'new']++;
    plan.people.push(row);
  }

  // Profiles: one per (network, handle); one that already belongs to someone else stays theirs.
  data.identities.forEach((row, i) => {
    const known = knownIdentities[i];
    const personId = to(row.personId);
    if (!known) {
      plan.identities.push({ ...row, personId });
      report.records.new++;
      return;
    }
    if (known.personId !== personId) {
      addProblems(plan, [
        {
          line: 0,
          reason: `${row.network} profile ${row.handle} already belongs to another person in Rapport; it stays theirs (merge the two people to join them)`,
        },
      ]);
    }
    const merged = mergeIdentity(known, { ...row, personId: known.personId });
    if (canonical(merged) === canonical(known)) report.records.unchanged++;
    else {
      report.records.updated++;
      plan.identities.push(merged);
    }
  });

  // Notes and interactions: one per id, the later edit wins.
  const byId = async <R extends { id: string; personId: string; updatedAt: number }>(
    rows: readonly R[],
    table: StoreTable<R>,
    out: R[],
  ) => {
    const known = await bulkGetPresent(
      table,
      rows.map((row) => row.id),
    );
    rows.forEach((row, i) => {
      const mine = { ...row, personId: to(row.personId) };
      const have = known[i];
      if (!have) {
        out.push(mine);
        report.records.new++;
      } else if (mine.updatedAt > have.updatedAt && canonical(mine) !== canonical(have)) {
        out.push(mine);
        previousOwners.add(have.personId);
        report.records.updated++;
      } else report.records.unchanged++;
    });
  };
  await byId(data.notes, db.notes, plan.notes);
  await byId(data.interactions, db.interactions, plan.interactions);

  // Links: keyed by their ends, so the same link from both sides is one row; a link that a merge turned
  // into a link from someone to themselves is left out.
  const links = new Map<string, ImportPlan['links'][number]>();
  for (const row of data.links) {
    const from = to(row.fromId);
    const toId = to(row.toId);
    if (from === toId) continue;
    const next = linkRow(from, row.kind, toId, row.createdAt);
    const key = linkKey(next).join('\u0000');
    if (!links.has(key)) links.set(key, next);
  }
  const candidates = [...links.values()];
  const knownLinks = await bulkGetPresent(db.links, candidates.map(linkKey));
  candidates.forEach((row, i) => {
    if (knownLinks[i]) report.records.unchanged++;
    else {
      plan.links.push(row);
      report.records.new++;
    }
  });

  if (withPrompts) {
    const table = promptStatesTable(db);
    const rows = keepablePrompts(plan, data.promptStates);
    const known = table
      ? await bulkGetPresent(
          table,
          rows.map((row) => row.key),
        )
      : [];
    rows.forEach((row, i) => {
      const have = toBackupPromptState(known[i]);
      const mine = { ...row, personId: row.personId === null ? null : to(row.personId) };
      if (!have) {
        plan.promptStates.push(mine);
        report.records.new++;
      } else if (mine.updatedAt > have.updatedAt && canonical(mine) !== canonical(have)) {
        plan.promptStates.push(mine);
        if (have.personId !== null) previousOwners.add(have.personId);
        report.records.updated++;
      } else report.records.unchanged++;
    });
  }
  return plan;
}

/** The store keeps reminder answers per person; one about no one in particular is left out. */
function keepablePrompts(plan: ImportPlan, rows: readonly BackupPromptState[]): BackupPromptState[] {
  const kept = rows.filter((row) => row.personId !== null);
  if (kept.length < rows.length) {
    addProblems(plan, [
      {
        line: 0,
        reason: `${rows.length - kept.length} reminder answers about no one in particular left out`,
      },
    ]);
  }
  return kept;
}

/**
 * The later edit's values win; the earlier metAt and the earlier creation are kept; tags are united; a
 * how-we-met text on one side only is kept.
 */
export function mergePerson(base: PersonRow, incoming: BackupPerson): PersonRow {
  const newer = incoming.updatedAt > base.updatedAt;
  const win = newer ? incoming : toBackupPerson(base);
  const lose = newer ? toBackupPerson(base) : incoming;
  const earliest = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
  const tags = Object.fromEntries(TAG_KINDS.map((kind) => [kind, [...base[kind], ...incoming[kind]]]));
  return withDerivedKeys({
    ...win,
    id: base.id,
    createdAt: Math.min(base.createdAt, incoming.createdAt),
    updatedAt: Math.max(base.updatedAt, incoming.updatedAt),
    howWeMet: win.howWeMet === '' ? lose.howWeMet : win.howWeMet,
    metAt: earliest(base.metAt, incoming.metAt),
    introducedBy: win.introducedBy ?? lose.introducedBy,
    closeness: win.closeness ?? lose.closeness,
    tieOverride: win.tieOverride ?? lose.tieOverride,
    cadenceDays: win.cadenceDays ?? lose.cadenceDays,
    ...(tags as Pick<PersonRow, (typeof TAG_KINDS)[number]>),
    nameWords: [],
    tagKeys: [],
  });
}

/** What was seen last wins; the headline histories are united in time order. */
export function mergeIdentity(base: IdentityRow, incoming: IdentityRow): IdentityRow {
  const newer = incoming.lastSeenAt > base.lastSeenAt;
  const seen = new Set<string>();
  const history = [...base.headlineHistory, ...incoming.headlineHistory]
    .sort((a, b) => a.seenAt - b.seenAt)
    .filter((change) => {
      const key = `${change.seenAt}\u0000${change.headline}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(-HEADLINE_HISTORY_MAX);
  const win = newer ? incoming : base;
  return {
    network: base.network,
    handle: base.handle,
    personId: base.personId,
    url: win.url,
    lastSeenName: win.lastSeenName ?? base.lastSeenName,
    lastSeenHeadline: win.lastSeenHeadline ?? base.lastSeenHeadline,
    lastSeenAvatarUrl: win.lastSeenAvatarUrl ?? base.lastSeenAvatarUrl,
    lastSeenAt: Math.max(base.lastSeenAt, incoming.lastSeenAt),
    headlineHistory: history,
  };
}
