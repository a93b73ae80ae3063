import {
  CADENCE_DAYS_MAX,
  REMINDER_DAYS_MAX,
  type SettingName,
  type Settings,
  type Theme,
} from '@/lib/settings/schema';
import { Status } from './Section';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; message: string };

export interface SettingsFormProps {
  settings: Settings;
  /** Fields that could not be read and were put back to their default, with why. */
  repaired: { field: string; reason: string }[];
  save: SaveState;
  /** The digest is on but the browser does not let Rapport show notifications (revoked, or restored). */
  digestBlocked?: boolean;
  onChange: (name: SettingName, value: unknown) => void;
}

const NETWORK_LABELS = { linkedin: 'LinkedIn', facebook: 'Facebook', x: 'X' } as const;

function NumberField(props: {
  id: string;
  label: string;
  hint: string;
  value: number;
  min: number;
  max: number;
  onCommit: (value: number) => void;
}) {
  return (
    <div class="options-field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        step={1}
        value={props.value}
        aria-describedby={`${props.id}-hint`}
        onChange={(event) => props.onCommit(Number(event.currentTarget.value))}
      />
      <span id={`${props.id}-hint`} class="options-hint">
        {props.hint}
      </span>
    </div>
  );
}

/** Every change is saved at once (autosave); the status line says whether it was. */
export function SettingsForm({ settings, repaired, save, digestBlocked, onChange }: SettingsFormProps) {
  return (
    <form
      class="options-form"
      onSubmit={(event) => event.preventDefault()}
      aria-describedby="settings-status"
    >
      {repaired.length > 0 && (
        <Status tone="error" testId="settings-repaired">
          Some settings could not be read and were set back to their defaults:{' '}
          {repaired.map((problem) => `${problem.field} (${problem.reason})`).join('; ')}.
        </Status>
      )}
      <fieldset>
        <legend>Keep in touch</legend>
        <NumberField
          id="strong-cadence"
          label="Follow up with strong ties every (days)"
          hint="Used when a person has no cadence of their own."
          value={settings.strongCadenceDays}
          min={1}
          max={CADENCE_DAYS_MAX}
          onCommit={(value) => onChange('cadence.strongDays', value)}
        />
        <NumberField
          id="weak-cadence"
          label="Follow up with weak ties every (days)"
          hint="Weak ties need less, but not nothing."
          value={settings.weakCadenceDays}
          min={1}
          max={CADENCE_DAYS_MAX}
          onCommit={(value) => onChange('cadence.weakDays', value)}
        />
      </fieldset>
      <fieldset>
        <legend>Networks Rapport works on</legend>
        {(Object.keys(NETWORK_LABELS) as (keyof typeof NETWORK_LABELS)[]).map((network) => (
          <div class="options-check" key={network}>
            <input
              id={`network-${network}`}
              type="checkbox"
              checked={settings.networks[network]}
              onChange={(event) => onChange(`networks.${network}`, event.currentTarget.checked)}
            />
            <label for={`network-${network}`}>{NETWORK_LABELS[network]}</label>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>Appearance</legend>
        <div class="options-field">
          <label for="theme">Theme</label>
          <select
            id="theme"
            value={settings.theme}
            onChange={(event) => onChange('theme', event.currentTarget.value as Theme)}
          >
            <option value="system">Same as the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </div>
      </fieldset>
      <fieldset>
        <legend>Daily digest</legend>
        <div class="options-check">
          <input
            id="digest-enabled"
            type="checkbox"
            checked={settings.digest.enabled}
            onChange={(event) => onChange('digest.enabled', event.currentTarget.checked)}
          />
          <label for="digest-enabled">Remind me once a day of who to follow up with</label>
        </div>
        <span class="options-hint">
          One notification at that time, only when something is due; Rapport asks to show notifications when
          you turn this on.
        </span>
        {settings.digest.enabled && digestBlocked && (
          <Status tone="error" testId="digest-blocked">
            Rapport is not allowed to show notifications, so no digest will appear. Turn the digest off and on
            again to allow them.
          </Status>
        )}
        <div class="options-field">
          <label for="digest-time">At</label>
          <input
            id="digest-time"
            type="time"
            value={settings.digest.time}
            disabled={!settings.digest.enabled}
            onChange={(event) => onChange('digest.time', event.currentTarget.value)}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Backups</legend>
        <NumberField
          id="backup-reminder"
          label="Remind me to back up every (days)"
          hint="0 turns the reminder off."
          value={settings.backupReminderDays}
          min={0}
          max={REMINDER_DAYS_MAX}
          onCommit={(value) => onChange('backup.reminderDays', value)}
        />
      </fieldset>
      <div id="settings-status" aria-live="polite" data-testid="settings-status">
        {save.kind === 'saving' && <Status tone="info">Saving…</Status>}
        {save.kind === 'saved' && <Status tone="ok">Saved.</Status>}
        {save.kind === 'error' && <Status tone="error">{save.message}</Status>}
      </div>
    </form>
  );
}
