// Recorded sessions: a filterable, virtualised list on the left and the step-by-step player on the right. Renderer.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Icon } from '../../components/Icon.js';
import { NO_FILTERS, type SessionFilters } from '../../lib/session-query.js';
import { Player } from './Player.js';
import { SessionFilterBar } from './SessionFilterBar.js';
import { SessionImportButton } from './SessionImportButton.js';
import { SessionList } from './SessionList.js';
import { useSessionList } from './use-session-list.js';

export function SessionsView() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<SessionFilters>(NO_FILTERS);
  const [selected, setSelected] = useState<string | null>(null);
  const { rows, error, reload, remove } = useSessionList(filters);
  const [knownBackends, setKnownBackends] = useState<string[]>([]);
  const filtered = filters !== NO_FILTERS && JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  // The backend filter offers every backend seen so far, so choosing one does not empty its own list.
  const backends = useMemo(() => {
    const seen = new Set([...knownBackends, ...(rows ?? []).map((row) => row.backend)]);
    return [...seen].sort();
  }, [knownBackends, rows]);
  if (backends.length !== knownBackends.length) setKnownBackends(backends);

  return (
    <div className="sessions-view">
      <aside className="sessions-sidebar" aria-label={t('sessions.list')}>
        <SessionFilterBar
          filters={filters}
          backends={backends}
          onChange={setFilters}
          count={rows?.length ?? null}
          onRefresh={reload}
        />
        <SessionImportButton
          onImported={(sessionId) => {
            // The imported session may not match the filters; clearing them shows it in the list it is selected in.
            setFilters(NO_FILTERS);
            reload();
            setSelected(sessionId);
          }}
        />
        <ErrorNotice message={error} testId="sessions-error" />
        {rows && rows.length === 0 ? (
          <div className="empty-state empty-state-small">
            <p>{filtered ? t('sessions.noMatch') : t('sessions.empty')}</p>
            {filtered && (
              <button type="button" className="button button-small" onClick={() => setFilters(NO_FILTERS)}>
                {t('sessions.clearFilters')}
              </button>
            )}
          </div>
        ) : (
          <SessionList rows={rows ?? []} selected={selected} onSelect={setSelected} />
        )}
      </aside>
      <section className="sessions-main">
        {selected ? (
          <Player
            key={selected}
            sessionId={selected}
            onDeleted={() => {
              remove(selected);
              setSelected(null);
            }}
          />
        ) : (
          <div className="empty-state">
            <Icon name="history" className="empty-icon" />
            <p>{t('sessions.pick')}</p>
          </div>
        )}
      </section>
    </div>
  );
}
