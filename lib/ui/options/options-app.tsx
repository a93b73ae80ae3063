import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import {
  BackupReminder,
  type Counts,
  CountsLine,
  EraseAll,
  ErasePerson,
  type ExportKind,
  ExportPanel,
  type ImportKind,
  type ImportMode,
  ImportPanel,
  type ImportPanelProps,
  type ImportReport,
  type PersonHit,
} from '@/components/options/DataPanels';
import { FocusSection } from '@/components/options/FocusSection';
import { formatDay, megabytes, plural } from '@/components/options/format';
import { Section, Status } from '@/components/options/Section';
import { type SaveState, SettingsForm } from '@/components/options/SettingsForm';
import { type Network, ShortcutHint, SitesSection } from '@/components/options/SitesSection';
import type { Backup } from '@/lib/io/backup-schema';
import { backupFromExport, peopleCsvFile, personTextFile, vcardFile } from '@/lib/io/file-exports';
import { type ReadImportFile, readImportFile } from '@/lib/io/import-file';
import { unusableExport } from '@/lib/io/unusable-exports';
import { readDisplayMode, watchDisplayMode, writeDisplayMode } from '@/lib/platform/site-preferences';
import { call } from '@/lib/protocol/client';
import { IMPORT_MAX_CHARS, toChunks } from '@/lib/protocol/data-messages';
import { tieSummaries } from '@/lib/services/tie-inputs';
import {
  DEFAULT_SETTINGS,
  readSettings,
  type SettingName,
  type SettingProblem,
  type Settings,
  updateSettings,
  watchSettings,
} from '@/lib/settings';
import { applyTheme } from '../theme';
import { AutoBackupContainer } from './auto-backup-panel';
import { restoreSitePreferences, withSitePreferences } from './backup-preferences';
import { changeDigest, notificationsAllowed } from './digest';
import { downloadText, guessKind } from './download';
import { addFocusTags, removeFocusTag } from './focus';

