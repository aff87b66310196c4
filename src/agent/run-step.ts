// One step of a run: observe → think → parse → guard → act → record. Node only.
import type { ChatBackend } from '../backends/chat-backend.js';
import { inputPointOf } from '../desktop/coordinates.js';
import { frameExtension, type ImageFormat } from '../desktop/encode.js';
import type { Frame, Operator } from '../desktop/types.js';
import { historyTextFromAnswer, parseAnswer } from '../glm/parser.js';
import type { Action, ParsedAnswer } from '../glm/actions.js';
import type { FrameSize } from '../glm/geometry.js';
import type { RunEvent, StepTimings } from '../run-protocol/run-events.js';
import type { SessionRecorder } from '../sessions/recorder.js';
import type { StepRecord } from '../sessions/schema.js';
import { isAbort } from '../abortable.js';
import { act } from './act.js';
import { elapsedMs, emptyStepTimings } from './timing.js';
import { buildRequest, withActedStep, type RunHistory, type Sampling } from './history.js';
import { observe, type Observation } from './observe.js';
import type { PauseGate } from './pause-gate.js';
import { actionKey } from './stop-conditions.js';
import { think, type Thought } from './think.js';
import { explainTokenLimit } from './token-limit.js';

/** What every step of one run shares. */
export interface StepContext {
  task: string;
  displayId: string;
  backend: ChatBackend;
  operator: Operator;
  recorder: SessionRecorder;
  gate: PauseGate;
  sampling: Sampling;
  signal: AbortSignal;
  emit: (event: RunEvent) => void;
  /** True when two frames show a different screen (the stuck check). */
  framesDiffer: (a: Frame, b: Frame) => boolean;
  /** History screenshots per request (0–4) and the longest settle wait (ms); defaults when absent. */
  historyImages?: number;
  settleCapMs?: number;
  /** Largest screenshot sent to the model, in pixels (width × height); null or absent for full size. */
  maxPixels?: number | null;
  /** How screenshots are encoded for the model; PNG (lossless) when absent. */
  imageFormat?: ImageFormat;
  /** Asked before every action; resolves false to refuse it (the user declined). Absent: always allowed. */
  confirm?: ConfirmAction;
}

/** What the user is asked about: the action, the model's explanation, and the size of the frame it points into. */
export interface ConfirmRequest {
  step: number;
  action: Action;
  explanation: string;
  frame: FrameSize;
}

export type ConfirmAction = (request: ConfirmRequest, signal: AbortSignal) => Promise<boolean>;

export type StepResult =
  | { kind: 'acted'; history: RunHistory; frame: Frame }
  | { kind: 'unparseable'; error: string }
  | { kind: 'declined'; answer: ParsedAnswer }
  | { kind: 'finished'; answer: ParsedAnswer };

/** Runs step `step`; on a stop it records what the step had so far and rethrows. */
export async function runStep(
  context: StepContext,
  step: number,
  history: RunHistory,
  previousFrame: Frame | null,
): Promise<StepResult> {
  const draft = new StepDraft(context, step);
  try {
    return await draft.run(history, previousFrame);
  } catch (error) {
    if (isAbort(error, context.signal)) await draft.recordInterrupted();
    // A server that failed mid-answer (or a missing secret) loses nothing the model had already said.
    else await draft.recordInterrupted(error instanceof Error ? error.message : String(error));
    throw error;
  }
}

/** How a recorded step ended: where it aimed, whether it acted, whether the user declined it. */
interface StepOutcome {
  inputPoint?: StepRecord['inputPoint'];
  acted?: boolean;
  declined?: boolean;
}

function sizeOf(frame: Frame): FrameSize {
  return { width: frame.width, height: frame.height };
}

class StepDraft {
  private readonly startedAt = new Date();
  private readonly timings: StepTimings = emptyStepTimings();
  private observation: Observation | null = null;
  private framePath: Promise<string> | null = null;
  private answer = '';
  private reasoning = '';
  private recorded = false;

  constructor(
    private readonly context: StepContext,
    private readonly step: number,
  ) {}

