// One run in the timeline: its task, its step cards, and how it ended. Renderer.
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../state/app-store.js';
import { OutcomeBanner } from './OutcomeBanner.js';
import { StepCard } from './StepCard.js';

export function RunSection({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const header = useAppStore(
    useShallow((state) => {
      const run = state.runs[runId];
      return {
        task: run?.task ?? '',
        backend: run?.backend ?? '',
        model: run?.model ?? '',
        outcome: run?.outcome ?? null,
      };
    }),
  );
  const steps = useAppStore(useShallow((state) => state.runs[runId]?.steps.map((step) => step.step) ?? []));
  const stepCount = steps.length;

  return (
    <section className="run-section" data-testid="run-section" data-run-id={runId}>
      <header className="run-header">
        <h2 className="run-task">{header.task}</h2>
        {header.backend && (
          <p className="run-meta">{t('run.runHeader', { backend: header.backend, model: header.model || '—' })}</p>
        )}
      </header>
      <ol className="step-list">
        {steps.map((step) => (
          <li key={step}>
            <StepCard runId={runId} step={step} />
          </li>
        ))}
      </ol>
      {header.outcome && <OutcomeBanner outcome={header.outcome} steps={stepCount} />}
    </section>
  );
}
