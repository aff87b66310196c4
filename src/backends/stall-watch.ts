// Notices a model server that goes quiet: a signal that fires when no byte arrived for too long. Node only.

/** Fires `signal` when `idleMs` pass without `touch()`, or at once when `parent` fires; `stalled` tells which. */
export class StallWatch {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly onParentAbort = () => this.controller.abort(this.parent.reason);
  stalled = false;

  constructor(
    private readonly parent: AbortSignal,
    private readonly idleMs: number,
  ) {
    if (parent.aborted) this.controller.abort(parent.reason);
    else parent.addEventListener('abort', this.onParentAbort, { once: true });
    this.touch();
  }

  /** The signal to pass to every await of the request. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Something arrived: the server is alive; the idle clock starts again. */
  touch(): void {
    clearTimeout(this.timer);
    if (this.controller.signal.aborted) return;
    this.timer = setTimeout(() => {
      this.stalled = true;
      this.controller.abort(new Error(`no data for ${this.idleMs} ms`));
    }, this.idleMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.parent.removeEventListener('abort', this.onParentAbort);
  }
}
