// Every step of the session as a virtualised list (smooth with thousands); the current one stays in view. Renderer.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepView } from '../../../src/host/protocol/host-api.js';
import { Icon } from '../../components/Icon.js';
import { actionDetails, actionIcon } from '../../lib/action-summary.js';
import { recordedStepStatus, statusTone, type StepStatus } from '../../lib/step-status.js';

/** Statuses a row names; the usual ones (acted, recorded) go without saying. */
const NAMED: ReadonlySet<StepStatus> = new Set(['declined', 'failed', 'interrupted', 'found', 'not-found']);

const ROW_HEIGHT = 40;

export interface PlayerStepListProps {
  steps: StepView[];
  index: number;
  onSelect: (index: number) => void;
}

export function PlayerStepList({ steps, index, onSelect }: PlayerStepListProps) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: steps.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  useEffect(() => {
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [virtualizer, index]);

  return (
    <nav className="player-steps" aria-label={t('player.steps')}>
      <h3 className="player-steps-title">{t('player.steps')}</h3>
      <div className="player-steps-scroll" ref={scroller} data-testid="player-step-list">
        <div className="virtual-space" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const step = steps[item.index]!;
            const current = item.index === index;
            const status = recordedStepStatus(step);
            return (
              <button
                key={item.index}
                type="button"
                className={`player-step ${current ? 'is-current' : ''}`}
                style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                aria-current={current ? 'step' : undefined}
                data-testid="player-step"
                data-status={status}
                onClick={() => onSelect(item.index)}
              >
                <span className="player-step-number">{step.step}</span>
                <Icon name={step.grounding ? 'target' : actionIcon(step.action)} />
                <span className="player-step-label">
                  {step.grounding
                    ? `${t('locate.title')} · ${step.grounding.query}`
                    : [step.action.name, ...actionDetails(step.action)].join(' · ')}
                </span>
                {NAMED.has(status) && (
                  <span className={`player-step-status step-tone-${statusTone(status)}`}>
                    {t(`step.status.${status}`)}
                  </span>
                )}
              </button>
            );
          })}
        </div>
      </div>
    </nav>
  );
}
