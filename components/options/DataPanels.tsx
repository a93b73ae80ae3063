import { useState } from 'preact/hooks';
import { daysBetween, formatDay, megabytes, plural } from './format';
import { Status } from './Section';

export interface Counts {
  people: number;
  identities: number;
  notes: number;
  interactions: number;
  links: number;
}

export function CountsLine({ counts }: { counts: Counts | null }) {
  if (counts === null) return <p>Counting…</p>;
  return (
    <p data-testid="data-counts">
      Rapport holds {plural(counts.people, 'person', 'people')}, {plural(counts.identities, 'profile')},{' '}
      {plural(counts.notes, 'note')}, {plural(counts.interactions, 'interaction')} and{' '}
      {plural(counts.links, 'link')} between people. All of it stays on this computer.
    </p>
  );
}

export function BackupReminder(props: { lastBackupAt: number | null; reminderDays: number; now: number }) {
  const { lastBackupAt, reminderDays, now } = props;
  if (lastBackupAt === null) {
    return (
      <Status tone={reminderDays > 0 ? 'error' : 'info'} testId="backup-reminder">
        You have not made a backup yet. Uninstalling Rapport deletes everything it holds: keep a backup file
        somewhere safe.
      </Status>
    );
  }
  const days = daysBetween(lastBackupAt, now);
  const due = reminderDays > 0 && days >= reminderDays;
  return (
    <Status tone={due ? 'error' : 'ok'} testId="backup-reminder">
      Last backup: {formatDay(lastBackupAt)} ({days === 0 ? 'today' : `${plural(days, 'day')} ago`}).
      {due ? ' Time for a new one.' : ''}
    </Status>
  );
}

export type ExportKind = 'backup' | 'csv' | 'vcard';

export function ExportPanel(props: {
  busy: ExportKind | null;
  message: { tone: 'ok' | 'error'; text: string } | null;
  onExport: (kind: ExportKind) => void;
}) {
  const button = (kind: ExportKind, label: string, hint: string) => (
    <li>
      <button type="button" onClick={() => props.onExport(kind)} disabled={props.busy !== null}>
        {props.busy === kind ? 'Preparing…' : label}
      </button>{' '}
      <span class="options-hint">{hint}</span>
    </li>
  );
  return (
    <div>
      <ul class="options-buttons">
        {button(
          'backup',
          'Download a full backup (JSON)',
          'Everything, with your settings; Rapport can restore it.',
        )}
        {button(
          'csv',
          'Download people as a spreadsheet (CSV)',
          'One row per person, for your own analysis.',
        )}
        {button('vcard', 'Download contacts (vCard)', 'For an address book: names, profile links and notes.')}
      </ul>
      {props.message && (
        <Status tone={props.message.tone} testId="export-status">
          {props.message.text}
        </Status>
      )}
    </div>
  );
}

export type ImportKind = 'backup' | 'linkedin' | 'vcard' | 'x';
export type ImportMode = 'merge' | 'replace';

export interface ImportReport {
  kind: ImportKind;
  mode: ImportMode;
  refused: string[] | null;
  people: { new: number; updated: number; unchanged: number };
  records: { new: number; updated: number; unchanged: number };
  removed: number;
  problems: { line: number; reason: string }[];
  problemCount: number;
  applied: boolean;
  settings: { restored: boolean; problems: string[] } | null;
}

export interface ImportPanelProps {
  file: { name: string; size: number } | null;
  kind: ImportKind;
  mode: ImportMode;
  maxBytes: number;
  state:
    | { kind: 'idle' }
    | { kind: 'working'; what: string }
    | { kind: 'report'; report: ImportReport }
    | { kind: 'error'; message: string };
  onFile: (file: File | null) => void;
  onKind: (kind: ImportKind) => void;
  onMode: (mode: ImportMode) => void;
  onApply: () => void;
  onCancel: () => void;
}

const KIND_LABELS: Record<ImportKind, string> = {
  backup: 'A Rapport backup (.json)',
  linkedin: "LinkedIn's Connections.csv",
  vcard: 'Contacts (.vcf, vCard)',
  x: "X's archive: data/tweets.js",
};

