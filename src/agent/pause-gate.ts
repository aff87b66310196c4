// A gate the loop passes before thinking and before acting; the user closes it to pause a run. Node only.
import { abortReason } from '../abortable.js';

export class PauseGate {
  private waiting: Array<() => void> = [];
  private paused = false;

  get isPaused(): boolean {
    return this.paused;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    const waiting = this.waiting;
    this.waiting = [];
    for (const release of waiting) release();
  }

  /** Resolves at once when open; otherwise when resumed, or rejects when `signal` aborts. Returns whether it waited. */
  async pass(signal: AbortSignal): Promise<boolean> {
    if (!this.paused) return false;
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(abortReason(signal));
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      });
    });
    return true;
  }
}
