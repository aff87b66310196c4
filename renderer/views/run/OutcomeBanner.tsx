// How a run ended: done, fail, stopped, … with the run's message, and Retry after an error. Renderer.
import { useTranslation } from 'react-i18next';
import type { Outcome } from '../../../src/run-protocol/run-events.js';
import { Icon, type IconName } from '../../components/Icon.js';
import { errorText } from '../../lib/error-text.js';
import { useStartRun } from './use-start-run.js';

const TONES: Record<Outcome['kind'], { tone: string; icon: IconName }> = {
  done: { tone: 'success', icon: 'check' },
  fail: { tone: 'danger', icon: 'fail' },
  error: { tone: 'danger', icon: 'alert' },
  stopped: { tone: 'neutral', icon: 'stop' },
  'max-steps': { tone: 'warning', icon: 'alert' },
  stuck: { tone: 'warning', icon: 'alert' },
  unparseable: { tone: 'warning', icon: 'alert' },
};

export function OutcomeBanner({ outcome, steps, task }: { outcome: Outcome; steps: number; task: string }) {
  const { t } = useTranslation();
  const { tone, icon } = TONES[outcome.kind];
  return (
    <div className={`outcome outcome-${tone}`} role="status" data-testid="outcome-banner" data-outcome={outcome.kind}>
      <span className="outcome-icon">
        <Icon name={icon} />
      </span>
      <div className="outcome-text">
        <strong>{t(`outcome.${outcome.kind}`)}</strong>
        <span className="outcome-steps">{t('outcome.steps', { count: steps })}</span>
        {outcome.message && (
          <p className="outcome-message" data-testid="outcome-message">
            {errorText(t, { message: outcome.message, info: outcome.error })}
          </p>
        )}
      </div>
      {outcome.kind === 'error' && task !== '' && <RetryRun task={task} />}
    </div>
  );
}

/** Starts the run's instruction again, with the run form's current backend and display. */
function RetryRun({ task }: { task: string }) {
  const { t } = useTranslation();
  const { start, pending, error } = useStartRun();
  return (
    <div className="outcome-retry">
      <button
        type="button"
        className="button"
        data-testid="outcome-retry"
        disabled={pending}
        onClick={() => void start(task)}
      >
        {t('errors.retry')}
      </button>
      {error && (
        <p className="outcome-message" role="alert" data-testid="outcome-retry-error">
          {error}
        </p>
      )}
    </div>
  );
}