const NETWORKS: Network[] = ['linkedin', 'facebook', 'x'];
type Message = { tone: 'ok' | 'error'; text: string } | null;
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [repaired, setRepaired] = useState<SettingProblem[]>([]);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [panel, setPanel] = useState<Record<Network, boolean>>({
    linkedin: false,
    facebook: false,
    x: false,
  });
  const [sitesError, setSitesError] = useState<string | null>(null);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [exporting, setExporting] = useState<ExportKind | null>(null);
  const [exportMessage, setExportMessage] = useState<Message>(null);

  // A database that cannot be opened (a failed upgrade) is said here, where the export that still works is.
  const [countsError, setCountsError] = useState<string | null>(null);
  const refreshCounts = useCallback(async () => {
    try {
      setCounts(await call('getDataCounts', { personId: null }));
      setCountsError(null);
    } catch (error) {
      setCounts(null);
      setCountsError(errorText(error));
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void readSettings()
      .then((read) => {
        setSettings(read.settings);
        setRepaired(read.problems);
      })
      .catch((error) =>
        setSave({ kind: 'error', message: `Settings could not be read: ${errorText(error)}` }),
      );
    watchSettings((read) => setSettings(read.settings), controller.signal);
    void Promise.all(NETWORKS.map(readDisplayMode)).then((modes) =>
      setPanel(
        Object.fromEntries(NETWORKS.map((n, i) => [n, modes[i] === 'panel'])) as Record<Network, boolean>,
      ),
    );
    // Changed from the sidebar's own switch, or by restoring a backup: the switches follow.
    for (const network of NETWORKS) {
      watchDisplayMode(
        network,
        (mode) => setPanel((current) => ({ ...current, [network]: mode === 'panel' })),
        controller.signal,
      );
    }
    void refreshCounts();
    return () => controller.abort();
  }, [refreshCounts]);

  useEffect(() => applyTheme(settings.theme), [settings.theme]);

  const [digestBlocked, setDigestBlocked] = useState(false);
  useEffect(() => {
    if (!settings.digest.enabled) return setDigestBlocked(false);
    void notificationsAllowed().then(
      (allowed) => setDigestBlocked(!allowed),
      () => setDigestBlocked(false),
    );
  }, [settings.digest.enabled]);

  const onSetting = async (name: SettingName, value: unknown) => {
    setSave({ kind: 'saving' });
    try {
      // The digest asks for a permission and sets an alarm; the permission prompt must come first.
      if (name === 'digest.enabled' || name === 'digest.time') {
        const change = name === 'digest.enabled' ? { enabled: value === true } : { time: String(value) };
        setSettings(await changeDigest(settings.digest, change));
        setSave({ kind: 'saved' });
        return;
      }
      setSettings(await updateSettings({ [name]: value }));
      setSave({ kind: 'saved' });
    } catch (error) {
      setSave({ kind: 'error', message: errorText(error) });
      // Nothing was saved: render again so the control shows the stored value, not what was clicked.
      setSettings((current) => ({ ...current }));
    }
  };

  const onPanel = async (network: Network, wantPanel: boolean) => {
    setPanel((current) => ({ ...current, [network]: wantPanel }));
    try {
      await writeDisplayMode(network, wantPanel ? 'panel' : 'page');
      setSitesError(null);
    } catch (error) {
      setPanel((current) => ({ ...current, [network]: !wantPanel }));
      setSitesError(`Not saved: ${errorText(error)}`);
    }
  };

  const onExport = async (kind: ExportKind) => {
    setExporting(kind);
    setExportMessage(null);
    try {
      const backup = await call('exportData', {});
      const file =
        kind === 'csv'
          ? peopleCsvWithTies(backupFromExport(backup), Date.now(), settings.focus)
          : kind === 'vcard'
            ? vcardFile(backupFromExport(backup), Date.now())
            : await withSitePreferences(backup);
      downloadText(file.text, file.filename, file.mimeType);
      let text = `Downloaded ${file.filename} (${plural(file.people, 'person', 'people')}).`;
      if (kind === 'backup') {
        setSettings(await updateSettings({ 'backup.lastAt': Date.now() }));
        text += ' Keep it somewhere other than this computer.';
      }
      if (file.warnings.length > 0) {
        text += ` Warning: some rows would be refused when restoring: ${file.warnings.join('; ')}`;
      }
      setExportMessage({ tone: file.warnings.length > 0 ? 'error' : 'ok', text });
    } catch (error) {
      setExportMessage({ tone: 'error', text: `Nothing was downloaded: ${errorText(error)}` });
    } finally {
      setExporting(null);
    }
  };

  return (
    <main class="options-page">
      <h1>Rapport</h1>
      <p class="options-lead">
        Your relationships, kept privately on this computer. Nothing here is sent anywhere.
        {settings.lastBackupAt !== null ? ` Last backup ${formatDay(settings.lastBackupAt)}.` : ''}
      </p>
      <nav aria-label="Sections" class="options-nav">
        <a href="#focus-title">Your focus</a> · <a href="#settings-title">Settings</a> ·{' '}
        <a href="#sites-title">Sites</a> · <a href="#data-title">Your data</a> ·{' '}
        <a href="#erase-title">Erase</a>
      </nav>
      <Section id="focus" title="Your focus">
        <FocusSection focus={settings.focus} onAdd={addFocusTags} onRemove={removeFocusTag} />
      </Section>
      <Section id="settings" title="Settings">
        <SettingsForm
          settings={settings}
          repaired={repaired}
          save={save}
          digestBlocked={digestBlocked}
          onChange={(n, v) => void onSetting(n, v)}
        />
      </Section>
      <Section id="sites" title="Where Rapport shows itself">
        <SitesSection panel={panel} onChange={(n, p) => void onPanel(n, p)} error={sitesError} />
        <h3>Keyboard shortcut</h3>
        <ShortcutHint />
      </Section>
      <Section id="data" title="Your data">
        {countsError === null ? (
          <CountsLine counts={counts} />
        ) : (
          <Status tone="error" testId="database-error">
            {countsError}
          </Status>
        )}
        <BackupReminder
          lastBackupAt={settings.lastBackupAt}
          reminderDays={settings.backupReminderDays}
          now={Date.now()}
        />
        <h3>Export</h3>
        <ExportPanel busy={exporting} message={exportMessage} onExport={(kind) => void onExport(kind)} />
        <h3>Automatic backups</h3>
        <AutoBackupContainer autoBackup={settings.autoBackup} onSaved={setSettings} />
        <h3>Import</h3>
        <ImportContainer onImported={refreshCounts} />
      </Section>
      <Section id="erase" title="Erase">
        <h3>Erase one person</h3>
        <ErasePersonContainer onErased={refreshCounts} />
        <h3>Erase everything</h3>
        <EraseAllContainer onErased={refreshCounts} />
      </Section>
    </main>
  );
}

