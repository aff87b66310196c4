// Browser mode: the built UI and the AgentHost API over WebSocket, on 127.0.0.1 only, behind a token. Node only.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { ClientMessage } from './protocol/host-api.js';
import type { AgentHost } from './host-service.js';
import { IMPORTS_PATH, parseExportPath } from './protocol/session-transfer.js';
import { sendRefusal, sendRefusalStylesheet } from './refusal-page.js';
import { newServeToken } from './serve-identity.js';
import { REFUSAL_STYLESHEET_PATH, refusal, requestToken, tokenCookie } from './web-auth.js';
import { SECURITY_HEADERS, sendText } from './web-responses.js';
import { receiveSessionImport, sendSessionExport } from './web-session-transfer.js';

/** Larger messages are refused: no API call needs more. */
const MAX_MESSAGE_BYTES = 1024 * 1024;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export interface WebHost {
  /** The URL to open, with the token. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startWebHost(options: {
  host: AgentHost;
  rendererDir: string;
  port?: number;
  token?: string;
}): Promise<WebHost> {
  const token = options.token ?? newServeToken();
  let port = 0;
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const server = createServer((request, response) => {
    const why = refusal(request, token, port);
    if (why) return sendRefusal(request, response, why);
    void serveHttp(request, response, options).catch(() => sendText(response, 500, 'Internal error.'));
  });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/api' || refusal(request, token, port)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (webSocket) => bindSocket(webSocket, options.host));
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
    },
  };
}

/** One WebSocket client: calls in, replies and events out; a bad message gets an error reply and changes nothing. */
function bindSocket(socket: WebSocket, host: AgentHost): void {
  const send = (message: unknown) => socket.readyState === socket.OPEN && socket.send(JSON.stringify(message));
  const unsubscribe = host.onEvent((event, seq) => send({ seq, event }));
  socket.on('close', unsubscribe);
  // Oversized or malformed frames: ws closes the connection (1009/1002); the host itself is unaffected.
  socket.on('error', () => socket.terminate());
  socket.on('message', (data, isBinary) => {
    const message = isBinary ? undefined : parseJson(data.toString());
    const parsed = ClientMessage.safeParse(message);
    if (!parsed.success) {
      send({ id: null, error: { code: 'invalid-params', message: 'Messages must be JSON {id, method, params}.' } });
      return;
    }
    void host.dispatch(parsed.data.method, parsed.data.params).then((reply) => send({ id: parsed.data.id, ...reply }));
  });
}

async function serveHttp(
  request: IncomingMessage,
  response: ServerResponse,
  options: { host: AgentHost; rendererDir: string },
) {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  // A malformed %-escape is the client's mistake (400), not a server failure.
  if (!decodesCleanly(url.pathname)) return sendText(response, 400, 'Malformed %-escape in the path.');
  if (url.pathname === REFUSAL_STYLESHEET_PATH) return sendRefusalStylesheet(response);
  if (url.pathname === IMPORTS_PATH && request.method === 'POST')
    return receiveSessionImport(request, response, options.host);
  if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Only GET.');
  const exported = parseExportPath(url.pathname);
  if (exported) return sendSessionExport(request, response, options.host, exported);
  const frame = /^\/frames\/([^/]+)\/(frames\/\d{4,}\.(?:jpg|png))$/.exec(url.pathname);
  if (frame) {
    const file = await options.host.frameFile(decodeURIComponent(frame[1]!), frame[2]!);
    return file ? sendFile(response, file, 'private, max-age=3600') : sendText(response, 404, 'No such frame.');
  }
  const root = resolve(options.rendererDir);
  const file = resolve(join(root, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)));
  if (!file.startsWith(root + sep)) return sendText(response, 404, 'Not found.');
  const isPage = file.endsWith('.html');
  // The first page load carries the token in its URL; the cookie lets the page's own requests carry it too.
  if (isPage && requestToken(request)) response.setHeader('set-cookie', tokenCookie(requestToken(request)!));
  return sendFile(response, file, isPage ? 'no-store' : 'no-cache');
}

function decodesCleanly(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

async function sendFile(response: ServerResponse, file: string, cacheControl: string): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return sendText(response, 404, 'Not found.');
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': cacheControl,
  });
  createReadStream(file).pipe(response);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
