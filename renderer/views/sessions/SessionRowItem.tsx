// One session in the list: its task, outcome, step count, backend and start time; a follow-up is indented under its
// conversation's first run, which can fold its follow-ups away. Renderer.
import { memo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon.js';
import type { ListedSession } from '../../lib/conversations.js';
import { formatShortDateTime } from '../../lib/format-date.js';
import { OutcomeBadge } from './OutcomeBadge.js';

export interface SessionRowItemProps {
  item: ListedSession;
  selected: boolean;
  /** Whether this row's conversation has its follow-ups folded away. */
  collapsed: boolean;
  onSelect: (id: string) => void;
  onToggle: (conversationId: string) => void;
  style: CSSProperties;
}

export const SessionRowItem = memo(function SessionRowItem(props: SessionRowItemProps) {
  const { item, selected, collapsed, onSelect, onToggle, style } = props;
  const { row } = item;
  const { t, i18n } = useTranslation();
  return (
    <div
      className={`session-row ${selected ? 'is-selected' : ''} ${item.followUp ? 'is-follow-up' : ''}`}
      style={style}
      role="option"
      aria-selected={selected}
      aria-level={item.followUp ? 2 : 1}
      tabIndex={selected ? 0 : -1}
      data-testid="session-row"
      data-session-id={row.id}
      data-conversation-id={item.conversationId}
      data-follow-up={item.followUp}
      onClick={() => onSelect(row.id)}
      onKeyDown={(event) => (event.key === 'Enter' || event.key === ' ') && (event.preventDefault(), onSelect(row.id))}
    >
      <div className="session-row-top">
        {item.followUp && (
          <span className="follow-up-mark" title={t('sessions.followUp')}>
            <Icon name="follow-up" label={t('sessions.followUp')} />
          </span>
        )}
        <span className="session-task">{row.task}</span>
        {item.followUps > 0 && (
          <button
            type="button"
            className="conversation-toggle"
            data-testid="conversation-toggle"
            aria-expanded={!collapsed}
            title={collapsed ? t('sessions.showFollowUps') : t('sessions.hideFollowUps')}
            onClick={(event) => (event.stopPropagation(), onToggle(item.conversationId))}
          >
            <Icon name="chevron" className={collapsed ? '' : 'is-open'} />
            {t('sessions.followUps', { count: item.followUps })}
          </button>
        )}
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
