// The screen a step saw, with the action's target drawn on it; shown as soon as step-observed arrives. A click
// enlarges it in a dialog (portalled to the body, above the timeline and the header). Renderer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionOverlay } from '../../components/ActionOverlay.js';
import { FrameImage } from '../../components/FrameImage.js';
import { fitHeight, Modal } from '../../components/Modal.js';
import type { TargetState } from '../../lib/step-status.js';
import type { StepState } from '../../state/app-state.js';

export function StepScreenshot({ step, target }: { step: StepState; target: TargetState }) {
  const { t } = useTranslation();
  const [enlarged, setEnlarged] = useState(false);
  const { frame, action } = step;
  if (!frame) {
    return (
      <div className="step-shot">
        <div className="frame frame-empty">
          <span className="frame-placeholder">{t('step.noScreenshot')}</span>
        </div>
      </div>
    );
  }
  const image = (testId?: string) => (
    <FrameImage
      sessionId={frame.sessionId}
      frame={frame.frame}
      width={frame.width}
      height={frame.height}
      alt={t('step.screenshot', { step: step.step })}
      testId={testId}
      overlay={action ? (size) => <ActionOverlay action={action} state={target} {...size} /> : undefined}
    />
  );
  return (
    <div className="step-shot">
      <button type="button" className="frame-button" title={t('step.enlarge')} onClick={() => setEnlarged(true)}>
        {image('step-screenshot')}
      </button>
      {enlarged && (
        <Modal
          title={t('step.screenshot', { step: step.step })}
          testId="zoom-dialog"
          size="wide"
          onCancel={() => setEnlarged(false)}
          footer={
            <button type="button" className="button" data-autofocus onClick={() => setEnlarged(false)}>
              {t('common.close')}
            </button>
          }
        >
          {/* As large as the dialog allows while the whole screen stays in view. */}
          <div className="zoom-frame" style={fitHeight(frame.width, frame.height, 190)}>
            {image('zoom-frame')}
          </div>
        </Modal>
      )}
    </div>
  );
}
