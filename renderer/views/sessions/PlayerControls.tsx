// Play/pause, step back/forward and the scrubber over the session's steps. Renderer.
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon.js';
import type { usePlayer } from './use-player.js';

export function PlayerControls({ count, player }: { count: number; player: ReturnType<typeof usePlayer> }) {
  const { t } = useTranslation();
  const { index, playing, goTo, togglePlay, pause } = player;

  return (
    <div className="player-controls">
      <button
        type="button"
        className="icon-button"
        data-testid="player-prev"
        aria-label={t('player.previous')}
        title={t('app.shortcuts.withKeys', { label: t('player.previous'), keys: '←' })}
        disabled={index === 0}
        onClick={() => (pause(), goTo(index - 1))}
      >
        <Icon name="previous" />
      </button>
      <button
        type="button"
        className="icon-button icon-button-primary"
        data-testid="player-play"
        aria-label={playing ? t('player.pause') : t('player.play')}
        aria-pressed={playing}
        title={playing ? t('player.pause') : t('player.play')}
        onClick={togglePlay}
      >
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      <button
        type="button"
        className="icon-button"
        data-testid="player-next"
        aria-label={t('player.next')}
        title={t('app.shortcuts.withKeys', { label: t('player.next'), keys: '→' })}
        disabled={index >= count - 1}
        onClick={() => (pause(), goTo(index + 1))}
      >
        <Icon name="next" />
      </button>
      <input
        className="scrubber"
        type="range"
        min={0}
        max={Math.max(0, count - 1)}
        step={1}
        value={index}
        data-testid="player-scrubber"
        aria-label={t('player.scrubber')}
        aria-valuetext={t('player.position', { step: index + 1, total: count })}
        onChange={(event) => (pause(), goTo(Number(event.target.value)))}
      />
      <span className="player-position" data-testid="player-position">
        {t('player.position', { step: index + 1, total: count })}
      </span>
    </div>
  );
}
