// How a run ended: done, fail, stopped, … with the run's message. Renderer.
import { useTranslation } from 'react-i18next';
import type { Outcome } from '../../../src/run-protocol/run-events.js';
import { Icon, type IconName } from '../../components/Icon.js';

const TONES: Record<Outcome['kind'], { tone: string; icon: IconName }> = {
  done: { tone: 'success', icon: 'check' },
  fail: { tone: 'danger', icon: 'fail' },
  error: { tone: 'danger', icon: 'alert' },
  stopped: { tone: 'neutral', icon: 'stop' },
  'max-steps': { tone: 'warning', icon: 'alert' },
  stuck: { tone: 'warning', icon: 'alert' },
  unparseable: { tone: 'warning', icon: 'alert' },
};

export function OutcomeBanner({ outcome, steps }: { outcome: Outcome; steps: number }) {
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
        {outcome.message && <p className="outcome-message">{outcome.message}</p>}
      </div>
    </div>
  );
}
