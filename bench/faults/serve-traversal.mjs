// Path traversal on every file-serving route of `deskhand serve`, with the token: dots in every encoding, backslashes,
// absolute paths, NUL bytes, overlong UTF-8, device names, and links planted in session folders. Held: a 4xx (or, for
// an export of a linked session, a report without it) and no byte of the canary. Node only.
import { relative } from 'node:path';
import { tally } from './tally.mjs';
import { request } from './serve-process.mjs';
import { canaryIn, PLAIN_SESSION } from './serve-site.mjs';

/** The relative path from the UI folder to the canary, spelled the ways a traversal hides its dots and slashes. */
function staticPaths(rendererDir, canary) {
  const climb = relative(rendererDir, canary);
  const spell = (dots, slash) => climb.replaceAll('..', dots).replaceAll('/', slash);
  return [
    `/${climb}`,
    `/${spell('%2e%2e', '/')}`,
    `/${spell('%2E%2E', '%2F')}`,
    `/${spell('%252e%252e', '%252f')}`,
    `/${spell('..', '%2f')}`,
    `/${spell('..', '\\')}`,
    `/${spell('..', '%5c')}`,
    `/${spell('.%2e', '/')}`,
    `/${spell('%c0%ae%c0%ae', '%c0%af')}`,
    `/${spell('%ef%bc%8e%ef%bc%8e', '/')}`,
    `/assets/${spell('..', '%2f')}`,
    `/${encodeURIComponent(canary)}`,
    `//${canary}`,
    `/${climb}%00.png`,
    `/index.html%00`,
    `/%00`,
    `/${spell('....', '/')}`,
  ];
}

/** Session ids and frame names for /frames/<id>/<frame> that try to leave the sessions folder or name a device. */
function framePaths(sessionsDir, canary) {
  const climb = encodeURIComponent(relative(sessionsDir, canary));
  const frame = 'frames/0001.png';
  const ids = [
    '%2e%2e',
    '.',
    '..%2f..%2foutside',
    climb,
    encodeURIComponent(canary),
    'CON',
    'NUL',
    'COM1',
    'nul.png',
    '%00',
    `${PLAIN_SESSION}%00`,
    PLAIN_SESSION.slice(0, 8),
    '.%2e',
    '%5c..%5c..',
    'linked-file',
    'linked-folder',
  ];
  return [
    ...ids.map((id) => `/frames/${id}/${frame}`),
    `/frames/${PLAIN_SESSION}/frames/0001.png%00.jpg`,
    `/frames/${PLAIN_SESSION}/frames/..%2f..%2f..%2foutside%2fsecret.png`,
    `/frames/${PLAIN_SESSION}/frames%2f..%2f..%2flinked-file%2fframes%2f0001.png`,
  ];
}

/** Export names: climbs and devices are refused; the linked sessions export, but without the canary. */
function exportPaths(canary) {
  const ids = ['%2e%2e', '..%2f..%2foutside', encodeURIComponent(canary), 'CON', 'NUL', '%00', '.%2e', '%5c..'];
  return [
    ...ids.flatMap((id) => [`/exports/${id}.html`, `/exports/${id}.zip`]),
    ...['linked-file', 'linked-folder'].flatMap((id) => [`/exports/${id}.html`, `/exports/${id}.zip`]),
  ];
}

/** Null when the answer holds no byte of the canary and is a 4xx (a linked session's export may be a 200). */
function held(response, path, site) {
  const leaked = canaryIn(response.body, site);
  if (leaked) return `${path} answered ${response.status} with ${leaked}`;
  const linkedExport = /^\/exports\/linked-/.test(path);
  if (linkedExport && response.status === 200) return null;
  return response.status >= 400 && response.status < 500 ? null : `${path} answered ${response.status}`;
}

export async function traversalAttacks(results, serve, site) {
  const paths = [
    ...staticPaths(site.rendererDir, site.canary),
    ...framePaths(site.sessionsDir, site.canary),
    ...exportPaths(site.canary),
  ];
  for (const path of paths) {
    await tally(results, 'serve: traversal', async () => {
      const separator = path.includes('?') ? '&' : '?';
      const response = await request(serve, { path: `${path}${separator}token=${serve.token}` });
      return held(response, path, site);
    });
  }
}
