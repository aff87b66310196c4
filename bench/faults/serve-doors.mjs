// Who may talk to `deskhand serve`: every route tried without the token, with a wrong one or one in the wrong place,
// and with the token from a foreign Origin or Host (DNS rebinding). Held: 403 with nothing in it. Node only.
import { randomBytes } from 'node:crypto';
import { zipSync } from 'fflate';
import { tally } from './tally.mjs';
import { request } from './serve-process.mjs';
import { PLAIN_SESSION, refusedEmpty } from './serve-site.mjs';

const UPGRADE = {
  upgrade: 'websocket',
  connection: 'Upgrade',
  'sec-websocket-version': '13',
  'sec-websocket-key': randomBytes(16).toString('base64'),
};

/** Every route serve has, as a request with the token in the query; `body` is a fresh archive for the upload. */
function routes(assetPath) {
  const upload = () => zipSync({ 'session.json': new Uint8Array(0) });
  return [
    { name: 'the page', method: 'GET', path: '/', accept: 'text/html' },
    { name: 'an asset', method: 'GET', path: assetPath },
    { name: 'a frame', method: 'GET', path: `/frames/${PLAIN_SESSION}/frames/0001.png` },
    { name: 'an HTML export', method: 'GET', path: `/exports/${PLAIN_SESSION}.html` },
    { name: 'a ZIP export', method: 'GET', path: `/exports/${PLAIN_SESSION}.zip` },
    { name: 'an export (HEAD)', method: 'HEAD', path: `/exports/${PLAIN_SESSION}.zip` },
    { name: 'an upload', method: 'POST', path: '/imports', body: upload },
    { name: 'the API socket', method: 'GET', path: '/api', headers: UPGRADE, websocket: true },
  ];
}

/** Ways of carrying no token, a wrong one, or the right one where serve does not look for it. */
function tokenVariants(token) {
  const other = randomBytes(token.length / 2).toString('hex');
  return [
    { name: 'no token' },
    { name: 'an empty token', query: 'token=' },
    { name: 'a wrong token of the same length', query: `token=${other}` },
    { name: 'the token less its last digit', query: `token=${token.slice(0, -1)}` },
    { name: 'the token in capitals', query: `token=${token.toUpperCase()}` },
    { name: 'the token and a NUL', query: `token=${token}%00` },
    { name: 'a wrong token before the right one', query: `token=${other}&token=${token}` },
    { name: 'the token as a Bearer header', headers: { authorization: `Bearer ${token}` } },
    { name: 'the token in a cookie of another name', headers: { cookie: `token=${token}` } },
    { name: 'a wrong token in the cookie', headers: { cookie: `deskhand_token=${other}` } },
  ];
}

function send(serve, route, { query, headers = {} }) {
  const path = query ? `${route.path}?${query}` : route.path;
  const body = route.body ? Buffer.from(route.body()) : '';
  const accept = route.accept ? { accept: route.accept } : {};
  return request(serve, { method: route.method, path, headers: { ...accept, ...route.headers, ...headers }, body });
}

/** With the right token every route answers (so a refusal below is the door's doing), else why not. */
async function controlsAnswer(serve, list) {
  for (const route of list) {
    const response = await send(serve, route, { query: `token=${serve.token}` });
    const expected = route.websocket ? 101 : route.method === 'POST' ? 400 : 200;
    if (response.status !== expected) return `${route.name} with the right token answered ${response.status}`;
  }
  return null;
}

export async function authAttacks(results, serve, site) {
  const list = routes(site.assetPath);
  const control = await controlsAnswer(serve, list);
  for (const route of list) {
    for (const variant of tokenVariants(serve.token)) {
      await tally(results, 'serve: auth', async () => {
        if (control) return `the attack proves nothing: ${control}`;
        const before = await site.sessionIds();
        const why = refusedEmpty(await send(serve, route, variant), site, serve);
        const after = await site.sessionIds();
        if (why) return `${route.name} with ${variant.name}: ${why}`;
        return before.join() === after.join() ? null : `${route.name} with ${variant.name} changed the sessions`;
      });
    }
  }
}

/** Host names a rebinding page could make the browser send, and origins of other sites. */
function foreignHeaders(port) {
  const hosts = [
    'evil.example',
    `evil.example:${port}`,
    '127.0.0.1',
    `127.0.0.1:${port + 1}`,
    `localhost.evil.example:${port}`,
    `127.0.0.1.nip.io:${port}`,
    `[::1]:${port}`,
    `0.0.0.0:${port}`,
  ];
  const origins = [
    'http://evil.example',
    'null',
    `http://127.0.0.1:${port + 1}`,
    `https://127.0.0.1:${port}`,
    `http://127.0.0.1:${port}.evil.example`,
    'file://',
  ];
  return [
    ...hosts.map((host) => ({ name: `Host ${host}`, headers: { host } })),
    ...origins.map((origin) => ({ name: `Origin ${origin}`, headers: { origin } })),
  ];
}

export async function originAttacks(results, serve, site) {
  const list = routes(site.assetPath).filter((route) =>
    ['the page', 'a frame', 'an upload', 'the API socket', 'an HTML export'].includes(route.name),
  );
  for (const route of list) {
    for (const foreign of foreignHeaders(serve.port)) {
      await tally(results, 'serve: origin and host', async () => {
        const before = await site.sessionIds();
        const response = await send(serve, route, { query: `token=${serve.token}`, headers: foreign.headers });
        const why = refusedEmpty(response, site, serve);
        if (why) return `${route.name} with ${foreign.name}: ${why}`;
        const after = await site.sessionIds();
        return before.join() === after.join() ? null : `${route.name} with ${foreign.name} changed the sessions`;
      });
    }
  }
}
