// Starts and steers the host's one active run: pause, resume, take over, stop, confirmations. Node only.
import { randomUUID } from 'node:crypto';
import { DEFAULT_SAMPLING, type RunHistory } from '../agent/history.js';
import { PauseGate } from '../agent/pause-gate.js';
import { confirmWhenRisky } from '../agent/confirmation-policy.js';
import { runAgent } from '../agent/run-loop.js';
import type { ConfirmRequest } from '../agent/run-step.js';
import type { ChatBackend } from '../backends/chat-backend.js';
import type { Display, Operator } from '../desktop/types.js';
import type { HostEvent, RunStartParams } from './protocol/host-api.js';
import { runStartEvent } from '../run-protocol/run-events.js';
import type { Settings } from './protocol/settings.js';
import { retentionPolicy } from '../sessions/retention.js';
import { openRun } from '../run-setup/open-run.js';
import type { SecretSource } from '../agent/secrets.js';
import { keyStoreSecrets } from './run-session.js';
import { HostError } from './dispatcher.js';

export interface RunControllerDeps {
  sessionsDir: string;
  settings: () => Settings;
  emit: (event: HostEvent) => void;
  /** A backend for the run's spec, with its base URL for the session record (null when none). */
  resolveBackend: (spec: RunStartParams['backend']) => Promise<{ backend: ChatBackend; baseUrl: string | null }>;
  /** The desktop and the display to act on. */
  openDesktop: (settings: Settings, displayId: string | undefined) => Promise<{ operator: Operator; display: Display }>;
  /** Where {{secret:NAME}} values come from (the app's keychain); absent: no secrets can be typed. */
  secrets?: SecretSource;
}

interface ActiveRun {
  runId: string;
  sessionId: string;
  /** The session of the conversation's first run (this run's own for a first run). */
  conversationId: string;
  controller: AbortController;
  gate: PauseGate;
  operator: Operator;
  state: 'running' | 'paused' | 'taken-over' | 'ended';
  confirmations: Map<string, (approved: boolean) => void>;
  done: Promise<void>;
}

/** Follow-up runs may continue this many earlier runs' contexts. */
const KEPT_HISTORIES = 20;

/** What a follow-up needs of an ended run: its context, and where its session sits in a conversation. */
interface EndedRun {
  history: RunHistory;
  sessionId: string;
  conversationId: string;
}

export class RunController {
  private active: ActiveRun | null = null;
  private readonly histories = new Map<string, EndedRun>();

  constructor(private readonly deps: RunControllerDeps) {}

  async start(params: RunStartParams): Promise<{ runId: string; sessionId: string }> {
    if (this.active && this.active.state !== 'ended') {
      throw new HostError('busy', 'A run is already going: stop it or wait for it to end before starting another.');
    }
    const continued = params.continueRunId ? this.histories.get(params.continueRunId) : undefined;
    if (params.continueRunId && !continued) {
      throw new HostError('not-found', 'That run is not known to this window any more; start a new run instead.');
    }
    const settings = this.deps.settings();
    const maxSteps = params.maxSteps ?? settings.loop.maxSteps;
    const { keepSessions, keepGb } = settings.retention;
    const { backend, display, recorder, operator } = await openRun(
      {
        task: params.instruction,
        secretsIn: params.instruction,
        maxSteps,
        imageFormat: settings.loop.imageFormat,
        ...(continued && { followUp: { of: continued.sessionId, conversationId: continued.conversationId } }),
        maxTokens: settings.loop.maxTokens,
        sessionsDir: this.deps.sessionsDir,
        retention: retentionPolicy(keepSessions, keepGb),
      },
      {
        backend: () => this.deps.resolveBackend(params.backend),
        desktop: () => this.deps.openDesktop(settings, params.displayId),
        secrets: this.deps.secrets ?? keyStoreSecrets({ get: async () => undefined }),
        onRetention: ({ problems }) => {
          for (const problem of problems)
            this.deps.emit({ type: 'error', message: `An old session could not be removed: ${problem}` });
        },
      },
    );
    const run: ActiveRun = {
      runId: randomUUID(),
      sessionId: recorder.id,
      conversationId: continued?.conversationId ?? recorder.id,
      controller: new AbortController(),
      gate: new PauseGate(),
      operator,
      state: 'running',
      confirmations: new Map(),
      done: Promise.resolve(),
    };
    this.active = run;
    const emitRun = (event: Extract<HostEvent, { type: 'run' }>['event']) =>
      this.deps.emit({ type: 'run', runId: run.runId, sessionId: run.sessionId, event });
    this.setState(run, 'running');
    emitRun(runStartEvent(recorder, { task: params.instruction, backend, display }));
    run.done = runAgent({
      task: params.instruction,
      backend,
      operator,
      display,
      recorder,
      maxSteps,
      signal: run.controller.signal,
      gate: run.gate,
      historyImages: settings.loop.historyImages,
      settleCapMs: settings.loop.settleCapMs,
      maxPixels: settings.loop.maxPixels,
      imageFormat: settings.loop.imageFormat,
      sampling: { ...DEFAULT_SAMPLING, maxTokens: settings.loop.maxTokens },
      initialHistory: continued?.history,
      confirm: confirmWhenRisky(
        () => this.deps.settings().safety.confirmation,
        (request, reason, signal) => this.askConfirmation(run, request, reason, signal),
      ),
      onEvent: emitRun,
    }).then(
      (result) => this.finish(run, result.history),
      (error: unknown) => {
        this.deps.emit({
          type: 'error',
          message: `The run failed: ${error instanceof Error ? error.message : String(error)}`,
        });
        this.finish(run, null);
      },
    );
    return { runId: run.runId, sessionId: run.sessionId };
  }

