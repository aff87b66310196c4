// One session in the list: its task, outcome, step count, backend and start time. Renderer.
import { memo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionRow } from '../../../src/host/protocol/host-api.js';
import { formatShortDateTime } from '../../lib/format-date.js';
import { OutcomeBadge } from './OutcomeBadge.js';

export interface SessionRowItemProps {
  row: SessionRow;
  selected: boolean;
  onSelect: (id: string) => void;
  style: CSSProperties;
}

export const SessionRowItem = memo(function SessionRowItem({ row, selected, onSelect, style }: SessionRowItemProps) {
  const { t, i18n } = useTranslation();
  return (
    <div
      className={`session-row ${selected ? 'is-selected' : ''}`}
      style={style}
      role="option"
      aria-selected={selected}
      tabIndex={selected ? 0 : -1}
      data-testid="session-row"
      data-session-id={row.id}
      onClick={() => onSelect(row.id)}
      onKeyDown={(event) => (event.key === 'Enter' || event.key === ' ') && (event.preventDefault(), onSelect(row.id))}
    >
      <div className="session-row-top">
        <span className="session-task">{row.task}</span>
      </div>
      <div className="session-row-meta">
        <OutcomeBadge outcome={row.endedAt ? row.outcome : 'running'} />
        <span>{t('outcome.steps', { count: row.steps })}</span>
        <span className="session-backend">{row.model || row.backend}</span>
        <span className="session-date">{formatShortDateTime(row.startedAt, i18n.language)}</span>
      </div>
    </div>
  );
});
