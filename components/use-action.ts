import { useState } from 'preact/hooks';
import { errorMessage } from './autosave';

/**
 * One or more buttons that each start an async action: `busy` while one runs (to disable them), and the
 * failure as a sentence ("Not added: …") until the next action succeeds.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => unknown, failed: string) => {
    setBusy(true);
    try {
      await work();
      setError(null);
    } catch (failure) {
      setError(`${failed}: ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
