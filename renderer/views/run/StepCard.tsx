// One step of a live run: thinking (streaming), explanation, action, timings, and the screen it saw. Renderer.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionChip } from '../../components/ActionChip.js';
import { TimingsRow } from '../../components/TimingsRow.js';
import { timingFacts } from '../../lib/step-timings.js';
import type { StepState } from '../../state/app-state.js';
import { useAppStore } from '../../state/app-store.js';
import { StepScreenshot } from './StepScreenshot.js';
import { ThinkingPanel } from './ThinkingPanel.js';
import { stripMarkup } from '../../../src/run-protocol/markup-stripper.js';

/** The step's state; steps are usually stored at index step - 1. */
function selectStep(steps: StepState[] | undefined, step: number): StepState | undefined {
  const likely = steps?.[step - 1];
  return likely?.step === step ? likely : steps?.find((candidate) => candidate.step === step);
}

export const StepCard = memo(function StepCard({ runId, step }: { runId: string; step: number }) {
  const { t } = useTranslation();
  const state = useAppStore((store) => selectStep(store.runs[runId]?.steps, step));
  if (!state) return null;
  const live = state.phase !== 'recorded' && state.phase !== 'interrupted';

  return (
    <article className={`step-card step-${state.phase}`} data-testid="step-card" data-step={step}>
      <header className="step-header">
        <span className="step-number">{t('step.title', { step })}</span>
        <span className={`step-phase step-phase-${state.phase}`} data-testid="step-phase">
          {live && <span className="pulse" aria-hidden="true" />}
          {t(`step.phase.${state.phase}`)}
        </span>
      </header>
      <div className="step-body">
        <div className="step-text">
          <ThinkingPanel text={state.reasoning} streaming={state.phase === 'thinking' || state.phase === 'observing'} />
          {state.action ? (
            <>
              {state.explanation && (
                <p className="step-explanation" data-testid="step-explanation">
                  {state.explanation}
                </p>
              )}
              {state.error && (
                <p className="step-error" data-testid="step-error">
                  <strong>{t('step.parseError')}:</strong> {state.error}
                </p>
              )}
              <div>
                <ActionChip action={state.action} />
              </div>
            </>
          ) : (
            state.answer && <pre className="step-answer">{stripMarkup(state.answer)}</pre>
          )}
          <TimingsRow facts={timingFacts(state.timings, state.completionTokens, state)} />
        </div>
        <StepScreenshot step={state} />
      </div>
    </article>
  );
});
