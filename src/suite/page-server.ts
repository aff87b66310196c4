// Serves the web tasks' pages on 127.0.0.1 and keeps the state each page posts back, for the checks. Node only.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

const MAX_STATE_BYTES = 64 * 1024;

/** What a page posts: its own fields, plus whether it is loaded and painted and has keyboard focus. */
export const PageState = z.looseObject({ ready: z.boolean().optional(), focused: z.boolean().optional() });
export type PageState = z.infer<typeof PageState>;

/** One page at a time: the current task's. */
export interface PageServer {
  /** Serves `html` as the current page and forgets the previous page's state; returns the page's URL. */
  publish(html: string): string;
  /** The last state the current page posted, or null before its first post. */
  latestState(): PageState | null;
  close(): Promise<void>;
}

/** Starts the server on a free loopback port. Paths carry a random token, so only our pages can post state. */
export async function startPageServer(): Promise<PageServer> {
  const token = randomBytes(12).toString('hex');
  let page: { html: string; generation: number } | null = null;
  let state: PageState | null = null;
  let generation = 0;

  const server: Server = createServer((request, response) => {
    void handle(request, response).catch(() => reply(response, 500, 'text/plain', 'error'));
  });
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const [, requestToken, name, pageGeneration] = (request.url ?? '').split('/');
    if (requestToken !== token || page === null || Number(pageGeneration) !== page.generation) {
      return reply(response, 404, 'text/plain', 'not found');
    }
    if (request.method === 'GET' && name === 'page') return reply(response, 200, 'text/html; charset=utf-8', page.html);
    if (request.method === 'POST' && name === 'state') {
      const parsed = PageState.safeParse(await readJson(request));
      if (!parsed.success) return reply(response, 400, 'text/plain', 'bad state');
      state = parsed.data;
      return reply(response, 204, 'text/plain', '');
    }
    reply(response, 404, 'text/plain', 'not found');
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    publish(html) {
      generation += 1;
      page = { html, generation };
      state = null;
      // The generation in the path keeps a late post from a previous task's page out of this task's state.
      return `http://127.0.0.1:${port}/${token}/page/${generation}`;
    },
    latestState: () => state,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close').catch(() => undefined);
    },
  };
}

function reply(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of request.setEncoding('utf8')) {
    text += chunk as string;
    if (text.length > MAX_STATE_BYTES) throw new Error('state too large');
  }
  return JSON.parse(text);
}
