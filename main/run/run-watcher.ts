// Keeps overlay, tray, auto-pause and the stop shortcut in step with host events. Electron main process.
import type { HostEvent } from '../../src/host/protocol/host-api.js';
import type { AgentHost } from '../../src/host/host-service.js';
import type { Settings } from '../../src/host/protocol/settings.js';
import type { Rect } from '../windows/run-overlay.js';
import { applyRunEvent, type ActiveRun } from './active-run.js';
import type { ShortcutResult } from './emergency-stop.js';

export interface RunWatcherDeps {
  host: Pick<AgentHost, 'dispatch' | 'onEvent'> & { activeRunId?(): string | null };
  overlay: { update(event: HostEvent): void; placeOn(workArea: Rect): void };
  tray: { update(run: ActiveRun | null): void };
  pointerWatch: { update(run: ActiveRun | null): void };
  emergencyStop: { use(accelerator: string): ShortcutResult };
  /** The work area (DIP) of the host display with this id, or null when it cannot be found. */
  workAreaOf(displayId: string): Promise<Rect | null>;
  /** Tells the user something went wrong outside any window (a system notification). */
  notify(message: string): void;
}

export class RunWatcher {
  private run: ActiveRun | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly deps: RunWatcherDeps) {}

  /** Subscribes to host events and registers the emergency stop from the saved settings. */
  async start(): Promise<void> {
    this.unsubscribe = this.deps.host.onEvent((event) => this.onEvent(event));
    const reply = await this.deps.host.dispatch('settings.get', {});
    if ('result' in reply) this.useShortcut((reply.result as Settings).shortcuts.emergencyStop);
  }

  get activeRun(): ActiveRun | null {
    return this.run;
  }

  /** Stops the active run (emergency shortcut, tray); does nothing when none runs. */
  async stop(): Promise<void> {
    await this.dispatchForRun('run.stop');
  }

  /** Pauses the active run (the user moved the pointer). */
  async pause(): Promise<void> {
    await this.dispatchForRun('run.pause');
  }

  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private async dispatchForRun(method: 'run.stop' | 'run.pause'): Promise<void> {
    const runId = this.deps.host.activeRunId?.() ?? this.run?.runId ?? null;
    if (runId === null) return;
    const reply = await this.deps.host.dispatch(method, { runId });
    if ('error' in reply && reply.error.code !== 'not-found') this.deps.notify(reply.error.message);
  }

  private onEvent(event: HostEvent): void {
    if (event.type === 'settings-changed') this.useShortcut(event.settings.shortcuts.emergencyStop);
    const previous = this.run;
    this.run = applyRunEvent(previous, event);
    this.deps.overlay.update(event);
    if (this.run === previous) return;
    this.deps.tray.update(this.run);
    this.deps.pointerWatch.update(this.run);
    const displayId = this.run?.displayId ?? null;
    if (displayId !== null && displayId !== previous?.displayId) void this.place(displayId);
  }

  private async place(displayId: string): Promise<void> {
    const workArea = await this.deps.workAreaOf(displayId).catch(() => null);
    if (workArea !== null && this.run?.displayId === displayId) this.deps.overlay.placeOn(workArea);
  }

  private useShortcut(accelerator: string): void {
    const result = this.deps.emergencyStop.use(accelerator);
    if (!result.ok) this.deps.notify(result.message);
  }
}