  pause(runId: string): void {
    const run = this.running(runId);
    run.gate.pause();
    this.setState(run, 'paused');
  }

  resume(runId: string): void {
    const run = this.running(runId);
    run.gate.resume();
    this.setState(run, 'running');
  }

  /** Pauses and lets go of every held key and button, so the user's own input works normally. */
  async takeOver(runId: string): Promise<void> {
    const run = this.running(runId);
    run.gate.pause();
    this.setState(run, 'taken-over');
    await run.operator.release();
  }

  /** Stops the run; resolves once it has ended and its session is closed. */
  async stop(runId: string): Promise<void> {
    const run = this.find(runId);
    run.controller.abort(new DOMException('Stopped by the user', 'AbortError'));
    await run.done;
  }

  confirm(runId: string, confirmationId: string, approve: boolean): void {
    const run = this.find(runId);
    const resolve = run.confirmations.get(confirmationId);
    if (!resolve) throw new HostError('not-found', 'That confirmation was already answered or the run moved on.');
    run.confirmations.delete(confirmationId);
    resolve(approve);
  }

  /** The session the active run is recording, if a run is going. */
  get activeSessionId(): string | null {
    return this.activeRunId ? this.active!.sessionId : null;
  }

  /** The active run's id, if a run is going (for an emergency stop). */
  get activeRunId(): string | null {
    return this.active && this.active.state !== 'ended' ? this.active.runId : null;
  }

  async dispose(): Promise<void> {
    if (this.activeRunId) await this.stop(this.activeRunId);
  }

  private askConfirmation(
    run: ActiveRun,
    request: ConfirmRequest,
    reason: string,
    signal: AbortSignal,
  ): Promise<boolean> {
    const confirmationId = randomUUID();
    this.deps.emit({
      type: 'confirmation-needed',
      runId: run.runId,
      confirmationId,
      step: request.step,
      action: request.action,
      reason,
    });
    return new Promise<boolean>((resolve, reject) => {
      run.confirmations.set(confirmationId, resolve);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  }

  private finish(run: ActiveRun, history: RunHistory | null): void {
    if (history) {
      this.histories.set(run.runId, { history, sessionId: run.sessionId, conversationId: run.conversationId });
      for (const key of [...this.histories.keys()].slice(0, -KEPT_HISTORIES)) this.histories.delete(key);
    }
    this.setState(run, 'ended');
  }

  private setState(run: ActiveRun, state: ActiveRun['state']): void {
    run.state = state;
    this.deps.emit({ type: 'run-state', runId: run.runId, state });
  }

  private find(runId: string): ActiveRun {
    if (this.active?.runId !== runId) throw new HostError('not-found', 'No such run: it may have ended already.');
    return this.active;
  }

  private running(runId: string): ActiveRun {
    const run = this.find(runId);
    if (run.state === 'ended') throw new HostError('not-found', 'That run has already ended.');
    return run;
  }
}
