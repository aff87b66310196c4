// Auto-pause when the user moves the pointer away from where the agent left it. Electron main process.
import type { ActiveRun, Point } from './active-run.js';

export const POLL_INTERVAL_MS = 100;
/** How far (DIP) the pointer may drift from where the agent left it before it counts as the user's. */
export const MOVE_TOLERANCE = 8;

/** Whether the user moved the pointer: it is more than `tolerance` from the agent's last point and no action runs. */
export function userMovedPointer(
  lastAgentPoint: Point | null,
  cursor: Point,
  acting: boolean,
  tolerance = MOVE_TOLERANCE,
): boolean {
  if (acting || lastAgentPoint === null) return false;
  return Math.hypot(cursor.x - lastAgentPoint.x, cursor.y - lastAgentPoint.y) > tolerance;
}

/** Whether the pointer is watched in this run state: running, no action in flight, no question to the user. */
export function watchesPointer(run: ActiveRun | null): run is ActiveRun {
  return run !== null && run.phase === 'running' && !run.acting && run.confirmation === null;
}

export interface PointerWatchOptions {
  /** The cursor now, DIP (`screen.getCursorScreenPoint`). */
  cursor(): Point;
  /** Called once per running stretch when the user moves the pointer (the caller dispatches run.pause). */
  onUserMoved(runId: string): void;
  intervalMs?: number;
  tolerance?: number;
}

/**
 * Polls the cursor while `watchesPointer`. The agent's point is sampled where the cursor is when watching starts
 * or resumes (after each action, after a resume), so drags and scrolls that end elsewhere never count as the
 * user's, and no coordinate conversion is needed.
 */
export class PointerWatch {
  private timer: ReturnType<typeof setInterval> | null = null;
  private agentPoint: Point | null = null;
  private trippedRunId: string | null = null;

  constructor(private readonly options: PointerWatchOptions) {}

  update(run: ActiveRun | null): void {
    // After a trip, stay quiet until the run leaves 'running' (the pause we asked for) or another run starts.
    const stillTripped = run !== null && run.runId === this.trippedRunId && run.phase === 'running';
    if (!stillTripped) this.trippedRunId = null;
    if (!watchesPointer(run) || stillTripped) {
      this.stop();
      return;
    }
    if (this.timer !== null) return;
    this.agentPoint = this.options.cursor();
    const runId = run.runId;
    this.timer = setInterval(() => this.poll(runId), this.options.intervalMs ?? POLL_INTERVAL_MS);
  }

  dispose(): void {
    this.stop();
  }

  private poll(runId: string): void {
    if (!userMovedPointer(this.agentPoint, this.options.cursor(), false, this.options.tolerance)) return;
    this.trippedRunId = runId;
    this.stop();
    this.options.onUserMoved(runId);
  }

  private stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.agentPoint = null;
  }
}
