// One call at a time from a form: pending while it runs, its failure as a message in the UI's language. Renderer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, shownError, type ShownError } from '../lib/error-text.js';

export interface PendingCall {
  pending: boolean;
  /** The failure, worded from its code when the host sent one (see lib/error-text.ts). */
  error: string | null;
  setError(message: string | null): void;
  /** Runs `work` with `pending` set and the error cleared; resolves false (the message in `error`) if it threw. */
  run(work: () => Promise<void>): Promise<boolean>;
}

export function usePendingCall(): PendingCall {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setShownError] = useState<ShownError | null>(null);

  const run = async (work: () => Promise<void>) => {
    setPending(true);
    setShownError(null);
    try {
      await work();
      return true;
    } catch (caught) {
      setShownError(shownError(caught));
      return false;
    } finally {
      setPending(false);
    }
  };

  const setError = (message: string | null) => setShownError(message === null ? null : { message });
  return { pending, error: error && errorText(t, error), setError, run };
}
