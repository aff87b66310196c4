// A generating step's live progress: a running clock, time to first token, tokens so far and tokens per second.
// It ticks on its own, so only this line re-renders between streamed deltas. Renderer.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon.js';
import { formatDuration, formatElapsed, formatRate, streamProgress } from '../../lib/step-timings.js';
import type { StepState } from '../../state/app-state.js';

/** How often the clock moves. */
const TICK_MS = 100;

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function StepProgress({
  step,
}: {
  step: Pick<StepState, 'tokens' | 'startedAt' | 'requestAt' | 'firstTokenAt'>;
}) {
  const { t } = useTranslation();
  const now = useNow(TICK_MS);
  const progress = streamProgress(step, now);

  return (
    <div className="step-progress" data-testid="step-progress" role="status" aria-live="off">
      <span
        className="progress-item progress-clock"
        data-testid="step-elapsed"
        data-ms={progress.elapsedMs ?? ''}
        title={t('progress.elapsed')}
      >
        <Icon name="clock" />
        {progress.elapsedMs === null ? '—' : formatElapsed(progress.elapsedMs)}
      </span>
      <span
        className="progress-item"
        data-testid="step-ttft"
        data-ms={progress.firstTokenMs ?? ''}
        title={t('progress.firstToken')}
      >
        <span className="progress-label">{t('timings.firstToken')}</span>
        {progress.firstTokenMs === null ? t('progress.waitingFirstToken') : formatDuration(progress.firstTokenMs)}
      </span>
      <span className="progress-item" data-testid="step-tokens" data-count={progress.tokens}>
        {t('timings.tokens', { count: progress.tokens })}
      </span>
      {progress.tokensPerSecond !== null && (
        <span className="progress-item" data-testid="step-rate">
          {t('timings.tokensPerSecond', { value: formatRate(progress.tokensPerSecond) })}
        </span>
      )}
    </div>
  );
}
