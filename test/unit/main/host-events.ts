// Builders for the host events the main-process tests feed in.
import { emptyAction, type ActionName } from '../../../src/glm/actions.js';
import type { HostEvent } from '../../../src/host/protocol/host-api.js';

type RunEvent = Extract<HostEvent, { type: 'run' }>['event'];

export const RUN = 'run-1';

export function runState(state: 'running' | 'paused' | 'taken-over' | 'ended', runId = RUN): HostEvent {
  return { type: 'run-state', runId, state };
}

export function run(event: RunEvent, runId = RUN): HostEvent {
  return { type: 'run', runId, sessionId: 'session-1', event };
}

export function runStart(displayId = 'HDMI-1', runId = RUN): HostEvent {
  return run(
    {
      type: 'run-start',
      sessionId: 'session-1',
      sessionDir: '/tmp/s',
      task: 'open the mail',
      backend: 'vllm',
      model: 'glm',
      displayId,
    },
    runId,
  );
}

export const stepStart = (step: number) => run({ type: 'step-start', step });
export const stepObserved = (step: number) =>
  run({ type: 'step-observed', step, frame: `frames/${String(step).padStart(4, '0')}.jpg`, width: 1280, height: 720 });
export const reasoning = (step: number, text: string) => run({ type: 'reasoning-delta', step, text });
export const actionDone = (step: number) => run({ type: 'action-done', step, actMs: 40, settleMs: 300 });
export const runEnd = () =>
  run({ type: 'run-end', outcome: { kind: 'done', message: 'ok' }, steps: 3, sessionId: 'session-1' });

export function actionParsed(
  step: number,
  inputPoint: { x: number; y: number } | null,
  name: ActionName = 'left_click',
  error: string | null = null,
): HostEvent {
  return run({ type: 'action-parsed', step, action: emptyAction(name), explanation: '', error, inputPoint });
}

export function confirmationNeeded(confirmationId = 'c-1', runId = RUN): HostEvent {
  return {
    type: 'confirmation-needed',
    runId,
    confirmationId,
    step: 2,
    action: emptyAction('type'),
    reason: 'Typing into a password field',
  };
}
