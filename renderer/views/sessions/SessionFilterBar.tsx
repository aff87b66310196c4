// Search and filters of the session list: task text, outcome, backend, date since. Renderer.
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon.js';
import { SESSION_OUTCOMES, type SessionFilters, type SessionOutcome } from '../../lib/session-query.js';

export interface SessionFilterBarProps {
  filters: SessionFilters;
  backends: string[];
  count: number | null;
  onChange: (filters: SessionFilters) => void;
  onRefresh: () => void;
}

export function SessionFilterBar({ filters, backends, count, onChange, onRefresh }: SessionFilterBarProps) {
  const { t } = useTranslation();
  const set = (update: Partial<SessionFilters>) => onChange({ ...filters, ...update });

  return (
    <div className="filter-bar">
      <div className="search">
        <Icon name="search" className="search-icon" />
        <input
          className="input search-input"
          type="search"
          data-testid="session-search"
          aria-label={t('sessions.search')}
          placeholder={t('sessions.searchPlaceholder')}
          value={filters.query}
          onChange={(event) => set({ query: event.target.value })}
        />
      </div>
      <div className="filter-row">
        <select
          className="input select select-small"
          data-testid="session-outcome-filter"
          aria-label={t('sessions.outcome')}
          value={filters.outcome}
          onChange={(event) => set({ outcome: event.target.value as SessionOutcome | '' })}
        >
          <option value="">{t('sessions.anyOutcome')}</option>
          {SESSION_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`outcome.${outcome}`)}
            </option>
          ))}
        </select>
        <select
          className="input select select-small"
          data-testid="session-backend-filter"
          aria-label={t('sessions.backend')}
          value={filters.backend}
          onChange={(event) => set({ backend: event.target.value })}
        >
          <option value="">{t('sessions.anyBackend')}</option>
          {backends.map((backend) => (
            <option key={backend} value={backend}>
              {backend}
            </option>
          ))}
        </select>
        <label className="filter-since">
          {t('sessions.since')}
          <input
            className="input select-small"
            type="date"
            data-testid="session-since-filter"
            value={filters.since}
            onChange={(event) => set({ since: event.target.value })}
          />
        </label>
      </div>
      <div className="filter-summary">
        <span className="muted small" data-testid="session-count">
          {count === null ? t('app.loading') : t('sessions.count', { count })}
        </span>
        <button type="button" className="button button-ghost button-small" onClick={onRefresh}>
          <Icon name="refresh" />
          {t('sessions.refresh')}
        </button>
      </div>
    </div>
  );
}
