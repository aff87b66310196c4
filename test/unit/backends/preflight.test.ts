import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { BackendError } from '../../../src/backends/chat-backend.js';
import { FALLBACK_MODEL, preflightServer } from '../../../src/backends/preflight.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** A server answering GET /v1/models with `status` and `body`; returns its base URL. */
async function serve(status: number, body: string, contentType = 'application/json'): Promise<string> {
  server = createServer((_request, response) => {
    response.writeHead(status, { 'content-type': contentType });
    response.end(body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/v1`;
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as BackendError,
  );
const models = (...ids: string[]) => JSON.stringify({ object: 'list', data: ids.map((id) => ({ id })) });

describe('preflightServer', () => {
  it('keeps a model the server lists, and asks for the server’s own when it serves one or none was given', async () => {
    const baseUrl = await serve(200, models('a', 'b'));
    expect(await preflightServer({ baseUrl, model: 'b' })).toEqual({ model: 'b', replaced: null });
    expect(await preflightServer({ baseUrl })).toEqual({ model: 'a', replaced: null });
    await new Promise((resolve) => server!.close(resolve));
    const single = await serve(200, models('only'));
    expect(await preflightServer({ baseUrl: single, model: 'typo' })).toEqual({ model: 'only', replaced: 'typo' });
  });

  it('refuses a model the server does not list, with the list as params', async () => {
    const baseUrl = await serve(200, models('a', 'b'));
    const error = await failure(preflightServer({ baseUrl, model: 'x' }));
    expect(error).toMatchObject({
      code: 'not-found',
      info: { code: 'model-not-found', params: { url: baseUrl, model: 'x', available: 'a, b' } },
    });
  });

  it('calls an HTML page a server that is not OpenAI-compatible', async () => {
    const baseUrl = await serve(200, '<!doctype html><title>Index</title>', 'text/html');
    const error = await failure(preflightServer({ baseUrl, model: 'x' }));
    expect(error).toMatchObject({ code: 'config', info: { code: 'not-openai-server', params: { url: baseUrl } } });
    expect(error!.message).toContain('answered HTTP 200 with a web page');
  });

  it('goes ahead when /models answers 404 with a JSON error (an API without a model list)', async () => {
    const baseUrl = await serve(404, JSON.stringify({ error: { message: 'Not found' } }));
    expect(await preflightServer({ baseUrl })).toEqual({ model: FALLBACK_MODEL, replaced: null });
  });

  it('reports a refused connection as unreachable, without the URL’s secrets', async () => {
    const baseUrl = await serve(200, models('a'));
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    const withSecrets = baseUrl.replace('http://', 'http://user:hunter22@') + '?key=sk-SECRET-1';
    const error = await failure(preflightServer({ baseUrl: withSecrets }));
    expect(error).toMatchObject({ code: 'unreachable', info: { code: 'server-unreachable' } });
    expect(JSON.stringify([error!.message, error!.info])).not.toMatch(/hunter22|sk-SECRET-1/);
  });

  it('reports a 401 as unauthorized', async () => {
    const baseUrl = await serve(401, JSON.stringify({ error: { message: 'bad key' } }));
    const error = await failure(preflightServer({ baseUrl, apiKey: 'sk-wrong' }));
    expect(error).toMatchObject({ code: 'unauthorized', info: { code: 'unauthorized', params: { keySent: 'yes' } } });
  });
});
