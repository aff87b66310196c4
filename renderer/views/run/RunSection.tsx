// One run in the timeline: its task, its step cards, and how it ended. The cards are virtualised in the timeline's
// scroller, so a 1,000-step run keeps only the cards near the viewport in the DOM. Renderer.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../state/app-store.js';
import { OutcomeBanner } from './OutcomeBanner.js';
import { StepCard } from './StepCard.js';
import { useOffsetInScroller } from './use-offset-in-scroller.js';

/** A card's height before it is measured: a step with a short thought and its screenshot. */
const ESTIMATED_CARD_PX = 360;
/** Matches --space-4, the gap between cards. */
const CARD_GAP_PX = 16;

export interface RunSectionProps {
  runId: string;
  /** The timeline's scroll container, which the step list is virtualised in. */
  scroller: RefObject<HTMLElement | null>;
}

export function RunSection({ runId, scroller }: RunSectionProps) {
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
  const list = useRef<HTMLOListElement>(null);
  const scrollMargin = useOffsetInScroller(scroller, list);
  const virtualizer = useVirtualizer({
    count: steps.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_CARD_PX,
    getItemKey: (index) => steps[index] ?? index,
    gap: CARD_GAP_PX,
    overscan: 2,
    scrollMargin,
  });

  return (
    <section className="run-section" data-testid="run-section" data-run-id={runId}>
      <header className="run-header">
        <h2 className="run-task">{header.task}</h2>
        {header.backend && (
          <p className="run-meta">{t('run.runHeader', { backend: header.backend, model: header.model || '—' })}</p>
        )}
      </header>
      <ol className="step-list" ref={list} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => (
          <li
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
          >
            <StepCard runId={runId} step={steps[item.index]!} />
          </li>
        ))}
      </ol>
      {header.outcome && <OutcomeBanner outcome={header.outcome} steps={steps.length} task={header.task} />}
    </section>
  );
}
