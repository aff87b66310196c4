// Malformed requests to `deskhand serve`, with the token: bad %-escapes, unknown methods, oversized lines and headers,
// smuggling framing, and API messages that are not JSON, name no method, or carry params of the wrong shape. Held: a
// 4xx (or an error reply with its code) and serve answers the next good call. Node only.
import { tally } from './tally.mjs';
import { callApi, rawRequest, stillServing } from './serve-process.mjs';
import { PLAIN_SESSION } from './serve-site.mjs';

const dist = (path) => import(new URL(`../../dist/src/${path}`, import.meta.url).href);

/** [request line or path, what a held answer's status is]. */
function httpCases(serve) {
  const host = `Host: 127.0.0.1:${serve.port}`;
  const token = `token=${serve.token}`;
  const line = (text, extra = []) => [text, host, ...extra].join('\r\n');
  return [
    ...['/%', '/%zz', '/assets/%E0%A4%A', `/frames/%ZZ/frames/0001.png`, '/exports/%zz.html', '/%c0', '/%ff%fe'].map(
      (path) => ({ name: `the path ${path}`, head: line(`GET ${path}?${token} HTTP/1.1`), status: [400] }),
    ),
    ...['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'].map((method) => ({
      name: `${method} /`,
      head: line(`${method} /?${token} HTTP/1.1`),
      status: [405],
    })),
    { name: 'POST /', head: line(`POST /?${token} HTTP/1.1`, ['Content-Length: 0']), status: [405] },
    { name: 'a made-up method', head: line(`FROB /?${token} HTTP/1.1`), status: [400, 405] },
    { name: 'a garbage request line', head: 'GARBAGE', status: [400] },
    // Just over Node's 16 KiB of headers: a longer one is cut off by a reset before its 431 can be read.
    { name: 'a 20 kB URL', head: line(`GET /${'a'.repeat(20_000)}?${token} HTTP/1.1`), status: [414, 431] },
    { name: 'a 20 kB header', head: line(`GET /?${token} HTTP/1.1`, [`X-Big: ${'b'.repeat(20_000)}`]), status: [431] },
    {
      name: '3,000 headers',
      head: line(
        `GET /?${token} HTTP/1.1`,
        Array.from({ length: 3000 }, (_, index) => `X-H${index}: v`),
      ),
      status: [431],
    },
    { name: 'a negative length', head: line(`POST /imports?${token} HTTP/1.1`, ['Content-Length: -1']), status: [400] },
    {
      name: 'a length that is no number',
      head: line(`POST /imports?${token} HTTP/1.1`, ['Content-Length: x']),
      status: [400],
    },
    {
      name: 'length and chunked together',
      head: line(`POST /imports?${token} HTTP/1.1`, ['Content-Length: 4', 'Transfer-Encoding: chunked']),
      status: [400],
    },
    { name: 'a NUL in a header', head: line(`GET /?${token} HTTP/1.1`, ['X-A: a\u0000b']), status: [400] },
  ];
}

export async function malformedHttpAttacks(results, serve) {
  for (const attack of httpCases(serve)) {
    await tally(results, 'serve: malformed requests', async () => {
      const response = await rawRequest(serve.port, attack.head);
      if (!attack.status.includes(response.status)) return `${attack.name}: answered ${response.status}`;
      return stillServing(serve).then((why) => why && `${attack.name}: ${why}`);
    });
  }
}

/** API messages: not JSON, not a call, an unknown or inherited method name, oversized, or nested very deep. */
function messageCases() {
  const raw = (text) => ({ raw: text });
  return [
    ['not JSON', raw('{'), 'invalid-params'],
    ['null', raw('null'), 'invalid-params'],
    ['an array', raw('[]'), 'invalid-params'],
    ['a call without a method', raw('{"id":1}'), 'invalid-params'],
    ['a method that is a number', raw('{"id":1,"method":7}'), 'invalid-params'],
    ['an id that is an object', raw('{"id":{"x":1},"method":"settings.get","params":{}}'), 'invalid-params'],
    ['500,000 nested arrays', raw(`${'['.repeat(250_000)}${']'.repeat(250_000)}`), 'invalid-params'],
    ...['sessions.hack', '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''].map((method) => [
      `the method "${method}"`,
      raw(JSON.stringify({ id: 1, method, params: {} })),
      'unknown-method',
    ]),
  ];
}

/** Params of the wrong shape for every method, and ids that climb or prefix-match for the session methods. */
async function paramCases() {
  const { HOST_METHODS } = await dist('host/protocol/host-api.js');
  const wrong = Object.keys(HOST_METHODS).map((method) => [`${method} with params 42`, method, 42, 'invalid-params']);
  return [
    ...wrong,
    ['sessions.get of ../..', 'sessions.get', { sessionId: '../..' }, 'not-found'],
    ['sessions.delete of ..', 'sessions.delete', { sessionId: '..' }, 'not-found'],
    ['sessions.delete of a prefix', 'sessions.delete', { sessionId: PLAIN_SESSION.slice(0, 8) }, 'not-found'],
    ['sessions.delete of an empty id', 'sessions.delete', { sessionId: '' }, 'invalid-params'],
    ['settings.set of half the settings', 'settings.set', { language: 'en' }, 'invalid-params'],
    [
      'frames.url of ../session.json',
      'frames.url',
      { sessionId: PLAIN_SESSION, frame: '../session.json' },
      'invalid-params',
    ],
  ];
}

export async function malformedApiAttacks(results, serve, site) {
  const cases = [
    ...messageCases().map(([name, message, code]) => [name, message, undefined, code]),
    ...(await paramCases()),
  ];
  for (const [name, method, params, code] of cases) {
    await tally(results, 'serve: malformed API calls', async () => {
      const before = await site.sessionIds();
      const reply = await callApi(serve, method, params);
      if (reply.error?.code !== code || !reply.error.message)
        return `${name}: replied ${JSON.stringify(reply).slice(0, 120)}`;
      if ((await site.sessionIds()).join() !== before.join()) return `${name} changed the sessions`;
      return stillServing(serve).then((why) => why && `${name}: ${why}`);
    });
  }
  await tally(results, 'serve: malformed API calls', async () => {
    const closed = await callApi(serve, {
      raw: JSON.stringify({ id: 1, method: 'x', params: 'y'.repeat(2 << 20) }),
    }).then(
      (reply) => `a 4 MB message was answered: ${JSON.stringify(reply).slice(0, 80)}`,
      () => null,
    );
    return closed ?? stillServing(serve).then((why) => why && `after a 4 MB message: ${why}`);
  });
}
