// The session list, virtualised (@tanstack/react-virtual) so thousands of sessions scroll smoothly. Renderer.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionRow } from '../../../src/host/protocol/host-api.js';
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
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  // Up/Down move the selection; the list scrolls to keep it in view.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const index = rows.findIndex((row) => row.id === selected);
    const next = Math.min(rows.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)));
    const row = rows[next];
    if (!row) return;
    onSelect(row.id);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-session-id="${row.id}"]`)?.focus());
  };

  return (
    <div className="session-list" ref={scroller} role="listbox" aria-label={t('sessions.list')} onKeyDown={onKeyDown}>
      <div className="virtual-space" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          return (
            <SessionRowItem
              key={row.id}
              row={row}
              selected={row.id === selected}
              onSelect={onSelect}
              style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
            />
          );
        })}
      </div>
    </div>
  );
}
