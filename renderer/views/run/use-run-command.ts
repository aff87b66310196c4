// Sends one of the run-control commands (pause, resume, stop, take over, give back) for a run. Renderer.
import { useCallback, useState } from 'react';
import { HostCallError } from '../../../src/host/protocol/create-client.js';
import { errorMessage } from '../../components/ErrorNotice.js';
import { useHost } from '../../host/host-context.js';
import { markRunGone } from '../../state/app-store.js';

export type RunCommand = 'run.pause' | 'run.resume' | 'run.stop' | 'run.takeOver' | 'run.giveBack';

export function useRunCommand(runId: string | null) {
  const client = useHost();
  const [pending, setPending] = useState<RunCommand | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = useCallback(
    async (command: RunCommand) => {
      if (!runId) return;
      setPending(command);
      setError(null);
      try {
        await client.call(command, { runId });
      } catch (caught) {
        // The host has no such live run (it ended unseen, or the host restarted): show it as ended.
        if (caught instanceof HostCallError && caught.code === 'not-found') markRunGone(runId);
        else setError(errorMessage(caught));
      } finally {
        setPending(null);
      }
    },
    [client, runId],
  );

  return { send, pending, error };
}