/** A file the page itself refused (not what was chosen, or nobody in it): shown as the worker's are. */
function refusedReport(kind: ImportKind, mode: ImportMode, refused: string[]): ImportReport {
  const none = { new: 0, updated: 0, unchanged: 0 };
  return {
    kind,
    mode,
    refused,
    people: none,
    records: none,
    removed: 0,
    problems: [],
    problemCount: 0,
    applied: false,
    settings: null,
  };
}

function ImportContainer({ onImported }: { onImported: () => Promise<void> }) {
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [kind, setKind] = useState<ImportKind>('linkedin');
  const [mode, setMode] = useState<ImportMode>('merge');
  const [state, setState] = useState<ImportPanelProps['state']>({ kind: 'idle' });
  const generation = useRef(0);
  // The file as read for the preview, so applying it does not read a file of up to 50 MB again.
  const lastRead = useRef<{ text: string; kind: ImportKind; read: ReadImportFile } | null>(null);
  const readFile = (fileText: string, fileKind: ImportKind): ReadImportFile => {
    const held = lastRead.current;
    if (held?.text === fileText && held.kind === fileKind) return held.read;
    const read = readImportFile(fileKind, fileText, Date.now());
    lastRead.current = { text: fileText, kind: fileKind, read };
    return read;
  };

  const preview = async (fileText: string, fileKind: ImportKind, fileMode: ImportMode) => {
    const mine = ++generation.current;
    const unusable = unusableExport(fileText);
    if (unusable !== null) return setState({ kind: 'error', message: unusable });
    setState({ kind: 'working', what: 'Reading the file…' });
    try {
      const read = readFile(fileText, fileKind);
      const report = read.ok
        ? await call('previewImport', { kind: fileKind, mode: fileMode, chunks: toChunks(read.payload) })
        : refusedReport(fileKind, fileMode, read.refused);
      if (mine === generation.current) setState({ kind: 'report', report });
    } catch (error) {
      if (mine === generation.current)
        setState({ kind: 'error', message: `The file could not be read: ${errorText(error)}` });
    }
  };

  const onFile = async (chosen: File | null) => {
    setFile(chosen);
    setText(null);
    if (!chosen) return setState({ kind: 'idle' });
    // Characters are at most bytes (UTF-8), so a file within the byte limit is within the message's.
    if (chosen.size > IMPORT_MAX_CHARS) {
      return setState({
        kind: 'error',
        message: `${chosen.name} is ${megabytes(chosen.size)}; Rapport imports files up to ${megabytes(IMPORT_MAX_CHARS)}. Nothing was changed.`,
      });
    }
    const guessed = guessKind(chosen.name) ?? kind;
    setKind(guessed);
    try {
      const content = await chosen.text();
      setText(content);
      await preview(content, guessed, mode);
    } catch (error) {
      setState({ kind: 'error', message: `${chosen.name} could not be read: ${errorText(error)}` });
    }
  };

  const apply = async () => {
    if (text === null) return;
    const mine = ++generation.current;
    setState({ kind: 'working', what: 'Importing…' });
    try {
      const read = readFile(text, kind);
      const report = read.ok
        ? await call('applyImport', { kind, mode, chunks: toChunks(read.payload) })
        : refusedReport(kind, mode, read.refused);
      if (report.applied && report.settings?.restored) {
        // The worker restored the settings it owns; where Rapport shows itself on each site is the page's.
        try {
          await restoreSitePreferences(text);
        } catch (error) {
          report.settings.problems.push(`where Rapport shows itself on each site: ${errorText(error)}`);
        }
      }
      if (mine === generation.current) setState({ kind: 'report', report });
      await onImported();
    } catch (error) {
      if (mine === generation.current)
        setState({ kind: 'error', message: `Nothing was imported: ${errorText(error)}` });
    }
  };

  return (
    <ImportPanel
      file={file ? { name: file.name, size: file.size } : null}
      kind={kind}
      mode={mode}
      maxBytes={IMPORT_MAX_CHARS}
      state={state}
      onFile={(chosen) => void onFile(chosen)}
      onKind={(next) => {
        setKind(next);
        if (text !== null) void preview(text, next, mode);
      }}
      onMode={(next) => {
        setMode(next);
        if (text !== null) void preview(text, kind, next);
      }}
      onApply={() => void apply()}
      onCancel={() => {
        generation.current++;
        setState({ kind: 'idle' });
      }}
    />
  );
}

