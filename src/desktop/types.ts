// The Operator contract: displays, capture and input. Node only.
import type { Action } from '../glm/actions.js';

/** A rectangle in the input library's coordinate space (logical or physical, see Display.inputSpace). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One monitor as the operator sees it. */
export interface Display {
  /**
   * Stable id within a session: the RandR output name on X11 (e.g. "screen" on Xvfb, "DP-1"). findDisplay() in
   * displays.ts also accepts the display's index in the list, "0" being the primary.
   */
  id: string;
  /** Where the display lies in the input library's coordinate space. */
  bounds: Rect;
  /** Physical pixels per logical pixel (1, 1.25, 1.5, 2 …). */
  scaleFactor: number;
  primary: boolean;
}

/** One captured screenshot of one display. */
export interface Frame {
  displayId: string;
  /** Raw pixels, 4 bytes a pixel, row-major, no padding. */
  pixels: Buffer;
  /** Byte order of each pixel; nut-js on X11 gives 'bgra' with the alpha byte 0, so ignore alpha. */
  channelOrder: 'rgba' | 'bgra';
  /** Image size in pixels (what the model sees and what 0–999 points are scaled by). */
  width: number;
  height: number;
  /** The display's bounds in input space when the frame was taken. */
  bounds: Rect;
  scaleFactor: number;
  /** Date.now() at capture. */
  capturedAt: number;
}

/** The desktop an agent acts on. Every method honours the AbortSignal. */
export interface Operator {
  displays(): Promise<Display[]>;
  capture(displayId: string, signal?: AbortSignal): Promise<Frame>;
  /** Carries out one action; the action's `point`/`endPoint` are pixels of `frame`. */
  execute(action: Action, frame: Frame, signal: AbortSignal): Promise<void>;
  /** Waits until the display stops changing, or `capMs` passes; resolves with the ms it waited. */
  settle(displayId: string, signal: AbortSignal, capMs?: number): Promise<number>;
  /** Releases held buttons/keys and restores anything borrowed (clipboard); called once when a run ends. */
  release(): Promise<void>;
}
