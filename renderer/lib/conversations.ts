// The session list grouped by conversation: a first run, then its follow-up instructions under it. Pure; renderer.
import type { SessionRow } from '../../src/host/protocol/host-api.js';

/** One row of the grouped list. */
export interface ListedSession {
  row: SessionRow;
  /** The conversation's key: the session id of its first run. */
  conversationId: string;
  /** True for a follow-up, listed (indented) under the conversation's first run. */
  followUp: boolean;
  /** On a conversation's first row: how many follow-ups are listed under it. */
  followUps: number;
}

/**
 * Groups newest-first rows by conversation. Conversations keep the order of their newest run; inside one the first
 * run comes first and its follow-ups follow in the order they ran. A conversation whose first run is not listed
 * (filtered out or deleted) is headed by its earliest listed run.
 */
export function groupConversations(rows: readonly SessionRow[]): ListedSession[] {
  const conversations = new Map<string, SessionRow[]>();
  for (const row of rows) {
    const key = row.conversationId ?? row.id;
    conversations.set(key, [...(conversations.get(key) ?? []), row]);
  }
  return [...conversations].flatMap(([conversationId, members]) => {
    const ordered = members.toSorted((a, b) => a.startedAt.localeCompare(b.startedAt));
    const first = ordered.find((row) => row.id === conversationId) ?? ordered[0]!;
    const followUps = ordered.filter((row) => row !== first);
    return [
      { row: first, conversationId, followUp: false, followUps: followUps.length },
      ...followUps.map((row) => ({ row, conversationId, followUp: true, followUps: 0 })),
    ];
  });
}

/** The rows on screen: a collapsed conversation shows only its first row. */
export function visibleSessions(items: readonly ListedSession[], collapsed: ReadonlySet<string>): ListedSession[] {
  return items.filter((item) => !item.followUp || !collapsed.has(item.conversationId));
}