function ErasePersonContainer({ onErased }: { onErased: () => Promise<void> }) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<PersonHit[]>([]);
  const [selected, setSelected] = useState<{ person: PersonHit; counts: Counts | null } | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const latest = useRef(0);

  const search = async (next: string) => {
    setQuery(next);
    const mine = ++latest.current;
    if (next.trim() === '') return setHits([]);
    try {
      const { people } = await call('searchPeople', { query: next.slice(0, 200), limit: 20 });
      if (mine === latest.current) setHits(people.map(({ id, name }) => ({ id, name })));
    } catch (error) {
      setMessage({ tone: 'error', text: `Search failed: ${errorText(error)}` });
    }
  };

  const select = async (person: PersonHit | null) => {
    setMessage(null);
    setSelected(person ? { person, counts: null } : null);
    if (!person) return;
    try {
      const counts = await call('getDataCounts', { personId: person.id });
      setSelected((current) => (current?.person.id === person.id ? { person, counts } : current));
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(error) });
    }
  };

  const erase = async (person: PersonHit) => {
    try {
      const { deleted } = await call('deletePerson', { personId: person.id });
      setMessage({
        tone: 'ok',
        text: deleted
          ? `${person.name} and everything about them were erased.`
          : `${person.name} was already gone.`,
      });
      setSelected(null);
      setHits((current) => current.filter((hit) => hit.id !== person.id));
      await onErased();
    } catch (error) {
      setMessage({ tone: 'error', text: `${person.name} was not erased: ${errorText(error)}` });
    }
  };

  const exportOne = async (person: PersonHit, format: 'json' | 'text') => {
    try {
      const json = await call('exportPersonData', { personId: person.id });
      const file = format === 'json' ? json : personTextFile(json);
      downloadText(file.text, file.filename, file.mimeType);
    } catch (error) {
      setMessage({ tone: 'error', text: `Nothing was downloaded: ${errorText(error)}` });
    }
  };

  return (
    <ErasePerson
      query={query}
      hits={hits}
      selected={selected}
      message={message}
      onQuery={(q) => void search(q)}
      onSelect={(p) => void select(p)}
      onDelete={(p) => void erase(p)}
      onExport={(p, f) => void exportOne(p, f)}
    />
  );
}

function EraseAllContainer({ onErased }: { onErased: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const erase = async () => {
    setBusy(true);
    try {
      const { erased } = await call('eraseAll', { confirm: 'erase' });
      setMessage({
        tone: 'ok',
        text: `Erased ${plural(erased.people, 'person', 'people')} and everything about them.`,
      });
      await onErased();
    } catch (error) {
      setMessage({ tone: 'error', text: `Nothing was erased: ${errorText(error)}` });
    } finally {
      setBusy(false);
    }
  };
  return <EraseAll busy={busy} message={message} onErase={() => void erase()} />;
}

/** The people CSV with its tie columns filled, computed here as the sidebar computes each tie (focus included). */
function peopleCsvWithTies(backup: Backup, now: number, focus: { interests: string[]; goals: string[] }) {
  return peopleCsvFile(backup, now, tieSummaries(backup, now, focus));
}
