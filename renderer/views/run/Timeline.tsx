// The live timeline: each run of the thread with its step cards, newest at the bottom, following new steps. Renderer.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon.js';
import { useAppStore } from '../../state/app-store.js';
import { FollowUpForm } from './FollowUpForm.js';
import { RunSection } from './RunSection.js';
import { useStickToBottom } from './use-stick-to-bottom.js';

export function Timeline() {
  const { t } = useTranslation();
  const thread = useAppStore((state) => state.thread);
  const lastEnded = useAppStore((state) => {
    const last = state.thread.at(-1);
    return last !== undefined && state.runs[last]?.phase === 'ended' ? last : null;
  });
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const { atBottom, jumpToBottom } = useStickToBottom(scroller, content);

  return (
    <section className="timeline" aria-label={t('run.title')}>
      <div className="timeline-scroll" ref={scroller} data-testid="timeline">
        <div className="timeline-content" ref={content}>
          {thread.length === 0 ? (
            <div className="empty-state">
              <Icon name="sparkle" className="empty-icon" />
              <h2>{t('run.emptyTitle')}</h2>
              <p>{t('run.emptyBody')}</p>
            </div>
          ) : (
            thread.map((runId) => <RunSection key={runId} runId={runId} scroller={scroller} />)
          )}
          {lastEnded && <FollowUpForm continueRunId={lastEnded} />}
        </div>
      </div>
      {!atBottom && thread.length > 0 && (
        <button type="button" className="button button-small jump-button" onClick={jumpToBottom}>
          <Icon name="arrow-down" />
          {t('run.jumpToLatest')}
        </button>
      )}
    </section>
  );
}
