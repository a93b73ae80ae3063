import { useEffect, useState } from 'preact/hooks';
import { AutoBackupPanel } from '@/components/options/AutoBackupPanel';
import { AUTO_BACKUP_FOLDER } from '@/lib/domain/auto-backup';
import {
  type AutoBackupDays,
  type ReadOutcome,
  readAutoBackupOutcome,
  type Settings,
  watchAutoBackupOutcome,
} from '@/lib/settings';
import { changeAutoBackup, downloadsAllowed, watchPermissions } from './auto-backup';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The automatic backup's switch on the options page, with what the worker last did. */
export function AutoBackupContainer(props: {
  autoBackup: Settings['autoBackup'];
  onSaved: (settings: Settings) => void;
}) {
  const { autoBackup, onSaved } = props;
  const [read, setRead] = useState<ReadOutcome>({ outcome: null, problem: null });
  const [blocked, setBlocked] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    void readAutoBackupOutcome().then(setRead, (error: unknown) =>
      setRead({ outcome: null, problem: `The last automatic backup could not be read: ${errorText(error)}` }),
    );
    watchAutoBackupOutcome(setRead, controller.signal);
    return () => controller.abort();
  }, []);

  useEffect(() => {
    if (!autoBackup.enabled) return setBlocked(false);
    const controller = new AbortController();
    const check = () =>
      void downloadsAllowed().then(
        (allowed) => controller.signal.aborted || setBlocked(!allowed),
        () => undefined,
      );
    check();
    // Revoked (or granted) in the browser's own settings while this page is open.
    watchPermissions(check, controller.signal);
    return () => controller.abort();
  }, [autoBackup.enabled]);

  const onChange = async (change: { enabled?: boolean; everyDays?: AutoBackupDays }) => {
    try {
      // The permission request is the first thing awaited in there: it needs this click's user gesture.
      const settings = await changeAutoBackup(autoBackup, change);
      onSaved(settings);
      setMessage({
        tone: 'ok',
        text: settings.autoBackup.enabled
          ? 'Saved: automatic backups are on.'
          : 'Saved: automatic backups are off.',
      });
    } catch (error) {
      // Nothing was saved; the new message renders the switch again from the stored value.
      setMessage({ tone: 'error', text: errorText(error) });
    }
  };

  return (
    <AutoBackupPanel
      enabled={autoBackup.enabled}
      everyDays={autoBackup.everyDays}
      folder={AUTO_BACKUP_FOLDER}
      read={read}
      blocked={blocked}
      message={message}
      onChange={(change) => void onChange(change)}
    />
  );
}
