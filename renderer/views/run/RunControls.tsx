// Controls of the live run: its state, Pause/Resume, Take over/Give back, Stop (Esc). Renderer.
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Icon } from '../../components/Icon.js';
import type { RunPhase } from '../../state/app-state.js';
import type { useRunCommand } from './use-run-command.js';

export interface RunControlsProps {
  phase: RunPhase;
  task: string;
  commands: ReturnType<typeof useRunCommand>;
}

export function RunControls({ phase, task, commands }: RunControlsProps) {
  const { t } = useTranslation();
  const { send, pending, error } = commands;
  const paused = phase === 'paused';
  const takenOver = phase === 'taken-over';

  return (
    <section className="card run-controls" aria-label={t('run.controls')} data-testid="run-controls">
      <div className="run-status">
        <span className={`pill pill-${phase}`} data-testid="run-phase">
          <span className="pill-dot" aria-hidden="true" />
          {t(`run.phase.${phase}`)}
        </span>
        <span className="run-status-task" title={task}>
          {task}
        </span>
      </div>
      {takenOver && <p className="muted small">{t('run.takenOverHint')}</p>}
      <div className="button-row">
        {paused ? (
          <button
            type="button"
            className="button"
            data-testid="resume-button"
            disabled={takenOver || pending !== null}
            onClick={() => send('run.resume')}
          >
            <Icon name="play" />
            {t('run.resume')}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            data-testid="pause-button"
            disabled={takenOver || pending !== null}
            onClick={() => send('run.pause')}
          >
            <Icon name="pause" />
            {t('run.pause')}
          </button>
        )}
        {takenOver ? (
          <button
            type="button"
            className="button"
            data-testid="giveback-button"
            disabled={pending !== null}
            onClick={() => send('run.giveBack')}
          >
            <Icon name="hand" />
            {t('run.giveBack')}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            data-testid="takeover-button"
            disabled={pending !== null}
            onClick={() => send('run.takeOver')}
          >
            <Icon name="hand" />
            {t('run.takeOver')}
          </button>
        )}
        <button
          type="button"
          className="button button-danger"
          data-testid="stop-button"
          title={t('app.shortcuts.withKeys', { label: t('run.stop'), keys: t('run.stopHint') })}
          disabled={pending === 'run.stop'}
          onClick={() => send('run.stop')}
        >
          <Icon name="stop" />
          {t('run.stop')}
          <kbd className="kbd">{t('run.stopHint')}</kbd>
        </button>
      </div>
      <ErrorNotice message={error} testId="run-control-error" />
    </section>
  );
}
