// Serves app:// (renderer, overlay pages, session frames), refusing path traversal. Electron main process.
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import {
  IMPORTS_PATH,
  parseExportPath,
  type SessionExportFormat,
  type SessionImportReply,
} from '../../src/host/protocol/session-transfer.js';
import type { SessionExportFile } from '../../src/host/session-transfer.js';
import { CONTENT_SECURITY_POLICY } from '../windows/secure-web-preferences.js';
import { exportResponse, importResponse } from './session-transfer-responses.js';

/** Our scheme and the one host every page lives on, so that every page shares one origin. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'deskhand';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/**
 * Path prefixes of the overlay pages (out/widget) and of session frames (`/frames/<sessionId>/frames/0001.jpg`).
 * Session exports (`/exports/<id>.<html|zip>`) and uploads (POST `/imports`) use the paths browser mode serves.
 */
export const OVERLAY_PREFIX = '/overlay/';
export const FRAMES_PREFIX = '/frames/';

/** Where the built files are, under the app's root folder (the asar archive when packaged). */
export interface AppRoots {
  renderer: string;
  overlay: string;
}

/** What one app:// URL names. */
export type AppTarget =
  | { kind: 'file'; path: string }
  | { kind: 'frame'; sessionId: string; frame: string }
  | { kind: 'export'; sessionId: string; format: SessionExportFormat }
  | { kind: 'import' }
  | { kind: 'refused' };

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The MIME type of a file by extension; unknown extensions are served as opaque bytes. */
export function mimeType(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Splits a URL path into decoded segments, or null when any segment could climb out of its folder or hide a
 * separator: '..', '.', empty segments, encoded slashes or backslashes, NUL, malformed escapes.
 */
export function safeSegments(pathname: string): string[] | null {
  const raw = pathname.split('/').slice(1);
  const segments: string[] = [];
  for (const segment of raw) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return null;
    }
    if (decoded === '' || decoded === '.' || decoded === '..' || /[/\\\0]/.test(decoded)) return null;
    segments.push(decoded);
  }
  return segments;
}

/** Joins segments under `root`, or null when the result is not inside it (a last check after `safeSegments`). */
function inside(root: string, segments: string[]): string | null {
  const path = join(root, ...segments);
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return null;
  return path;
}

/** Decides what an app:// URL names; anything not of our origin, or that climbs out of its folder, is refused. */
export function resolveAppUrl(url: string, roots: AppRoots): AppTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'refused' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host.toLowerCase() !== APP_HOST) return { kind: 'refused' };
  const pathname = parsed.pathname === '/' || parsed.pathname === '' ? '/index.html' : parsed.pathname;
  if (pathname === IMPORTS_PATH) return { kind: 'import' };
  const exported = parseExportPath(pathname);
  if (exported) return { kind: 'export', ...exported };
  if (pathname.startsWith(FRAMES_PREFIX)) {
    const segments = safeSegments(pathname.slice(FRAMES_PREFIX.length - 1));
    if (!segments || segments.length < 2) return { kind: 'refused' };
    const [sessionId, ...frame] = segments as [string, ...string[]];
    return { kind: 'frame', sessionId, frame: frame.join('/') };
  }
  const overlay = pathname.startsWith(OVERLAY_PREFIX);
  const segments = safeSegments(overlay ? pathname.slice(OVERLAY_PREFIX.length - 1) : pathname);
  const path = segments && inside(overlay ? roots.overlay : roots.renderer, segments);
  return path ? { kind: 'file', path } : { kind: 'refused' };
}

/** What the handler needs from the host and the disk; tests pass fakes. */
export interface AppProtocolDeps {
  roots: AppRoots;
  /** The file behind a frame of a known session, or null (AgentHost.frameFile). */
  frameFile(sessionId: string, frame: string): Promise<string | null>;
  /** A session export in a temp file, or null (AgentHost.exportFile). */
  exportFile(sessionId: string, format: SessionExportFormat): Promise<SessionExportFile | null>;
  /** Imports an uploaded archive from the temp file it was streamed into (AgentHost.importArchiveFile). */
  importArchiveFile(path: string): Promise<SessionImportReply>;
  /** The largest upload read; larger ones are refused (MAX_IMPORT_BYTES: what the importer could accept). */
  maxImportBytes: number;
  readFile?: (path: string) => Promise<Uint8Array>;
}

function notFound(status = 404): Response {
  return new Response(null, { status, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
}

/** The handler for `protocol.handle('app', …)`: GET and HEAD (POST /imports only), files with a MIME type and CSP. */
export function createAppRequestHandler(deps: AppProtocolDeps): (request: Request) => Promise<Response> {
  const read = deps.readFile ?? ((path: string) => readFile(path));
  return async (request) => {
    const target = resolveAppUrl(request.url, deps.roots);
    if (target.kind === 'import')
      return request.method === 'POST'
        ? importResponse(request, deps.importArchiveFile, deps.maxImportBytes)
        : notFound(405);
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound(405);
    if (target.kind === 'refused') return notFound();
    if (target.kind === 'export') {
      const file = await deps.exportFile(target.sessionId, target.format);
      return file ? exportResponse(file, request.method) : notFound();
    }
    const path = target.kind === 'file' ? target.path : await deps.frameFile(target.sessionId, target.frame);
    if (path === null) return notFound();
    let body: Uint8Array;
    try {
      body = await read(path);
    } catch {
      return notFound();
    }
    const headers = {
      'Content-Type': mimeType(path),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': target.kind === 'frame' ? 'private, max-age=3600' : 'no-cache',
    };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
