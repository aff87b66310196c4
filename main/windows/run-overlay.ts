// Main window, widget and marker visibility during a run, as pure decisions plus RunOverlay. Electron main process.
// Widget and marker stay out of screen captures: content protection, or hiding around each capture on X11.
import type { HostEvent } from '../../src/host/protocol/host-api.js';
import type { Point } from '../run/active-run.js';

/** A rectangle in Electron's screen coordinates (DIP). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const WIDGET_SIZE = { width: 360, height: 140 } as const;
export const WIDGET_MARGIN = 16;
/** The marker window's side, DIP; the ring is drawn inside it. */
export const MARKER_SIZE = 56;

/** The widget at the bottom-right of a display's work area (bounds without task bars), inset by a margin. */
export function widgetBounds(displayBounds: Rect, margin = WIDGET_MARGIN): Rect {
  const width = Math.min(WIDGET_SIZE.width, displayBounds.width);
  const height = Math.min(WIDGET_SIZE.height, displayBounds.height);
  return {
    x: Math.round(displayBounds.x + Math.max(0, displayBounds.width - width - margin)),
    y: Math.round(displayBounds.y + Math.max(0, displayBounds.height - height - margin)),
    width,
    height,
  };
}

/** A square of `size` centred on `point` (DIP), for the marker window. */
export function markerBounds(point: Point, size = MARKER_SIZE): Rect {
  const half = Math.floor(size / 2);
  return { x: Math.round(point.x) - half, y: Math.round(point.y) - half, width: size, height: size };
}

export function contains(rect: Rect, point: Point): boolean {
  return point.x >= rect.x && point.x < rect.x + rect.width && point.y >= rect.y && point.y < rect.y + rect.height;
}

export interface OverlayState {
  /** Whether the OS keeps content-protected windows out of captures (macOS, Windows; not X11). */
  contentProtection: boolean;
  /** A run is under way (running, paused or taken over). */
  active: boolean;
  /** From step-start to step-observed where the OS cannot hide our windows from the capture: hide them ourselves. */
  capturing: boolean;
  /** The next pointer action's target (input space), from action-parsed to action-done. */
  target: Point | null;
}

export function idleOverlay(contentProtection: boolean): OverlayState {
  return { contentProtection, active: false, capturing: false, target: null };
}

/** The next overlay state after one host event. */
export function overlayVisibility(event: HostEvent, state: OverlayState): OverlayState {
  if (event.type === 'run-state') {
    return event.state === 'ended' ? idleOverlay(state.contentProtection) : { ...state, active: true };
  }
  if (event.type !== 'run') return state;
  const step = event.event;
  switch (step.type) {
    case 'run-start':
      return { ...state, active: true };
    case 'step-start':
      return { ...state, capturing: !state.contentProtection, target: null };
    case 'step-observed':
      return { ...state, capturing: false };
    case 'action-parsed':
      return { ...state, target: step.error === null ? step.inputPoint : null };
    case 'action-done':
    case 'step-recorded':
      return { ...state, target: null };
    case 'run-end':
      return idleOverlay(state.contentProtection);
    default:
      return state;
  }
}

/** Which windows show. `targetOnScreen` is the target in DIP; the widget steps aside when the target is under it. */
export interface OverlayView {
  mainWindow: boolean;
  widget: Rect | null;
  marker: Rect | null;
}

export function overlayView(state: OverlayState, widget: Rect, targetOnScreen: Point | null): OverlayView {
  const showing = state.active && !state.capturing;
  const underWidget = targetOnScreen !== null && contains(widget, targetOnScreen);
  return {
    mainWindow: !state.active,
    widget: showing && !underWidget ? widget : null,
    marker: showing && targetOnScreen !== null ? markerBounds(targetOnScreen) : null,
  };
}

/** The windows RunOverlay drives (Electron BrowserWindows in main/windows/overlay-windows.ts). */
export interface OverlaySurfaces {
  setMainWindowVisible(visible: boolean): void;
  /** Shows the widget at `bounds` without taking focus, or hides it for null. */
  setWidget(bounds: Rect | null): void;
  setMarker(bounds: Rect | null): void;
  /** Input-space point → DIP. */
  toScreen(point: Point): Point;
}

function sameRect(a: Rect | null, b: Rect | null): boolean {
  return (
    a === b || (a !== null && b !== null && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height)
  );
}

/** Applies overlay decisions to the windows, touching a window only when its decision changes. */
export class RunOverlay {
  private state: OverlayState;
  private view: OverlayView = { mainWindow: true, widget: null, marker: null };
  private widget: Rect;

  constructor(
    private readonly surfaces: OverlaySurfaces,
    contentProtection: boolean,
    workArea: Rect,
  ) {
    this.state = idleOverlay(contentProtection);
    this.widget = widgetBounds(workArea);
  }

  /** Moves the widget to the run's display. */
  placeOn(workArea: Rect): void {
    this.widget = widgetBounds(workArea);
    this.render();
  }

  update(event: HostEvent): void {
    this.state = overlayVisibility(event, this.state);
    this.render();
  }

  private render(): void {
    const target = this.state.target && this.surfaces.toScreen(this.state.target);
    const next = overlayView(this.state, this.widget, target);
    if (next.mainWindow !== this.view.mainWindow) this.surfaces.setMainWindowVisible(next.mainWindow);
    if (!sameRect(next.widget, this.view.widget)) this.surfaces.setWidget(next.widget);
    if (!sameRect(next.marker, this.view.marker)) this.surfaces.setMarker(next.marker);
    this.view = next;
  }
}
