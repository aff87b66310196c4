// A loopback stand-in for the Hugging Face file endpoint: Range support, 404s, one dropped connection on demand. Node only (tests).
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface ModelFileServerOptions {
  /** The folder whose files are served. */
  dir: string;
  repo: string;
  revision?: string;
  /** Destroys the socket after `dropAfterBytes` body bytes of the first response for `path`; later ones are whole. */
  fault?: { path: string; dropAfterBytes: number };
}

/** One request as the server saw it. */
export interface LoggedRequest {
  method: string;
  /** The URL path, e.g. `/owner/name/resolve/main/config.json`. */
  url: string;
  /** The Range header, or null. */
  range: string | null;
  status: number;
  /** True for the response cut by `fault`. */
  dropped: boolean;
}

export interface ModelFileServer {
  /** The endpoint, e.g. `http://127.0.0.1:43121` (no trailing slash). */
  url: string;
  log: LoggedRequest[];
  close(): Promise<void>;
}

export async function startModelFileServer(options: ModelFileServerOptions): Promise<ModelFileServer> {
  const prefix = `/${options.repo}/resolve/${options.revision ?? 'main'}/`;
  const log: LoggedRequest[] = [];
  let fault = options.fault;
  const server = createServer((request, response) => {
    void serve(request, response).catch((error: unknown) => response.destroy(error as Error));
  });

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = request.url ?? '/';
    const entry: LoggedRequest = {
      method: request.method ?? 'GET',
      url,
      range: request.headers.range ?? null,
      status: 0,
      dropped: false,
    };
    log.push(entry);
    const path = url.startsWith(prefix) ? decodeURIComponent(url.slice(prefix.length)) : null;
    const bytes =
      path === null || path.split('/').includes('..')
        ? null
        : await readFile(join(options.dir, path)).catch(() => null);
    if (bytes === null) return end(response, entry, 404, {}, Buffer.from('Entry not found'));
    const range = parseRange(entry.range, bytes.length);
    if (range === 'unsatisfiable') {
      return end(response, entry, 416, { 'Content-Range': `bytes */${bytes.length}` }, Buffer.alloc(0));
    }
    const { start, end: last } = range ?? { start: 0, end: bytes.length - 1 };
    const status = range === null ? 200 : 206;
    const body = bytes.subarray(start, last + 1);
    const headers: Record<string, string> = { 'Accept-Ranges': 'bytes', 'Content-Type': 'application/octet-stream' };
    if (status === 206) headers['Content-Range'] = `bytes ${start}-${last}/${bytes.length}`;
    if (fault && fault.path === path) {
      const cut = Math.min(fault.dropAfterBytes, body.length);
      fault = undefined;
      entry.dropped = true;
      entry.status = status;
      response.writeHead(status, { ...headers, 'Content-Length': String(body.length) });
      // Cut a moment after the bytes left: a fetch body that errors drops the chunks still queued in it (WHATWG
      // streams; Node 22's undici often queues all of them), which would leave the client nothing to resume from.
      response.write(body.subarray(0, cut), () => setTimeout(() => response.socket?.destroy(), 150));
      return;
    }
    end(response, entry, status, headers, body);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function end(
  response: ServerResponse,
  entry: LoggedRequest,
  status: number,
  headers: Record<string, string>,
  body: Buffer,
): void {
  entry.status = status;
  response.writeHead(status, { ...headers, 'Content-Length': String(body.length) });
  response.end(body);
}

/** A single `bytes=N-` or `bytes=N-M` range, clamped to the file; null without one (serve the whole file). */
function parseRange(header: string | null, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const match = /^bytes=(\d+)-(\d*)$/.exec(header ?? '');
  if (!match) return null;
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  return start >= size || end < start ? 'unsatisfiable' : { start, end };
}
