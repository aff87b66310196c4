// Replays one recorded session: its frames with a moving cursor, each step's thinking and action. Renderer.
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostResult } from '../../../src/host/protocol/host-api.js';
import { ErrorNotice, errorMessage } from '../../components/ErrorNotice.js';
import { useHost } from '../../host/host-context.js';
import { frameUrl } from '../../host/use-frame-url.js';
import { PlayerControls } from './PlayerControls.js';
import { PlayerHeader } from './PlayerHeader.js';
import { PlayerStage } from './PlayerStage.js';
import { PlayerStepDetails } from './PlayerStepDetails.js';
import { PlayerStepList } from './PlayerStepList.js';
import { usePlayer } from './use-player.js';
import { useSettledValue } from './use-settled-value.js';

type Session = HostResult<'sessions.get'>;

export function Player({ sessionId, onDeleted }: { sessionId: string; onDeleted: () => void }) {
  const { t } = useTranslation();
  const client = useHost();
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);
  const steps = session?.steps ?? [];
  const player = usePlayer(steps.length);
  const step = steps[player.index];
  // Scrubbing fast moves the position at once but fetches only the frame where it stops.
  const shownIndex = useSettledValue(player.index);

  useEffect(() => {
    let live = true;
    client.call('sessions.get', { sessionId }).then(
      (result) => live && setSession(result),
      (caught: unknown) => live && setError(errorMessage(caught)),
    );
    return () => {
      live = false;
    };
  }, [client, sessionId]);

  // Ask for the next frame's URL early so playing does not wait on it.
  const nextFrame = steps[shownIndex + 1]?.frame;
  useEffect(() => {
    if (nextFrame) frameUrl(client, sessionId, nextFrame).catch(() => {});
  }, [client, sessionId, nextFrame]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) return;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      player.pause();
      player.goTo(player.index + (event.key === 'ArrowRight' ? 1 : -1));
    }
  };

  if (error) return <ErrorNotice message={error} testId="player-error" />;
  if (!session) return <div className="empty-state muted">{t('player.loading')}</div>;

  return (
    <div className="player" data-testid="player" aria-label={t('player.label')} role="region" onKeyDown={onKeyDown}>
      <PlayerHeader session={session.session} warnings={session.warnings} onDeleted={onDeleted} />
      {steps.length === 0 ? (
        <div className="empty-state muted">{t('player.noSteps')}</div>
      ) : (
        <div className="player-body">
          <div className="player-main">
            <PlayerStage sessionId={sessionId} steps={steps} index={shownIndex} />
            <PlayerControls count={steps.length} player={player} />
            {step && <PlayerStepDetails step={step} />}
          </div>
          <PlayerStepList
            steps={steps}
            index={player.index}
            onSelect={(index) => {
              player.pause();
              player.goTo(index);
            }}
          />
        </div>
      )}
    </div>
  );
}
