// The player's screen: the step's frame, its action drawn on it, and a cursor gliding to each target. Renderer.
import { useTranslation } from 'react-i18next';
import type { StepView } from '../../../src/host/protocol/host-api.js';
import { ActionOverlay } from '../../components/ActionOverlay.js';
import { FrameImage } from '../../components/FrameImage.js';
import { cursorAt } from '../../lib/player-timeline.js';

export function PlayerStage({ sessionId, steps, index }: { sessionId: string; steps: StepView[]; index: number }) {
  const { t } = useTranslation();
  const step = steps[index];
  if (!step) return null;
  const cursor = cursorAt(steps, index);

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
            <ActionOverlay action={step.action} {...size} />
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
