// Asks the user to allow or reject an action the safety policy flagged (run.confirm), showing on the step's
// screenshot where the action would land. Renderer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HostCallError } from '../../../src/host/protocol/create-client.js';
import { ActionChip } from '../../components/ActionChip.js';
import { ActionOverlay } from '../../components/ActionOverlay.js';
import { ErrorNotice, errorMessage } from '../../components/ErrorNotice.js';
import { FrameImage } from '../../components/FrameImage.js';
import { fitHeight, Modal } from '../../components/Modal.js';
import { useHost } from '../../host/host-context.js';
import type { PendingConfirmation } from '../../state/app-state.js';
import { confirmationAnswered, useAppStore } from '../../state/app-store.js';

export function ConfirmationDialog({ runId, confirmation }: { runId: string; confirmation: PendingConfirmation }) {
  const { t } = useTranslation();
  const client = useHost();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const frame = useAppStore(
    (state) => state.runs[runId]?.steps.find((step) => step.step === confirmation.step)?.frame ?? null,
  );

  const answer = async (approve: boolean) => {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await client.call('run.confirm', { runId, confirmationId: confirmation.confirmationId, approve });
      confirmationAnswered(runId, confirmation.confirmationId);
    } catch (caught) {
      // Already answered elsewhere, or the run moved on: nothing is waiting for this dialog.
      if (caught instanceof HostCallError && caught.code === 'not-found')
        return confirmationAnswered(runId, confirmation.confirmationId);
      setError(errorMessage(caught));
      setPending(false);
    }
  };

  return (
    <Modal
      title={t('confirm.title')}
      testId="confirmation-dialog"
      size={frame ? 'medium' : 'default'}
      onCancel={() => void answer(false)}
      footer={
        <>
          <button
            type="button"
            className="button"
            data-testid="reject-button"
            disabled={pending}
            onClick={() => answer(false)}
          >
            {t('confirm.reject')}
          </button>
          <button
            type="button"
            className="button button-primary"
            data-testid="approve-button"
            data-autofocus
            disabled={pending}
            onClick={() => answer(true)}
          >
            {t('confirm.approve')}
          </button>
        </>
      }
    >
      <p>{t('confirm.body', { step: confirmation.step })}</p>
      <p>
        <ActionChip action={confirmation.action} />
      </p>
      {frame && (
        <figure className="confirm-frame" style={fitHeight(frame.width, frame.height, 420)}>
          <FrameImage
            sessionId={frame.sessionId}
            frame={frame.frame}
            width={frame.width}
            height={frame.height}
            alt={t('confirm.where', { step: confirmation.step })}
            testId="confirm-frame"
            overlay={(size) => <ActionOverlay action={confirmation.action} state="pending" {...size} />}
          />
        </figure>
      )}
      <div className="confirm-reason">
        <span className="field-label">{t('confirm.reason')}</span>
        <p>{confirmation.reason}</p>
      </div>
      <ErrorNotice message={error} testId="confirm-error" />
    </Modal>
  );
}
