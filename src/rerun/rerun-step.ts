// One replayed step: verify the screen → record its frame → act (or refuse) → record the step. Node only.
import { join } from 'node:path';
import { isAbort } from '../abortable.js';
import { act } from '../agent/act.js';
import { elapsedMs, emptyStepTimings } from '../agent/timing.js';
import { inputPointOf } from '../desktop/coordinates.js';
import { DEFAULT_IMAGE_FORMAT, encodeFrame, frameExtension } from '../desktop/encode.js';
import type { Frame, Operator } from '../desktop/types.js';
import type { Action } from '../glm/actions.js';
import type { RunEvent, StepTimings } from '../run-protocol/run-events.js';
import type { SessionRecorder } from '../sessions/recorder.js';
import type { StepRecord } from '../sessions/schema.js';
import { comparisonTargets } from './compare-frames.js';
import { readGrayImage } from './gray-frames.js';
import { describeMismatch } from './mismatch-report.js';
import type { ReplayStep } from './plan-steps.js';
import { scaleAction } from './scale-action.js';
import type { VerifyMode } from './thresholds.js';
import { verifyScreen, type Verdict, type VerifyRequest } from './verify-screen.js';

/** What every step of one rerun shares. */
export interface RerunContext {
  /** The recorded session's folder, where its frames are read from. */
  sourceDir: string;
  operator: Operator;
  displayId: string;
  recorder: SessionRecorder;
  verify: VerifyMode;
  signal: AbortSignal;
  emit: (event: RunEvent) => void;
  /** Longest settle wait after an action (ms); the operator's default when absent. */
  settleCapMs?: number;
  /** Settle and retry timing of the verification; defaults in verify-screen.ts. */
  verifyTiming?: Pick<VerifyRequest, 'settleCapMs' | 'retryWindowMs' | 'retryIntervalMs'>;
}

export type RerunStepResult = { kind: 'acted' } | { kind: 'mismatch'; report: string };

/** Replays `planned` as step `step`; a stop records what the step had so far and rethrows. */
export async function rerunStep(context: RerunContext, step: number, planned: ReplayStep): Promise<RerunStepResult> {
  const draft = new RerunDraft(context, step, planned);
  try {
    return await draft.run();
  } catch (error) {
    if (isAbort(error, context.signal)) await draft.recordInterrupted();
    throw error;
  }
}

/** Records the recorded run's DONE/FAIL as the last step, on the current screen; nothing is compared or done. */
export async function recordEnding(context: RerunContext, step: number, ending: ReplayStep): Promise<void> {
  const draft = new RerunDraft(context, step, ending);
  context.emit({ type: 'step-start', step });
  const { frame } = await draft.observe();
  await draft.record(frame, false, null);
}

class RerunDraft {
  private readonly startedAt = new Date();
  private readonly timings: StepTimings = emptyStepTimings();
  private framePath: string | null = null;
  private frame: Frame | null = null;
  private recorded = false;

  constructor(
    private readonly context: RerunContext,
    private readonly step: number,
    private readonly planned: ReplayStep,
  ) {}

  async run(): Promise<RerunStepResult> {
    const { context, step, planned } = this;
    context.emit({ type: 'step-start', step });
    const verdict = await this.observe();
    const action = this.actionOn(verdict.frame);
    const inputPoint = inputPointOf(action, verdict.frame);
    context.emit({ type: 'action-parsed', step, action, explanation: this.explanation(), error: null, inputPoint });
    if (!verdict.matched && verdict.worst && context.verify !== 'off') {
      const report = describeMismatch({ step, sourceStep: planned.sourceStep, action }, verdict.worst, context.verify);
      await this.record(verdict.frame, false, report);
      return { kind: 'mismatch', report };
    }
    await act(context, step, action, verdict.frame, this.timings);
    await this.record(verdict.frame, true, null);
    return { kind: 'acted' };
  }

  /** Captures (and, unless off, verifies) the screen and stores the frame; DONE/FAIL have nothing to verify. */
  async observe(): Promise<Verdict> {
    const { operator, displayId, signal, sourceDir, verify } = this.context;
    const verifyStart = performance.now();
    const verdict = await verifyScreen({
      operator,
      displayId,
      signal,
      mode: verify,
      targets: comparisonTargets(this.planned.action, this.planned.frameSize),
      recorded: () => readGrayImage(join(sourceDir, this.planned.frame)),
      ...this.context.verifyTiming,
    });
    this.timings.captureMs = elapsedMs(verifyStart);
    this.frame = verdict.frame;
    const encodeStart = performance.now();
    const image = await encodeFrame(verdict.frame, { format: DEFAULT_IMAGE_FORMAT });
    this.timings.encodeMs = elapsedMs(encodeStart);
    this.framePath = await this.context.recorder.writeFrame(this.step, image.data, frameExtension(image.mime));
    this.context.emit({
      type: 'step-observed',
      step: this.step,
      frame: this.framePath,
      width: image.width,
      height: image.height,
    });
    return verdict;
  }

  async recordInterrupted(): Promise<void> {
    if (this.recorded || !this.frame) return;
    await this.record(this.frame, false, 'Stopped by the user before this step was carried out.').catch(
      () => undefined,
    );
  }

  async record(frame: Frame, acted: boolean, error: string | null): Promise<void> {
    const recordStart = performance.now();
    const action = this.actionOn(frame);
    const record: StepRecord = {
      step: this.step,
      startedAt: this.startedAt.toISOString(),
      frame: this.framePath!,
      frameSize: { width: frame.width, height: frame.height },
      raw: '',
      thinking: '',
      explanation: this.explanation(),
      memory: this.planned.memory,
      action,
      error,
      inputPoint: acted ? inputPointOf(action, frame) : null,
      acted,
      timings: this.timings,
      usage: { promptTokens: null, completionTokens: null },
    };
    this.recorded = true;
    await this.context.recorder.appendStep(record);
    this.timings.recordMs = elapsedMs(recordStart);
    const usage = record.usage;
    this.context.emit({ type: 'step-recorded', step: this.step, timings: { ...this.timings }, usage });
  }

  /** The recorded action with its points moved onto `frame`, which may be another size than the recording. */
  private actionOn(frame: Frame): Action {
    return scaleAction(this.planned.action, this.planned.frameSize, frame);
  }

  private explanation(): string {
    const { sourceStep, explanation } = this.planned;
    return `Replays recorded step ${sourceStep}${explanation ? `: ${explanation}` : '.'}`;
  }
}
