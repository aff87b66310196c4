// The attacks on `deskhand serve`, the host the browser UI talks to: the real CLI started in a folder of its own, then
// each kind of attack, and after each kind a check that serve still answers the holder of the token. Node only.
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tally } from './tally.mjs';
import { authAttacks, originAttacks } from './serve-doors.mjs';
import { malformedApiAttacks, malformedHttpAttacks } from './serve-malformed.mjs';
import { startServe, stillServing } from './serve-process.mjs';
import { prepareSite } from './serve-site.mjs';
import { traversalAttacks } from './serve-traversal.mjs';
import { settingsAttacks, uploadAttacks } from './serve-uploads.mjs';

const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

const KINDS = [
  ['serve: auth', authAttacks],
  ['serve: origin and host', originAttacks],
  ['serve: traversal', traversalAttacks],
  ['serve: malformed requests', malformedHttpAttacks],
  ['serve: malformed API calls', malformedApiAttacks],
  ['serve: uploads', uploadAttacks],
  ['serve: settings saves', (results, _serve, site) => settingsAttacks(results, site)],
];

export async function serveAttacks(results, work) {
  const root = join(work, 'serve');
  await mkdir(join(root, 'tmp'), { recursive: true });
  const prepared = await prepareSite(root);
  const asset = (await readdir(join(RENDERER_DIR, 'assets'))).find((name) => name.endsWith('.js'));
  let serve = await startServe(root, prepared.sessionsDir);
  const site = {
    ...prepared,
    rendererDir: RENDERER_DIR,
    assetPath: `/assets/${asset}`,
    tmpDir: join(root, 'tmp'),
    configDir: join(root, 'config'),
    serve: () => serve,
    async restartServe() {
      await serve.stop();
      serve = await startServe(root, prepared.sessionsDir);
      return serve;
    },
  };
  try {
    for (const [kind, attacks] of KINDS) {
      await attacks(results, serve, site);
      // A kind that leaves serve dead (or deaf) lost; a fresh serve lets the next kind still be tried.
      await tally(results, kind, async () => {
        const why = await stillServing(serve);
        if (why) await site.restartServe();
        return why && `after this kind, ${why}`;
      });
    }
  } finally {
    await serve.stop();
  }
}
