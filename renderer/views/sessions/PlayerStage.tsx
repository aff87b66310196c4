// The player's screen: the step's frame, its action (or grounding box) drawn on it, and a cursor gliding to each
// target that was carried out. Renderer.
import { useTranslation } from 'react-i18next';
import type { StepView } from '../../../src/host/protocol/host-api.js';
import { ActionOverlay } from '../../components/ActionOverlay.js';
import { FrameImage } from '../../components/FrameImage.js';
import { GroundingOverlay } from '../../components/GroundingOverlay.js';
import { cursorAt } from '../../lib/player-timeline.js';
import { recordedStepStatus, targetState } from '../../lib/step-status.js';

export function PlayerStage({ sessionId, steps, index }: { sessionId: string; steps: StepView[]; index: number }) {
  const { t } = useTranslation();
  const step = steps[index];
  if (!step) return null;
  const cursor = cursorAt(steps, index);
  const box = step.grounding?.box ?? null;

  return (
    <div className="player-stage">
      <FrameImage
        sessionId={sessionId}
        frame={step.frame}
        width={step.frameSize.width}
        height={step.frameSize.height}
        alt={t('step.screenshot', { step: step.step })}
        testId="player-frame"
        keepPrevious
        overlay={(size) => (
          <>
            {box ? (
              <GroundingOverlay box={box} testId="player-grounding-box" />
            ) : (
              <ActionOverlay action={step.action} state={targetState(recordedStepStatus(step))} {...size} />
            )}
            {cursor && (
              <div
                className="player-cursor"
                data-testid="player-cursor"
                style={{ left: `${cursor.left}%`, top: `${cursor.top}%` }}
              >
                <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                  <path d="M5 3l14 8.5-6.2 1.4L9.6 19z" />
                </svg>
              </div>
            )}
          </>
        )}
      />
    </div>
  );
}
