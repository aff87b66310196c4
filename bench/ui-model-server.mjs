// A paced OpenAI-compatible model server for the UI benchmark: it streams reasoning at a fixed token rate and stamps
// sequence markers (`@N@`) into the text, remembering when each left, so the page can time them into the DOM. Node.
import { createServer } from 'node:http';

/** Wall-clock ms with sub-ms precision, comparable with the page's `performance.timeOrigin + performance.now()`. */
export const wallClockMs = () => performance.timeOrigin + performance.now();

const HOVER_POINTS = ['[260,180]', '[720,410]'];

/** A hover answer; alternating points keeps the stuck check quiet on an unchanged screen. */
export function hoverAnswer(step) {
  const point = HOVER_POINTS[step % 2];
  return `<answer>Hover the cell.\n<|begin_of_box|>hover(start_box='${point}', element_info='cell')<|end_of_box|>\nMemory:\n[]</answer>`;
}

export const DONE_ANSWER = '<answer>Done.\n<|begin_of_box|>DONE()<|end_of_box|></answer>';

const SENTENCES = [
  'The window in front of me shows a table of items with a search field above it.',
  'I should move the pointer over the next cell so that its tooltip appears.',
  'Nothing has changed since the last screenshot, which means the hover did not open anything yet.',
  'Looking at the sidebar, the sections are listed in order and the current one is highlighted.',
];

/** A long thought as `count` chunks of about `size` characters, with a marker chunk every `markerEvery` chunks. */
export function thoughtChunks(count, size, markerEvery, firstMarker) {
  let text = '';
  for (let sentence = 0; text.length < count * size; sentence++) {
    text += SENTENCES[sentence % SENTENCES.length] + (sentence % 5 === 4 ? '\n\n' : ' ');
  }
  const chunks = [];
  let marker = firstMarker;
  for (let index = 0; chunks.length < count; index += size) {
    if (chunks.length % markerEvery === markerEvery - 1) chunks.push({ text: ` @${marker}@ `, marker: marker++ });
    else chunks.push({ text: text.slice(index, index + size) });
  }
  return chunks;
}

/**
 * Serves `script`: an array of `{ chunks: [{text, marker?}], answer }`, one per chat completion, reasoning chunks
 * paced at `intervalMs` (on a fixed schedule, so a late timer does not lower the rate). Replace the script with
 * `setScript` between runs. `markerSentAt` maps each marker number to when its chunk was written.
 */
export async function startPacedModelServer({ intervalMs }) {
  let script = [];
  let next = 0;
  const markerSentAt = new Map();
  const sockets = new Set();

  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => void respond(request, response).catch(() => response.destroy()));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function respond(request, response) {
    if (request.method === 'GET' && request.url === '/v1/models') {
      return sendJson(response, 200, { object: 'list', data: [{ id: 'glm-4.1v-bench' }] });
    }
    const turn = script[next];
    if (request.method !== 'POST' || turn === undefined) {
      return sendJson(response, 500, { error: { message: 'The bench script has no answer for this request.' } });
    }
    next += 1;
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    writeDelta(response, { role: 'assistant', content: '' });
    const started = performance.now();
    for (const [index, chunk] of turn.chunks.entries()) {
      const due = started + index * intervalMs;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      if (response.destroyed) return;
      writeDelta(response, { reasoning_content: chunk.text });
      if (chunk.marker !== undefined) markerSentAt.set(chunk.marker, wallClockMs());
    }
    writeDelta(response, { content: turn.answer });
    const usage = { prompt_tokens: 1000, completion_tokens: turn.chunks.length + 1, total_tokens: 0 };
    writeChunk(response, { choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage });
    response.end('data: [DONE]\n\n');
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${server.address().port}/v1`,
    markerSentAt,
    setScript(turns) {
      script = turns;
      next = 0;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function writeDelta(response, delta) {
  writeChunk(response, { choices: [{ index: 0, delta, finish_reason: null }] });
}

function writeChunk(response, payload) {
  const chunk = { id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 0, model: 'bench', ...payload };
  response.write(`data: ${JSON.stringify(chunk)}\n\n`);
}

function sendJson(response, status, payload) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(payload));
}
