// Who may talk to browser mode: the holder of the token, from our own origin, on loopback. Node only.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'deskhand_token';

/** The refusal page's stylesheet: the one path served without the token (it holds nothing but colours). */
export const REFUSAL_STYLESHEET_PATH = '/refused.css';

/** Why a request was refused. */
export type Refusal = 'wrong host' | 'foreign origin' | 'missing or wrong token';

function sameToken(candidate: string | null | undefined, token: string): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(request: IncomingMessage): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return value.join('=');
  }
  return null;
}

/** The token a request carries, in its query (?token=) or in the cookie the first page load set. */
export function requestToken(request: IncomingMessage): string | null {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  return url.searchParams.get('token') ?? cookieToken(request);
}

/** Why a request is refused, or null when it may go ahead. */
export function refusal(request: IncomingMessage, token: string, port: number): Refusal | null {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  // A foreign Host header means DNS rebinding: a web page aiming its own name at our port.
  if (!allowedHosts.includes(request.headers.host ?? '')) return 'wrong host';
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedHosts.some((host) => origin === `http://${host}`)) return 'foreign origin';
  const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  if (path === REFUSAL_STYLESHEET_PATH && request.method === 'GET') return null;
  if (!sameToken(requestToken(request), token)) return 'missing or wrong token';
  return null;
}

/** The Set-Cookie value that lets the page's own asset, frame and WebSocket requests carry the token. */
export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
