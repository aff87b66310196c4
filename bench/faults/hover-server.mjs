// An OpenAI-compatible model server on loopback that answers every step with a hover, its reasoning streamed in
// small paced chunks, so a kill can land before, during or after a stream. Node only.
import { createServer } from 'node:http';

const POINTS = ['[260,180]', '[720,410]', '[480,600]'];

/** Starts the server; `chunkDelayMs` paces the reasoning chunks (`chunks` of them per answer). */
export async function startHoverServer({ chunks = 12, chunkDelayMs = 8 } = {}) {
  let served = 0;
  const sockets = new Set();
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => void answer(request, response).catch(() => response.destroy()));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function answer(request, response) {
    if (request.method === 'GET' && request.url.endsWith('/models')) {
      response.writeHead(200, { 'content-type': 'application/json' });
      return response.end(JSON.stringify({ object: 'list', data: [{ id: 'glm-bench-hover' }] }));
    }
    const point = POINTS[served++ % POINTS.length];
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    for (let index = 0; index < chunks; index += 1) {
      if (response.destroyed) return;
      send(response, { reasoning_content: `Looking at the cells, part ${index}. ` });
      await new Promise((resolve) => setTimeout(resolve, chunkDelayMs));
    }
    const call = `hover(start_box='${point}', element_info='cell')`;
    send(response, { content: `<answer>Hover the cell.\n<|begin_of_box|>${call}<|end_of_box|>\nMemory:\n[]</answer>` });
    response.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
    response.end('data: [DONE]\n\n');
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${server.address().port}/v1`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** `deskhand run` against the server at `baseUrl`, JSON events on stdout, recording into `sessionsDir`. */
export function hoverRunArgs(baseUrl, sessionsDir, maxSteps) {
  const backend = ['--backend', 'openai', '--base-url', baseUrl, '--model', 'glm-bench-hover'];
  return [
    'run',
    'hover over the cells',
    ...backend,
    '--max-steps',
    String(maxSteps),
    '--json',
    '--sessions-dir',
    sessionsDir,
  ];
}

function send(response, delta) {
  const chunk = { id: 'bench', object: 'chat.completion.chunk', created: 0, model: 'glm-bench-hover' };
  response.write(`data: ${JSON.stringify({ ...chunk, choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`);
}
