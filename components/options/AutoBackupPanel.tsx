import type { ReadOutcome } from '@/lib/settings/auto-backup-outcome';
import { AUTO_BACKUP_DAYS, type AutoBackupDays } from '@/lib/settings/schema';
import { formatMoment } from './format';
import { Status } from './Section';

const EVERY: Record<AutoBackupDays, string> = { 1: 'day', 7: '7 days', 30: '30 days' };

export interface AutoBackupPanelProps {
  enabled: boolean;
  everyDays: AutoBackupDays;
  /** The folder inside the browser's download folder the files go to. */
  folder: string;
  read: ReadOutcome;
  /** On, but the browser does not let Rapport download (revoked in the browser, or a restored backup). */
  blocked: boolean;
  message: { tone: 'ok' | 'error'; text: string } | null;
  onChange: (change: { enabled?: boolean; everyDays?: AutoBackupDays }) => void;
}

/** Automatic backup files: the switch, how often, where they go, and what the last one did. */
export function AutoBackupPanel(props: AutoBackupPanelProps) {
  const { enabled, read } = props;
  const outcome = read.outcome;
  return (
    <div>
      <div class="options-check">
        <input
          id="auto-backup"
          type="checkbox"
          checked={enabled}
          onChange={(event) => props.onChange({ enabled: event.currentTarget.checked })}
        />
        <label for="auto-backup">Save a backup file automatically</label>
      </div>
      <div class="options-field">
        <label for="auto-backup-days">Every</label>
        <select
          id="auto-backup-days"
          value={props.everyDays}
          disabled={!enabled}
          onChange={(event) =>
            props.onChange({ everyDays: Number(event.currentTarget.value) as AutoBackupDays })
          }
        >
          {AUTO_BACKUP_DAYS.map((days) => (
            <option key={days} value={days}>
              {EVERY[days]}
            </option>
          ))}
        </select>
      </div>
      <p class="options-hint">
        The file goes to your browser's download folder, into a folder named “{props.folder}”, without asking
        where; a backup you download yourself counts too. Rapport asks for permission to manage your downloads
        when you turn this on, and gives it back when you turn it off. Copy the files somewhere other than
        this computer now and then.
      </p>
      {enabled && props.blocked && (
        <Status tone="error" testId="auto-backup-blocked">
          Rapport is not allowed to save files to your downloads (the permission was removed in the browser,
          or never given in this browser), so no backup file is saved. Turn automatic backups off and on again
          to allow it.
        </Status>
      )}
      {read.problem && <Status tone="error">{read.problem}</Status>}
      {outcome?.ok === true && (
        <Status tone="ok" testId="auto-backup-outcome">
          Last automatic backup: {formatMoment(outcome.at)}, saved as {outcome.filename} in “{props.folder}”.
        </Status>
      )}
      {outcome?.ok === false && (
        <Status tone="error" testId="auto-backup-outcome">
          The automatic backup of {formatMoment(outcome.at)} was not saved: {outcome.error}
          {enabled ? ' Rapport tries again within the hour.' : ''}
        </Status>
      )}
      {outcome === null && enabled && !props.blocked && !read.problem && (
        <Status tone="info" testId="auto-backup-outcome">
          No automatic backup yet. Rapport checks every hour and saves one when your last backup is older than
          that.
        </Status>
      )}
      <div aria-live="polite">
        {props.message && (
          <Status tone={props.message.tone} testId="auto-backup-status">
            {props.message.text}
          </Status>
        )}
      </div>
    </div>
  );
}
