// One call at a time from a form: pending while it runs, its failure as a message. Renderer.
import { useState } from 'react';
import { errorMessage } from './ErrorNotice.js';

export interface PendingCall {
  pending: boolean;
  error: string | null;
  setError(error: string | null): void;
  /** Runs `work` with `pending` set and the error cleared; resolves false (the message in `error`) if it threw. */
  run(work: () => Promise<void>): Promise<boolean>;
}

export function usePendingCall(): PendingCall {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<void>) => {
    setPending(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (caught) {
      setError(errorMessage(caught));
      return false;
    } finally {
      setPending(false);
    }
  };

  return { pending, error, setError, run };
}
