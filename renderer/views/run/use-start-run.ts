// Starts a run (or a follow-up of one) with the run form's backend and display. Renderer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePendingCall } from '../../components/use-pending-call.js';
import { useHost } from '../../host/host-context.js';
import { runBackend } from '../../lib/backend-choice.js';
import { showStartedRun, useAppStore } from '../../state/app-store.js';
import { useUiStore } from '../../state/ui-store.js';

export interface StartRun {
  /** Resolves true when the run started; the error is in `error` otherwise. */
  start(instruction: string, continueRunId?: string): Promise<boolean>;
  /** Starts the last instruction again with the form's current backend and display (after an error). */
  retry(): Promise<boolean>;
  pending: boolean;
  /** The last start's error, in the UI's language. */
  error: string | null;
}

export function useStartRun(): StartRun {
  const client = useHost();
  const { t } = useTranslation();
  const { pending, error, setError, run } = usePendingCall();
  const [last, setLast] = useState<{ instruction: string; continueRunId?: string } | null>(null);

  const start = async (instruction: string, continueRunId?: string) => {
    const { backend: choice, displayId } = useUiStore.getState();
    const backend = runBackend(choice.selected, choice, useAppStore.getState().settings);
    setLast({ instruction, ...(continueRunId ? { continueRunId } : {}) });
    if (!backend) {
      setError(t('run.needBaseUrl'));
      return false;
    }
    return run(async () => {
      const task = instruction.trim();
      const started = await client.call('run.start', {
        instruction: task,
        backend,
        ...(displayId ? { displayId } : {}),
        ...(continueRunId ? { continueRunId } : {}),
      });
      showStartedRun({ ...started, task }, continueRunId !== undefined);
    });
  };

  const retry = async () => (last ? start(last.instruction, last.continueRunId) : false);

  return { start, retry, pending, error };
}
