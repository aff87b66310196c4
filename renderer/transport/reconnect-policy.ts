// Where the WebSocket API lives and how long to wait before reconnecting. Pure; renderer.

/** The API's URL for a page served by `deskhand serve` at http://127.0.0.1:PORT/?token=T. */
export function apiUrl(location: { protocol: string; host: string; search: string }): string {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api?token=${encodeURIComponent(token)}`;
}

/** Milliseconds to wait before reconnect attempt `attempt` (0-based): 0.5 s doubling to at most 10 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(10_000, 500 * 2 ** Math.max(0, attempt));
}
