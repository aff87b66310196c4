// The current step of the player: its status, action (or grounding result), explanation, error, timings and the
// model's thinking. Renderer.
import { useTranslation } from 'react-i18next';
import type { StepView } from '../../../src/host/protocol/host-api.js';
import { ActionChip } from '../../components/ActionChip.js';
import { GroundingChip } from '../../components/GroundingChip.js';
import { Markdown } from '../../components/Markdown.js';
import { StepStatusBadge } from '../../components/StepStatusBadge.js';
import { TimingsRow } from '../../components/TimingsRow.js';
import { recordedStepStatus } from '../../lib/step-status.js';
import { timingFacts } from '../../lib/step-timings.js';

export function PlayerStepDetails({ step }: { step: StepView }) {
  const { t } = useTranslation();
  const facts = timingFacts(step.timings, step.usage.completionTokens);
  return (
    <div className="player-details" data-testid="player-step-details">
      <div className="player-details-head">
        <span className="step-number">{t('step.title', { step: step.step })}</span>
        <StepStatusBadge status={recordedStepStatus(step)} testId="player-step-status" />
        {step.grounding ? (
          <GroundingChip box={step.grounding.box} label={step.grounding.query} />
        ) : (
          <ActionChip action={step.action} />
        )}
      </div>
      {step.explanation && <p className="step-explanation">{step.explanation}</p>}
      {step.error && !step.grounding && (
        <p className="step-error">
          <strong>{t('step.parseError')}:</strong> {step.error}
        </p>
      )}
      <TimingsRow facts={facts} />
      <div className="player-thinking" data-testid="player-thinking">
        <h3 className="field-label">{t('step.thinking')}</h3>
        {step.thinking ? <Markdown text={step.thinking} /> : <p className="muted">{t('common.none')}</p>}
      </div>
    </div>
  );
}
