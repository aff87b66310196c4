// macOS onboarding on the run view: which of Accessibility and Screen Recording Deskhand still lacks, with buttons to
// the System Settings pane for each. Desktop app only (permissions.*); asks again every 2 s while shown. Renderer.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PermissionPane, PermissionStatus } from '../../../src/host/protocol/app-methods.js';
import { ErrorNotice, errorMessage } from '../../components/ErrorNotice.js';
import { Icon } from '../../components/Icon.js';
import { missingPermissions, PERMISSION_PANES, shouldPollPermissions } from '../../lib/permissions.js';
import { appMethods } from '../../transport/app-methods.js';

const POLL_MS = 2000;

// Laid out like the other sidebar cards (a column with gaps); rows put the status and its button on one line.
const COLUMN = { display: 'flex', flexDirection: 'column', gap: 'var(--space-3)' } as const;
const ROW = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  justifyContent: 'space-between',
  gap: 'var(--space-2)',
} as const;

/** Whether the page is shown at all (not a hidden or minimised window). */
function usePageVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const onChange = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
  return visible;
}

export function PermissionsPanel({ active }: { active: boolean }) {
  const { t } = useTranslation();
  const client = appMethods();
  const pageVisible = usePageVisible();
  const [status, setStatus] = useState<PermissionStatus | null>(null);
  const [failed, setFailed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const polling = client !== null && active && pageVisible && !dismissed && !failed && shouldPollPermissions(status);

  useEffect(() => {
    if (!polling || !client) return;
    let live = true;
    const ask = () =>
      client.call('permissions.status', {}).then(
        (next) => live && setStatus(next),
        // Nothing to show without a status; stop asking rather than fail every 2 s.
        () => live && setFailed(true),
      );
    void ask();
    const timer = setInterval(ask, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [polling, client]);

  const missing = missingPermissions(status);
  if (!client || dismissed || missing.length === 0) return null;

  const open = async (pane: PermissionPane) => {
    setError(null);
    try {
      await client.call('permissions.open', { pane });
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <section className="card" style={COLUMN} aria-labelledby="permissions-title" data-testid="permissions-panel">
      <h2 className="card-title" id="permissions-title">
        <Icon name="alert" />
        {t('permissions.title')}
      </h2>
      <p className="muted small">{t('permissions.hint')}</p>
      <ul style={COLUMN}>
        {PERMISSION_PANES.map((pane) => {
          const granted = !missing.includes(pane);
          return (
            <li key={pane} style={ROW} data-testid={`permission-${pane}`} data-granted={granted}>
              <span className={`test-result ${granted ? 'test-ok' : 'test-failed'}`}>
                <Icon name={granted ? 'check' : 'alert'} />
                <span>
                  {t(`permissions.${pane}`)} · {granted ? t('permissions.granted') : t('permissions.missing')}
                </span>
              </span>
              {!granted && (
                <button
                  type="button"
                  className="button button-small"
                  data-testid={`permission-open-${pane}`}
                  onClick={() => void open(pane)}
                >
                  {t('permissions.open')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <p className="muted small">{t('permissions.restartHint')}</p>
      <ErrorNotice message={error} testId="permissions-error" />
      <div className="button-row">
        <button type="button" className="button button-ghost button-small" onClick={() => setDismissed(true)}>
          {t('common.dismiss')}
        </button>
      </div>
    </section>
  );
}
