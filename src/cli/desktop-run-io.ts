// What `run` and `sessions rerun` share: the desktop operator and display, the event printer, stop signals and the
// global stop key. Node only.
import { findDisplay } from '../desktop/displays.js';
import { DesktopSetupError } from '../desktop/errors.js';
import { createNutOperator } from '../desktop/nut-operator.js';
import { listenForStopKey, STOP_KEY_LABEL } from '../desktop/stop-key.js';
import type { Display, Operator } from '../desktop/types.js';
import { jsonPrinter, textPrinter, type EventPrinter } from './progress-printer.js';
import { UsageError } from './usage.js';

/**
 * The local desktop's operator and the display `id` names (an id or index). Without `id`: `preferredId` when this
 * desktop has it (a rerun's recorded display), else the primary.
 */
export async function openDesktop(
  id: string | undefined,
  preferredId?: string,
): Promise<{ operator: Operator; display: Display }> {
  const operator = await createNutOperator();
  try {
    const displays = await operator.displays();
    const preferred = displays.some((display) => display.id === preferredId) ? preferredId : undefined;
    return { operator, display: findDisplay(displays, id ?? preferred) };
  } catch (error) {
    if (error instanceof DesktopSetupError) throw new UsageError(error.message);
    throw error;
  }
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
