// What `run` and `sessions rerun` share: the desktop operator and display, the event printer, stop signals and the
// global stop key. Node only.
import { createNutOperator } from '../desktop/nut-operator.js';
import { listenForStopKey, STOP_KEY_LABEL } from '../desktop/stop-key.js';
import type { Display, Operator } from '../desktop/types.js';
import { openLocalDesktop } from '../run-setup/open-run.js';
import { jsonPrinter, textPrinter, type EventPrinter } from './progress-printer.js';

/** The local desktop and the display `id` names; without `id`, `preferredId` (a rerun's recorded display) if present. */
export function cliDesktop(
  id: string | undefined,
  preferredId?: string,
): () => Promise<{ operator: Operator; display: Display }> {
  return () => openLocalDesktop({ createOperator: () => createNutOperator(), displayId: id, preferredId });
}

/** JSON lines with --json, else live text (coloured on a terminal). */
export function eventPrinter(json: boolean, stdout: NodeJS.WritableStream): EventPrinter {
  return json ? jsonPrinter(stdout) : textPrinter(stdout, Boolean((stdout as { isTTY?: boolean }).isTTY));
}

/** Where the global stop key listens (`env.DISPLAY`) and where it says that it cannot. */
export interface StopKeyOptions {
  env: NodeJS.ProcessEnv;
  stderr: NodeJS.WritableStream;
}

/**
 * An AbortSignal that SIGINT or SIGTERM fires, and with `stopKey` also Ctrl+Shift+Escape pressed in any window of
 * the desktop; call `dispose` when the run is over to stop listening.
 */
export function listenForStop(
  signals: NodeJS.EventEmitter,
  stopKey?: StopKeyOptions,
): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const stop = () => controller.abort(new DOMException('Stopped by a signal', 'AbortError'));
  signals.on('SIGINT', stop);
  signals.on('SIGTERM', stop);
  const keyListener = stopKey
    ? listenForStopKey(stopKey.env, () =>
        controller.abort(new DOMException(`Stopped with ${STOP_KEY_LABEL}`, 'AbortError')),
      )
    : null;
  void keyListener?.ready.then((state) => {
    if (!state.ok && !controller.signal.aborted)
      stopKey!.stderr.write(`deskhand: ${state.message} Ctrl+C in this terminal still stops the run.\n`);
  });
  return {
    signal: controller.signal,
    dispose: () => {
      signals.off('SIGINT', stop);
      signals.off('SIGTERM', stop);
      keyListener?.dispose();
    },
  };
}
