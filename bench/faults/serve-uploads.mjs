// Uploads to `deskhand serve` that are not session archives (junk, a truncated ZIP, more than the cap, declared or
// streamed), and settings saved at once from two connections across a restart. Node only.
import { request as httpRequest } from 'node:http';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { tally } from './tally.mjs';
import { callApi, openApi, peakMemory, request } from './serve-process.mjs';

const MB = 1024 * 1024;
/** Over serve's upload cap (1 GiB of entries plus their headers, about 1,044 MB). */
const OVER_CAP_BYTES = 1200 * MB;

/** Streams `total` bytes to /imports in 1 MB chunks from a generator (nothing held whole), chunked or declared. */
function streamUpload(serve, total, { declare }) {
  return new Promise((resolve, reject) => {
    const headers = declare ? { 'content-length': String(total) } : { 'transfer-encoding': 'chunked' };
    const upload = httpRequest({
      host: '127.0.0.1',
      port: serve.port,
      method: 'POST',
      path: `/imports?token=${serve.token}`,
      headers,
    });
    let answered = false;
    upload.on('response', (response) => {
      answered = true;
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on(
        'end',
        () => (resolve({ status: response.statusCode, body: Buffer.concat(chunks) }), upload.destroy()),
      );
    });
    upload.on('error', (error) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error)));
    const chunk = Buffer.alloc(MB, 0x5a);
    let sent = 0;
    const pump = () => {
      // Once serve has answered, the rest of the upload is not sent.
      while (sent < total && !answered) {
        sent += chunk.length;
        if (!upload.write(chunk)) return void upload.once('drain', pump);
      }
      if (!answered) upload.end();
    };
    pump();
  });
}

/** Null when serve refused the upload with `status` and a JSON error, imported nothing and left no temp upload. */
async function refusedUpload(response, status, site, before) {
  if (response.status !== status) return `answered ${response.status}`;
  const reply = JSON.parse(response.body.toString() || '{}');
  if (!reply.error?.message) return `no error message: ${response.body.toString().slice(0, 80)}`;
  if ((await site.sessionIds()).join() !== before.join()) return 'the sessions changed';
  const left = (await readdir(site.tmpDir)).filter((name) => name.startsWith('deskhand-upload-'));
  return left.length === 0 ? null : `left ${left.join(', ')} in the temp folder`;
}

export async function uploadAttacks(results, serve, site) {
  const archive = zipSync({ 'session.json': Buffer.from('{}'), 'steps.jsonl': Buffer.from('') });
  const small = {
    'a 10 MB upload of junk': Buffer.alloc(10 * MB, 0x41),
    'a truncated ZIP': Buffer.from(archive.subarray(0, Math.floor(archive.length / 2))),
    'a ZIP of the wrong content': Buffer.from(archive),
    'an upload typed as text': Buffer.from('hello'),
  };
  for (const [name, body] of Object.entries(small)) {
    await tally(results, 'serve: uploads', async () => {
      const before = await site.sessionIds();
      const headers = { 'content-type': name.includes('text') ? 'text/plain' : 'application/zip' };
      const response = await request(serve, { method: 'POST', path: `/imports?token=${serve.token}`, headers, body });
      const why = await refusedUpload(response, 400, site, before);
      return why && `${name}: ${why}`;
    });
  }
  for (const declare of [true, false]) {
    await tally(results, 'serve: uploads', async () => {
      const name = `a ${OVER_CAP_BYTES / MB} MB upload, ${declare ? 'its length declared' : 'streamed chunked'}`;
      const before = await site.sessionIds();
      const peakBefore = await peakMemory(serve.pid);
      const response = await streamUpload(serve, OVER_CAP_BYTES, { declare });
      const grew = (await peakMemory(serve.pid)) - peakBefore;
      const why = await refusedUpload(response, 413, site, before);
      if (why) return `${name}: ${why}`;
      return grew > 200 * MB ? `${name}: serve's peak memory grew ${Math.round(grew / MB)} MB` : null;
    });
  }
}

/** Two connections save 50 settings each at once; the last save must be what a restarted serve reads. */
export async function settingsAttacks(results, site) {
  for (let trial = 0; trial < 2; trial++) {
    await tally(results, 'serve: settings saves', async () => {
      const serve = site.serve();
      const settings = (await callApi(serve, 'settings.get', {})).result;
      const connections = await Promise.all([openApi(serve), openApi(serve)]);
      const saves = connections.flatMap((connection, which) =>
        Array.from({ length: 50 }, (_, index) =>
          connection.call('settings.set', {
            ...settings,
            loop: { ...settings.loop, maxSteps: which * 100 + index + 1 },
          }),
        ),
      );
      const failed = (await Promise.all(saves)).find((reply) => reply.error);
      connections.forEach((connection) => connection.close());
      if (failed) return `a save failed: ${failed.error.message}`;
      const last = (await callApi(serve, 'settings.get', {})).result.loop.maxSteps;
      if (last !== 50 && last !== 150) return `serve holds maxSteps ${last}, not the last save of either connection`;
      const restarted = await site.restartServe();
      const reread = (await callApi(restarted, 'settings.get', {})).result.loop.maxSteps;
      if (reread !== last) return `after a restart maxSteps is ${reread}, not the last save (${last})`;
      const files = await readdir(join(site.configDir, 'deskhand'));
      const left = files.filter((name) => name !== 'settings.json' && name !== 'serve.json');
      return left.length === 0 ? null : `left ${left.join(', ')} beside settings.json`;
    });
  }
}
