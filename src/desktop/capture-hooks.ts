// Lets the app hide its own windows around each capture, where the OS has no content protection. Node only.
import type { Operator } from './types.js';

export interface CaptureHooks {
  /** Called before each capture; resolves once the app's own windows are off the screen. */
  beforeCapture(displayId: string): Promise<void>;
  /** Called after each capture, also when it failed. */
  afterCapture(displayId: string): void;
}

/** The same operator, with `hooks` around every capture (the model's and the settle checks'). */
export function withCaptureHooks(operator: Operator, hooks: CaptureHooks): Operator {
  return {
    displays: () => operator.displays(),
    execute: (action, frame, signal) => operator.execute(action, frame, signal),
    settle: (displayId, signal, capMs) => operator.settle(displayId, signal, capMs),
    release: () => operator.release(),
    async capture(displayId, signal) {
      await hooks.beforeCapture(displayId);
      try {
        return await operator.capture(displayId, signal);
      } finally {
        hooks.afterCapture(displayId);
      }
    },
  };
}
