// One step of a live run: thinking (streaming), explanation, action, live progress or timings, and the screen it
// saw. Renderer.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionChip } from '../../components/ActionChip.js';
import { StepStatusBadge } from '../../components/StepStatusBadge.js';
import { TimingsRow } from '../../components/TimingsRow.js';
import { liveStepStatus, targetState } from '../../lib/step-status.js';
import { liveTimingFacts } from '../../lib/step-timings.js';
import type { StepState } from '../../state/app-state.js';
import { useAppStore } from '../../state/app-store.js';
import { StepAnswer } from './StepAnswer.js';
import { StepProgress } from './StepProgress.js';
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
  const runPhase = useAppStore((store) => store.runs[runId]?.phase ?? 'ended');
  const confirmationStep = useAppStore((store) => store.runs[runId]?.confirmation?.step ?? null);
  if (!state) return null;
  const status = liveStepStatus(state, { phase: runPhase, confirmationStep });
  const generating = state.phase === 'thinking' || state.phase === 'observing';

  return (
    <article className={`step-card step-${state.phase}`} data-testid="step-card" data-step={step}>
      <header className="step-header">
        <span className="step-number">{t('step.title', { step })}</span>
        <StepStatusBadge status={status} />
      </header>
      <div className="step-body">
        <div className="step-text">
          <ThinkingPanel text={state.reasoning} streaming={generating} />
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
            state.answer && <StepAnswer text={stripMarkup(state.answer)} />
          )}
          {generating ? <StepProgress step={state} /> : <TimingsRow facts={liveTimingFacts(state)} />}
        </div>
        <StepScreenshot step={state} target={targetState(status)} />
      </div>
    </article>
  );
});
