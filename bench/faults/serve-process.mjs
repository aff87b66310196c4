// The faults bench's `deskhand serve`: started as a child process in a folder of its own (HOME, XDG folders, sessions),
// spoken to over raw sockets so that an attack can send exactly the bytes it means to. Node only.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { clearTimeout } from 'node:timers';
import WebSocket from 'ws';
import { BIN } from './cli.mjs';

/** An environment that points every folder serve may touch into `work`, never at the real user's files. */
export function isolatedEnv(work) {
  const keep = ['PATH', 'DISPLAY', 'LANG'];
  const env = Object.fromEntries(keep.filter((name) => process.env[name]).map((name) => [name, process.env[name]]));
  return {
    ...env,
    HOME: join(work, 'home'),
    XDG_CONFIG_HOME: join(work, 'config'),
    XDG_DATA_HOME: join(work, 'data'),
    DESKHAND_MODELS_DIR: join(work, 'models'),
    TMPDIR: join(work, 'tmp'),
  };
}

/** Starts `deskhand serve` and reads its URL; the token is taken from there and never printed. */
export async function startServe(work, sessionsDir) {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--sessions-dir', sessionsDir], {
    env: isolatedEnv(work),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  let stdout = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve printed no URL in 30 s')), 30_000);
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
      const match = /^Deskhand UI: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]+))$/m.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      resolve(match);
    });
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`serve exited ${code}`))));
  });
  return {
    port: Number(url[2]),
    token: url[3],
    pid: child.pid,
    alive: () => child.exitCode === null && child.signalCode === null,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Sends `head` (request line and headers, without the final blank line) and `body` as written, then reads the whole
 * answer. Each request closes its connection, so the answer ends where the socket does.
 */
export function rawRequest(port, head, body = '', timeoutMs = 10_000) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks = [];
    const timer = setTimeout(() => (socket.destroy(), reject(new Error('no answer in time'))), timeoutMs);
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      // An accepted upgrade keeps its socket open: its head is the whole answer.
      const text = Buffer.concat(chunks).toString('latin1');
      if (text.startsWith('HTTP/1.1 101') && text.includes('\r\n\r\n')) socket.destroy();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const bytes = Buffer.concat(chunks);
      const split = bytes.indexOf('\r\n\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(bytes.toString('latin1', 0, 20))?.[1] ?? 0);
      const head = bytes.toString('latin1', 0, Math.max(split, 0));
      const body = split < 0 ? Buffer.alloc(0) : bytes.subarray(split + 4);
      resolve({ status, head, body: /^transfer-encoding: chunked/im.test(head) ? unchunked(body) : body });
    });
    // No half-close: serve would drop a request whose client ended its side before the answer.
    socket.write(`${head}\r\nConnection: close\r\n\r\n`);
    socket.write(body);
  });
}

/** A chunked body's data without its framing (a torn last chunk is kept as far as it came). */
function unchunked(body) {
  const parts = [];
  let offset = 0;
  while (offset < body.length) {
    const lineEnd = body.indexOf('\r\n', offset);
    const size = parseInt(body.toString('latin1', offset, lineEnd), 16);
    if (lineEnd < 0 || !(size > 0)) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** A request with the Host a script on this machine sends; `headers` add to it or replace it. */
export function request(serve, { method = 'GET', path, headers = {}, body = '' }) {
  const lines = { host: `127.0.0.1:${serve.port}`, ...headers };
  if (body.length > 0) lines['content-length'] ??= String(Buffer.byteLength(body));
  const head = [`${method} ${path} HTTP/1.1`, ...Object.entries(lines).map(([name, value]) => `${name}: ${value}`)];
  return rawRequest(serve.port, head.join('\r\n'), body);
}

/** Opens the API socket with the token and sends one call (or `{raw}` text); resolves with the reply, or rejects. */
export async function callApi(serve, method, params) {
  const socket = new WebSocket(`ws://127.0.0.1:${serve.port}/api?token=${serve.token}`);
  try {
    await socketEvent(socket, 'open', 10_000);
    const reply = socketEvent(socket, 'message', 20_000);
    socket.send(typeof method === 'string' ? JSON.stringify({ id: 1, method, params }) : method.raw);
    return JSON.parse((await reply).toString());
  } finally {
    socket.terminate();
  }
}

/** One API connection that many calls may share at once; `call` resolves with each call's reply. */
export async function openApi(serve) {
  const socket = new WebSocket(`ws://127.0.0.1:${serve.port}/api?token=${serve.token}`);
  await socketEvent(socket, 'open', 10_000);
  const waiting = new Map();
  let nextId = 1;
  socket.on('message', (data) => {
    const reply = JSON.parse(data.toString());
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  return {
    call(method, params) {
      const id = nextId++;
      socket.send(JSON.stringify({ id, method, params }));
      return new Promise((resolve) => waiting.set(id, resolve));
    },
    close: () => socket.terminate(),
  };
}

/** The socket's next `name` event; rejects when it closes, fails or stays silent first. */
function socketEvent(socket, name, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} in ${ms} ms`)), ms);
    const fail = (why) => (clearTimeout(timer), reject(new Error(why)));
    socket.once(name, (data) => (clearTimeout(timer), resolve(data)));
    socket.once('close', (code) => fail(`the socket closed (${code})`));
    socket.once('error', (error) => fail(error.message));
    socket.once('unexpected-response', (_request, response) => fail(`HTTP ${response.statusCode}`));
  });
}

/** Null when serve is alive and lists sessions for the holder of the token, else what is wrong. */
export async function stillServing(serve) {
  if (!serve.alive()) return 'serve died';
  const reply = await callApi(serve, 'sessions.list', {}).catch((error) => ({ error }));
  return Array.isArray(reply.result) ? null : `serve no longer answers sessions.list (${reply.error?.message})`;
}

/** serve's peak resident memory so far (VmHWM), in bytes. */
export async function peakMemory(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)[1]) * 1024;
}