function ReportView({
  report,
  onApply,
  onCancel,
}: {
  report: ImportReport;
  onApply: () => void;
  onCancel: () => void;
}) {
  if (report.refused !== null) {
    return (
      <div class="options-report" data-testid="import-report">
        <Status tone="error">This file cannot be imported, and nothing was changed:</Status>
        <ul>
          {report.refused.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      </div>
    );
  }
  const { people, records } = report;
  return (
    <div class="options-report" data-testid="import-report">
      {report.applied ? (
        <Status tone="ok" testId="import-done">
          Imported: {plural(people.new, 'new person', 'new people')},{' '}
          {plural(people.updated, 'person', 'people')} updated, {plural(people.unchanged, 'person', 'people')}{' '}
          unchanged.
        </Status>
      ) : (
        <p data-testid="import-preview">
          <strong>Preview</strong> (nothing is changed yet): {plural(people.new, 'new person', 'new people')},{' '}
          {plural(people.updated, 'person', 'people')} updated, {plural(people.unchanged, 'person', 'people')}{' '}
          unchanged; {plural(records.new, 'new record')} (profiles, notes, interactions, links),{' '}
          {plural(records.updated, 'record')} updated.
        </p>
      )}
      {report.mode === 'replace' && !report.applied && (
        <Status tone="error">
          Replace removes the {plural(report.removed, 'person', 'people')} Rapport holds now, with everything
          about them, and puts the backup in their place.
        </Status>
      )}
      {report.settings && (
        <p>
          {report.settings.restored
            ? 'Settings restored from the backup.'
            : 'Settings could not be restored.'}
          {report.settings.problems.length > 0 ? ` ${report.settings.problems.join('; ')}` : ''}
        </p>
      )}
      {report.problemCount > 0 && (
        <details open={!report.applied}>
          <summary>
            {plural(report.problemCount, 'row')} left out or changed
            {report.problemCount > report.problems.length
              ? ` (the first ${report.problems.length} are listed)`
              : ''}
          </summary>
          <ul class="options-problems">
            {report.problems.map((problem, i) => (
              <li key={`${problem.line}-${i}`}>
                {problem.line > 0 ? `Line ${problem.line}: ` : ''}
                {problem.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {!report.applied && (
        <p class="options-buttons-row">
          <button type="button" class="options-primary" onClick={onApply}>
            {report.mode === 'replace' ? 'Replace everything with this backup' : 'Import'}
          </button>{' '}
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </p>
      )}
    </div>
  );
}

/** Choose a file, see what it would change, then apply it (or not). */
export function ImportPanel(props: ImportPanelProps) {
  const { state } = props;
  return (
    <div>
      <div class="options-field">
        <label for="import-file">File to import</label>
        <input
          id="import-file"
          type="file"
          accept=".json,.csv,.vcf,.vcard,.js,application/json,text/csv,text/vcard,text/javascript"
          onChange={(event) => props.onFile(event.currentTarget.files?.[0] ?? null)}
        />
        <span class="options-hint">
          Up to {megabytes(props.maxBytes)}. You will see what changes before anything is written.
        </span>
      </div>
      <div class="options-field">
        <label for="import-kind">The file is</label>
        <select
          id="import-kind"
          value={props.kind}
          onChange={(event) => props.onKind(event.currentTarget.value as ImportKind)}
        >
          {(Object.keys(KIND_LABELS) as ImportKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      {props.kind === 'backup' && (
        <fieldset>
          <legend>Restore the backup</legend>
          <div class="options-check">
            <input
              id="mode-merge"
              type="radio"
              name="import-mode"
              checked={props.mode === 'merge'}
              onChange={() => props.onMode('merge')}
            />
            <label for="mode-merge">
              Merge with what Rapport holds (the same profiles become the same person; nothing is duplicated)
            </label>
          </div>
          <div class="options-check">
            <input
              id="mode-replace"
              type="radio"
              name="import-mode"
              checked={props.mode === 'replace'}
              onChange={() => props.onMode('replace')}
            />
            <label for="mode-replace">
              Replace everything Rapport holds with the backup (and its settings)
            </label>
          </div>
        </fieldset>
      )}
      {props.kind === 'linkedin' && (
        <p class="options-hint">
          From LinkedIn: Settings, Data privacy, Get a copy of your data, Connections. Each connection becomes
          a person with their LinkedIn profile, headline and connection date. Importing a newer file updates
          them; e-mail addresses are not kept.
        </p>
      )}
      {props.kind === 'x' && (
        <p class="options-hint">
          From X: Settings, Your account, Download an archive of your data; in the archive, data/tweets.js.
          Everyone you replied to or mentioned becomes a person with their X profile, and each of those tweets
          is logged. Importing a newer archive adds only the new tweets. Retweets are left out, and the other
          files of the archive name people by number only, so Rapport cannot use them.
        </p>
      )}
      {props.kind === 'vcard' && (
        <p class="options-hint">
          Names, LinkedIn, Facebook and X links, and notes are read; phone numbers, e-mail addresses and
          birthdays are not kept.
        </p>
      )}
      <div aria-live="polite">
        {state.kind === 'working' && <Status tone="info">{state.what}</Status>}
        {state.kind === 'error' && (
          <Status tone="error" testId="import-error">
            {state.message}
          </Status>
        )}
        {state.kind === 'report' && (
          <ReportView report={state.report} onApply={props.onApply} onCancel={props.onCancel} />
        )}
      </div>
    </div>
  );
}

export interface PersonHit {
  id: string;
  name: string;
}

/** Search, pick, see what goes, confirm: a person and everything about them are gone. */
export function ErasePerson(props: {
  query: string;
  hits: PersonHit[];
  selected: { person: PersonHit; counts: Counts | null } | null;
  message: { tone: 'ok' | 'error'; text: string } | null;
  onQuery: (query: string) => void;
  onSelect: (person: PersonHit | null) => void;
  onDelete: (person: PersonHit) => void;
  onExport: (person: PersonHit, format: 'json' | 'text') => void;
}) {
  const { selected } = props;
  return (
    <div>
      <div class="options-field">
        <label for="erase-search">Find a person by name</label>
        <input
          id="erase-search"
          type="search"
          value={props.query}
          autoComplete="off"
          onInput={(event) => props.onQuery(event.currentTarget.value)}
        />
      </div>
      {props.query.trim() !== '' && props.hits.length === 0 && <p>No one in Rapport has that name.</p>}
      {props.hits.length > 0 && (
        <ul class="options-hits" aria-label="People found">
          {props.hits.map((hit) => (
            <li key={hit.id}>
              <button
                type="button"
                aria-pressed={selected?.person.id === hit.id}
                onClick={() => props.onSelect(hit)}
              >
                {hit.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {selected && (
        <fieldset class="options-confirm">
          <legend>Erase {selected.person.name}?</legend>
          <p>
            {selected.counts === null
              ? `Counting what Rapport holds about ${selected.person.name}…`
              : `Rapport holds about ${selected.person.name}: ${plural(selected.counts.identities, 'profile')}, ${plural(selected.counts.notes, 'note')}, ${plural(selected.counts.interactions, 'interaction')} and ${plural(selected.counts.links, 'link')} to other people.`}
          </p>
          <p class="options-buttons-row">
            <button type="button" onClick={() => props.onExport(selected.person, 'text')}>
              Download their data (text)
            </button>{' '}
            <button type="button" onClick={() => props.onExport(selected.person, 'json')}>
              Download their data (JSON)
            </button>
          </p>
          <p class="options-buttons-row">
            <button type="button" class="options-danger" onClick={() => props.onDelete(selected.person)}>
              Erase {selected.person.name} and all of it
            </button>{' '}
            <button type="button" onClick={() => props.onSelect(null)}>
              Cancel
            </button>
          </p>
        </fieldset>
      )}
      {props.message && <Status tone={props.message.tone}>{props.message.text}</Status>}
    </div>
  );
}

/** Typed confirmation: the button works only once the word is typed. */
export function EraseAll(props: {
  busy: boolean;
  message: { tone: 'ok' | 'error'; text: string } | null;
  onErase: () => void;
}) {
  const [typed, setTyped] = useState('');
  const ready = typed.trim().toLowerCase() === 'erase';
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (ready && !props.busy) {
          props.onErase();
          setTyped('');
        }
      }}
    >
      <p>
        This deletes every person, profile, note, interaction and link Rapport holds. It cannot be undone:
        download a backup first if you may want any of it back. Your settings are kept.
      </p>
      <div class="options-field">
        <label for="erase-confirm">Type “erase” to confirm</label>
        <input
          id="erase-confirm"
          type="text"
          autoComplete="off"
          value={typed}
          onInput={(event) => setTyped(event.currentTarget.value)}
        />
      </div>
      <button type="submit" class="options-danger" disabled={!ready || props.busy}>
        Erase everything
      </button>
      {props.message && (
        <Status tone={props.message.tone} testId="erase-status">
          {props.message.text}
        </Status>
      )}
    </form>
  );
}
