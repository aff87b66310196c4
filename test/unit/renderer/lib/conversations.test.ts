import { describe, expect, it } from 'vitest';
import type { SessionRow } from '../../../../src/host/protocol/host-api.js';
import { groupConversations, visibleSessions } from '../../../../renderer/lib/conversations.js';

function row(id: string, startedAt: string, conversationId?: string): SessionRow {
  return {
    id,
    task: `task ${id}`,
    backend: 'openai',
    model: 'glm',
    startedAt,
    endedAt: startedAt,
    outcome: 'done',
    steps: 1,
    ...(conversationId && { conversationId }),
  };
}

const summary = (items: ReturnType<typeof groupConversations>) =>
  items.map((item) => `${item.row.id}:${item.followUp ? 'follow-up' : `first+${item.followUps}`}`);

describe('groupConversations', () => {
  it('leaves sessions without follow-ups as they are, newest first', () => {
    const rows = [row('b', '2026-11-21T10:00:00Z'), row('a', '2026-11-21T09:00:00Z')];
    expect(summary(groupConversations(rows))).toEqual(['b:first+0', 'a:first+0']);
  });

  it('lists follow-ups under their first run, oldest first, the conversation placed by its newest run', () => {
    const rows = [
      row('a2', '2026-11-21T12:00:00Z', 'a'),
      row('b', '2026-11-21T11:00:00Z'),
      row('a1', '2026-11-21T10:30:00Z', 'a'),
      row('a', '2026-11-21T10:00:00Z'),
      row('c', '2026-11-21T09:00:00Z'),
    ];
    expect(summary(groupConversations(rows))).toEqual([
      'a:first+2',
      'a1:follow-up',
      'a2:follow-up',
      'b:first+0',
      'c:first+0',
    ]);
    expect(groupConversations(rows).map((item) => item.conversationId)).toEqual(['a', 'a', 'a', 'b', 'c']);
  });

  it('heads a conversation by its earliest listed run when the first run is filtered out or deleted', () => {
    const rows = [row('a2', '2026-11-21T12:00:00Z', 'a'), row('a1', '2026-11-21T10:30:00Z', 'a')];
    expect(summary(groupConversations(rows))).toEqual(['a1:first+1', 'a2:follow-up']);
  });
});

describe('visibleSessions', () => {
  it('hides the follow-ups of collapsed conversations and keeps their first run', () => {
    const items = groupConversations([
      row('a1', '2026-11-21T10:30:00Z', 'a'),
      row('a', '2026-11-21T10:00:00Z'),
      row('c', '2026-11-21T09:00:00Z'),
    ]);
    expect(visibleSessions(items, new Set(['a'])).map((item) => item.row.id)).toEqual(['a', 'c']);
    expect(visibleSessions(items, new Set()).map((item) => item.row.id)).toEqual(['a', 'a1', 'c']);
  });
});
