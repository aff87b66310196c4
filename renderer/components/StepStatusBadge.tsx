// A step's status word (thinking, acting, acted, declined…), coloured by what it means; a live one pulses. Renderer.
import { useTranslation } from 'react-i18next';
import { LIVE_STATUSES, statusTone, type StepStatus } from '../lib/step-status.js';

export function StepStatusBadge({ status, testId = 'step-phase' }: { status: StepStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span
      className={`step-phase step-tone-${statusTone(status)}`}
      data-testid={testId}
      data-status={status}
      title={t(`step.statusHint.${status}`)}
    >
      {LIVE_STATUSES.has(status) && <span className="pulse" aria-hidden="true" />}
      {t(`step.status.${status}`)}
    </span>
  );
}
