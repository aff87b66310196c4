// A grounding (Find on screen) result drawn over its frame: the 0–999 box the model pointed at. Renderer.
import { boxRect } from '../lib/action-overlay.js';

export function GroundingOverlay({
  box,
  testId = 'grounding-box',
}: {
  box: readonly [number, number, number, number];
  testId?: string;
}) {
  const rect = boxRect(box);
  return (
    <svg className="frame-overlay" viewBox="0 0 1000 1000" preserveAspectRatio="none" aria-hidden="true">
      <rect className="grounding-box-halo" {...rect} />
      <rect className="grounding-box" data-testid={testId} {...rect} />
    </svg>
  );
}
