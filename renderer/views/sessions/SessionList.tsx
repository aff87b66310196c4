// The session list, grouped by conversation (follow-ups under their first run) and virtualised
// (@tanstack/react-virtual) so thousands of sessions scroll smoothly. Renderer.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionRow } from '../../../src/host/protocol/host-api.js';
import { groupConversations, visibleSessions } from '../../lib/conversations.js';
import { SessionRowItem } from './SessionRowItem.js';

const ROW_HEIGHT = 68;

export interface SessionListProps {
  rows: SessionRow[];
  selected: string | null;
  onSelect: (id: string) => void;
}

export function SessionList({ rows, selected, onSelect }: SessionListProps) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const items = useMemo(() => visibleSessions(groupConversations(rows), collapsed), [rows, collapsed]);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const toggle = useCallback(
    (conversationId: string) =>
      setCollapsed((current) => {
        const next = new Set(current);
        if (!next.delete(conversationId)) next.add(conversationId);
        return next;
      }),
    [],
  );

  // Up/Down move the selection through the rows on screen; the list scrolls to keep it in view.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const index = items.findIndex((item) => item.row.id === selected);
    const next = Math.min(items.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)));
    const row = items[next]?.row;
    if (!row) return;
    onSelect(row.id);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-session-id="${row.id}"]`)?.focus());
  };

  return (
    <div className="session-list" ref={scroller} role="listbox" aria-label={t('sessions.list')} onKeyDown={onKeyDown}>
      <div className="virtual-space" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((virtual) => {
          const item = items[virtual.index]!;
          return (
            <SessionRowItem
              key={item.row.id}
              item={item}
              selected={item.row.id === selected}
              collapsed={collapsed.has(item.conversationId)}
              onSelect={onSelect}
              onToggle={toggle}
              style={{ height: ROW_HEIGHT, transform: `translateY(${virtual.start}px)` }}
            />
          );
        })}
      </div>
    </div>
  );
}
