// The player's title: the session's task, outcome, start time, warnings, Export, and Delete (with a confirm). Renderer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionRow } from '../../../src/host/protocol/host-api.js';
import { ErrorNotice, errorMessage } from '../../components/ErrorNotice.js';
import { Icon } from '../../components/Icon.js';
import { Modal } from '../../components/Modal.js';
import { useHost } from '../../host/host-context.js';
import { durationMs, formatDateTime } from '../../lib/format-date.js';
import { formatDuration } from '../../lib/step-timings.js';
import { OutcomeBadge } from './OutcomeBadge.js';
import { PlayerExportButtons } from './PlayerExportButtons.js';

export interface PlayerHeaderProps {
  session: SessionRow;
  warnings: string[];
  onDeleted: () => void;
}

export function PlayerHeader({ session, warnings, onDeleted }: PlayerHeaderProps) {
  const { t, i18n } = useTranslation();
  const client = useHost();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const duration = durationMs(session.startedAt, session.endedAt);

  const remove = async () => {
    setPending(true);
    try {
      await client.call('sessions.delete', { sessionId: session.id });
      setConfirming(false);
      onDeleted();
    } catch (caught) {
      setError(errorMessage(caught));
      setPending(false);
    }
  };

  return (
    <header className="player-header">
      <div className="player-title">
        <h2 title={session.task}>{session.task}</h2>
        <p className="player-meta">
          <OutcomeBadge outcome={session.endedAt ? session.outcome : 'running'} />
          <span>{t('player.started', { date: formatDateTime(session.startedAt, i18n.language) })}</span>
          {duration !== null && <span>{formatDuration(duration)}</span>}
          <span>{session.model || session.backend}</span>
        </p>
      </div>
      <PlayerExportButtons sessionId={session.id} />
      <button
        type="button"
        className="button button-ghost button-danger-text"
        data-testid="delete-session-button"
        onClick={() => setConfirming(true)}
      >
        <Icon name="trash" />
        {t('common.delete')}
      </button>
      {warnings.length > 0 && (
        <div className="notice notice-warning player-warnings" data-testid="player-warnings">
          <Icon name="alert" />
          <div>
            <strong>{t('player.warnings')}</strong>
            <ul>
              {warnings.map((warning, index) => (
                <li key={index}>{warning}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {confirming && (
        <Modal
          title={t('player.deleteTitle')}
          tone="danger"
          testId="delete-dialog"
          onCancel={() => setConfirming(false)}
          footer={
            <>
              <button type="button" className="button" data-autofocus onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
              <button
                type="button"
                className="button button-danger"
                data-testid="confirm-delete-button"
                disabled={pending}
                onClick={remove}
              >
                {t('player.delete')}
              </button>
            </>
          }
        >
          <p>{t('player.deleteBody', { task: session.task, steps: session.steps })}</p>
          <ErrorNotice message={error} testId="delete-error" />
        </Modal>
      )}
    </header>
  );
}
