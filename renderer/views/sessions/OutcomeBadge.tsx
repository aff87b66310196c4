// A small coloured label for a session's outcome. Renderer.
import { useTranslation } from 'react-i18next';
import { SESSION_OUTCOMES, type SessionOutcome } from '../../lib/session-query.js';

const TONES: Record<SessionOutcome, string> = {
  done: 'success',
  fail: 'danger',
  error: 'danger',
  stopped: 'neutral',
  interrupted: 'neutral',
  'max-steps': 'warning',
  stuck: 'warning',
  unparseable: 'warning',
};

export function OutcomeBadge({ outcome }: { outcome: string }) {
  const { t } = useTranslation();
  const known = (SESSION_OUTCOMES as readonly string[]).includes(outcome) ? (outcome as SessionOutcome) : null;
  const label = known ? t(`outcome.${known}`) : outcome === 'running' ? t('sessions.running') : outcome;
  return (
    <span className={`badge badge-${known ? TONES[known] : 'accent'}`} data-outcome={outcome}>
      {label}
    </span>
  );
}
