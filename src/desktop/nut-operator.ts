// The Operator for the local desktop: xrandr displays, nut-js capture and input, settle detection. Node only.
import type { Action, PixelPoint } from '../glm/actions.js';
import { typedAction } from '../glm/typed-action.js';
import { createCapturer, type CaptureLog, type CaptureMethod } from './capture.js';
import { mapFramePixelToInput } from './coordinates.js';
import { findDisplay, listDisplays } from './displays.js';
import { NutInput, type InputPoint } from './input.js';
import { DEFAULT_SETTLE_CAP_MS, waitForSettle } from './settle.js';
import { sleep } from '../abortable.js';
import type { Display, Frame, Operator } from './types.js';

/** Options of createNutOperator. */
export interface NutOperatorOptions {
  /** Capture implementation (default 'auto': nut-js, falling back to screenshot-desktop). */
  capture?: CaptureMethod;
  /** Default settle cap in ms (default 1500). */
  settleCapMs?: number;
  /** Where capture fallbacks are reported (default console.warn). */
  log?: CaptureLog;
}

/** How long the `wait` action pauses. */
export const WAIT_ACTION_MS = 5000;

/**
 * Creates the operator. Nothing touches X until the first call; set DISPLAY before that. Display lists are cached
 * and re-read by displays() and whenever an id is not found, so captures during settle do not run xrandr.
 */
export async function createNutOperator(options: NutOperatorOptions = {}): Promise<Operator> {
  const capturer = await createCapturer(options.capture ?? 'auto', options.log);
  const settleCapMs = options.settleCapMs ?? DEFAULT_SETTLE_CAP_MS;
  let input: Promise<NutInput> | undefined;
  const getInput = () => (input ??= NutInput.create());
  let displays: Display[] | undefined;

  const refreshDisplays = async () => (displays = await listDisplays());
  const resolveDisplay = async (id: string): Promise<Display> => {
    const cached = displays?.find((display) => display.id === id);
    return cached ?? findDisplay(await refreshDisplays(), id);
  };
  const capture = async (displayId: string, signal?: AbortSignal): Promise<Frame> =>
    capturer.capture(await resolveDisplay(displayId), signal);

  return {
    displays: refreshDisplays,
    capture,
    execute: async (action, frame, signal) => executeAction(await getInput(), action, frame, signal),
    settle: (displayId, signal, capMs = settleCapMs) =>
      waitForSettle((captureSignal) => capture(displayId, captureSignal), signal, { capMs }),
    release: async () => {
      if (input) await (await input).releaseAll();
    },
  };
}

/** The input calls executeAction makes (NutInput, or a fake in unit tests). */
export type ActionInput = Pick<NutInput, 'click' | 'hover' | 'doubleClick' | 'drag' | 'pressChord' | 'type' | 'scroll'>;

/** Carries out one action on `frame`'s display: points are frame pixels, mapped once to input space. */
export async function executeAction(
  input: ActionInput,
  action: Action,
  frame: Pick<Frame, 'width' | 'height' | 'bounds'>,
  signal: AbortSignal,
): Promise<void> {
  signal.throwIfAborted();
  const typed = typedAction(action);
  const at = (point: PixelPoint): InputPoint => mapFramePixelToInput(point, frame);
  switch (typed.name) {
    case 'left_click':
      return input.click(at(typed.point), 'left', signal);
    case 'right_click':
      return input.click(at(typed.point), 'right', signal);
    case 'middle_click':
      return input.click(at(typed.point), 'middle', signal);
    case 'hover':
      return input.hover(at(typed.point), signal);
    case 'left_double_click':
      return input.doubleClick(at(typed.point), signal);
    case 'left_drag':
      return input.drag(at(typed.point), at(typed.endPoint), signal);
    case 'key':
      return input.pressChord(typed.keys, signal);
    case 'type':
      return input.type(typed.text, signal);
    case 'scroll':
      return input.scroll(at(typed.point), typed.direction, typed.steps, signal);
    case 'wait':
      return sleep(WAIT_ACTION_MS, signal);
    case 'done':
    case 'fail':
    case 'none':
      return;
  }
}
