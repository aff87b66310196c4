// The action's target drawn over its screenshot: crosshair, drag arrow, scroll arrow with steps; a target that was
// not carried out (declined, cut short) is a muted, struck-through ring instead. Renderer.
import type { Action } from '../../src/host/protocol/host-api.js';
import { overlayShapes, type FramePoint } from '../lib/action-overlay.js';
import type { TargetState } from '../lib/step-status.js';

export interface ActionOverlayProps {
  action: Action;
  /** Frame size in pixels: the space of the action's points. */
  width: number;
  height: number;
  /** Rendered CSS pixels per frame pixel, so marks keep one on-screen size at any zoom. */
  scale: number;
  /** Carried out or about to be (a crosshair), or not carried out (declined, skipped: struck through). */
  state?: TargetState;
}

export function ActionOverlay({ action, width, height, scale, state = 'executed' }: ActionOverlayProps) {
  const { target, dragTo, scroll } = overlayShapes(action, width, height);
  if (!target) return null;
  const px = (css: number) => css / Math.max(scale, 0.01);
  const notCarriedOut = state === 'declined' || state === 'skipped';

  return (
    <svg
      className="frame-overlay"
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      data-testid="action-overlay"
      data-state={state}
    >
      {notCarriedOut ? (
        <NotCarriedOut at={target} px={px} />
      ) : (
        <ExecutedMarks target={target} dragTo={dragTo} scroll={scroll} px={px} />
      )}
    </svg>
  );
}

function ExecutedMarks({
  target,
  dragTo,
  scroll,
  px,
}: ReturnType<typeof overlayShapes> & { target: FramePoint; px: (css: number) => number }) {
  return (
    <>
      {dragTo && <Arrow from={target} to={dragTo} px={px} />}
      {scroll && (
        <>
          <Arrow
            from={target}
            to={{ x: target.x, y: target.y + (scroll.direction === 'up' ? -px(44) : px(44)) }}
            px={px}
          />
          <text
            className="overlay-label"
            x={target.x + px(14)}
            y={target.y + (scroll.direction === 'up' ? -px(26) : px(34))}
            fontSize={px(12)}
            strokeWidth={px(3)}
          >
            ×{scroll.steps}
          </text>
        </>
      )}
      <Crosshair at={target} px={px} />
    </>
  );
}

/** Where the action would have gone: a dashed, muted ring struck through, so it never reads as a click. */
function NotCarriedOut({ at, px }: { at: FramePoint; px: (css: number) => number }) {
  const r = px(11);
  const d = r * Math.SQRT1_2;
  return (
    <g className="overlay-declined" data-testid="declined-target">
      <circle className="overlay-halo" cx={at.x} cy={at.y} r={r} strokeWidth={px(5)} />
      <circle
        className="overlay-declined-ring"
        cx={at.x}
        cy={at.y}
        r={r}
        strokeWidth={px(2)}
        strokeDasharray={`${px(4)} ${px(3)}`}
      />
      <path
        className="overlay-declined-ring"
        strokeWidth={px(2)}
        d={`M${at.x - d} ${at.y - d}L${at.x + d} ${at.y + d}M${at.x + d} ${at.y - d}L${at.x - d} ${at.y + d}`}
      />
    </g>
  );
}

function Crosshair({ at, px }: { at: FramePoint; px: (css: number) => number }) {
  const arm = px(15);
  const gap = px(4);
  return (
    <g className="overlay-target">
      <circle className="overlay-halo" cx={at.x} cy={at.y} r={px(11)} strokeWidth={px(5)} />
      <circle className="overlay-ring" cx={at.x} cy={at.y} r={px(11)} strokeWidth={px(2)} />
      <path
        className="overlay-ring"
        strokeWidth={px(1.5)}
        d={`M${at.x - arm} ${at.y}H${at.x - gap}M${at.x + gap} ${at.y}H${at.x + arm}M${at.x} ${at.y - arm}V${at.y - gap}M${at.x} ${at.y + gap}V${at.y + arm}`}
      />
      <circle className="overlay-dot" cx={at.x} cy={at.y} r={px(2)} />
    </g>
  );
}

function Arrow({ from, to, px }: { from: FramePoint; to: FramePoint; px: (css: number) => number }) {
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const head = px(10);
  const wing = (side: number) =>
    `${to.x - head * Math.cos(angle + side * 0.45)},${to.y - head * Math.sin(angle + side * 0.45)}`;
  return (
    <g className="overlay-arrow">
      <line className="overlay-halo" x1={from.x} y1={from.y} x2={to.x} y2={to.y} strokeWidth={px(5)} />
      <line className="overlay-line" x1={from.x} y1={from.y} x2={to.x} y2={to.y} strokeWidth={px(2.5)} />
      <polygon className="overlay-head" points={`${to.x},${to.y} ${wing(1)} ${wing(-1)}`} strokeWidth={px(1.5)} />
    </g>
  );
}