  async run(history: RunHistory, previousFrame: Frame | null): Promise<StepResult> {
    const { context, step } = this;
    await this.passGate();
    context.emit({ type: 'step-start', step });
    const observation = await this.observe();
    const thought = await this.think(
      buildRequest(context.task, history, observation.modelImage, context.sampling, context.historyImages),
    );
    const parseStart = performance.now();
    const parsed = explainTokenLimit(
      parseAnswer(thought.answer, observation.frame, thought.reasoning),
      thought.finishReason,
      context.sampling.maxTokens,
    );
    this.timings.parseMs = elapsedMs(parseStart);
    const inputPoint = inputPointOf(parsed.action, observation.frame);
    context.emit({
      type: 'action-parsed',
      step,
      action: parsed.action,
      explanation: parsed.explanation,
      error: parsed.error,
      inputPoint,
    });

    if (parsed.action.name === 'none') {
      await this.record(parsed, thought, { inputPoint });
      return { kind: 'unparseable', error: parsed.error ?? 'the answer held no action' };
    }
    if (parsed.action.name === 'done' || parsed.action.name === 'fail') {
      await this.record(parsed, thought, { inputPoint });
      return { kind: 'finished', answer: parsed };
    }
    await this.passGate();
    if (
      context.confirm &&
      !(await context.confirm(
        { step, action: parsed.action, explanation: parsed.explanation, frame: sizeOf(observation.frame) },
        context.signal,
      ))
    ) {
      await this.record(parsed, thought, { inputPoint, declined: true });
      return { kind: 'declined', answer: parsed };
    }
    // A frame the disk refused ends the run here, before anything happens on screen that the session cannot show.
    await this.framePath;
    await act(context, step, parsed.action, observation.frame, this.timings);
    await this.record(parsed, thought, { inputPoint, acted: true });
    const screenChanged = previousFrame === null || context.framesDiffer(previousFrame, observation.frame);
    const next = withActedStep(history, {
      entry: historyTextFromAnswer(thought.answer),
      image: await observation.historyImage,
      memory: parsed.memory,
      acted: { actionKey: actionKey(parsed.action), screenChanged },
    });
    return { kind: 'acted', history: next, frame: observation.frame };
  }

  /** Records a step cut short by a stop or by `error`, so the session shows what the model had said. */
  async recordInterrupted(error: string | null = null): Promise<void> {
    if (this.recorded || !this.observation) return;
    const answer = parseAnswer(this.answer, this.observation.frame, this.reasoning);
    const parsed = error === null ? answer : { ...answer, error };
    await this.record(parsed, null).catch(() => undefined);
  }

  private async passGate(): Promise<void> {
    if (!this.context.gate.isPaused) return;
    // Nothing stays held while the run waits: the user may take the mouse and keyboard at once.
    await this.context.operator.release();
    this.context.emit({ type: 'paused' });
    await this.context.gate.pass(this.context.signal);
    this.context.emit({ type: 'resumed' });
  }

  private async observe(): Promise<Observation> {
    const { operator, displayId, signal, maxPixels, imageFormat } = this.context;
    const observation = await observe(operator, displayId, signal, maxPixels ?? null, imageFormat);
    this.observation = observation;
    this.timings.captureMs = observation.captureMs;
    this.timings.encodeMs = observation.encodeMs;
    // Written while the model thinks, off the step's critical path.
    this.framePath = this.context.recorder.writeFrame(
      this.step,
      observation.image.data,
      frameExtension(observation.image.mime),
    );
    this.framePath.then(
      (frame) => {
        const { width, height } = observation.frame;
        this.context.emit({ type: 'step-observed', step: this.step, frame, width, height });
      },
      () => undefined,
    );
    return observation;
  }

  private async think(request: Parameters<typeof think>[1]): Promise<Thought> {
    const { context, step } = this;
    const thought = await think(context.backend, request, context.signal, (kind, text, tokens, elapsedMs) => {
      if (kind === 'reasoning') this.reasoning += text;
      else this.answer += text;
      context.emit({ type: kind === 'reasoning' ? 'reasoning-delta' : 'text-delta', step, text, tokens, elapsedMs });
    });
    this.timings.firstTokenMs = thought.firstTokenMs;
    this.timings.generationMs = thought.generationMs;
    return thought;
  }

  private async record(parsed: ParsedAnswer, thought: Thought | null, outcome: StepOutcome = {}): Promise<void> {
    const { inputPoint = null, acted = false, declined = false } = outcome;
    const observation = this.observation!;
    const recordStart = performance.now();
    const record: StepRecord = {
      step: this.step,
      startedAt: this.startedAt.toISOString(),
      frame: await this.framePath!,
      frameSize: { width: observation.frame.width, height: observation.frame.height },
      raw: thought?.answer ?? this.answer,
      thinking: parsed.thinking,
      explanation: parsed.explanation,
      memory: parsed.memory,
      action: parsed.action,
      error: parsed.error,
      inputPoint,
      acted,
      ...(declined ? { declined } : {}),
      timings: this.timings,
      usage: thought?.usage ?? { promptTokens: null, completionTokens: null },
    };
    this.recorded = true;
    await this.context.recorder.appendStep(record);
    this.timings.recordMs = elapsedMs(recordStart);
    this.context.emit({
      type: 'step-recorded',
      step: this.step,
      timings: { ...this.timings },
      usage: record.usage,
      acted,
      declined,
    });
  }
}
