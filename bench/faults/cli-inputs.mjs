// Bad input to every `deskhand` command, through the real CLI: each must end in exit 2 within 10 s with a message
// that says what to do, no stack trace and no raw terminal controls. Node only.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cliInputCases } from './cli-input-cases.mjs';
import { inPool, refusalProblem, runDeskhand } from './cli.mjs';
import { tally } from './tally.mjs';

export async function badCliInputs(results, work) {
  const at = {
    file: join(work, 'cli', 'a-file'),
    folder: join(work, 'cli', 'a-folder'),
    missing: join(work, 'cli', 'missing.zip'),
    out: join(work, 'cli', 'model-out'),
    replay: join(work, 'cli', 'replay.jsonl'),
  };
  await mkdir(at.folder, { recursive: true });
  await writeFile(at.file, 'not a zip, not JSON, not a model\n');
  await writeFile(at.replay, `${JSON.stringify('<answer>Done.\n<|begin_of_box|>DONE()<|end_of_box|></answer>')}\n`);
  // Every run gets its own sessions folder by default, so no bad input can write to the user's home.
  const env = {
    ...process.env,
    DESKHAND_SESSIONS_DIR: join(work, 'cli', 'default-sessions'),
    HF_ENDPOINT: 'http://127.0.0.1:9',
  };
  delete env.DESKHAND_BENCH_UNSET;
  await inPool(cliInputCases(at), 3, async ([args, says, options = {}]) => {
    await tally(results, 'bad CLI input', async () => {
      const outcome = await runDeskhand(args, { env, timeoutMs: 15_000, input: options.input });
      const said = says.test(outcome.stderr + outcome.stdout);
      const problem = refusalProblem(outcome, options) ?? (said ? null : 'the message does not say what to fix');
      return problem
        ? `deskhand ${JSON.stringify(args).slice(1, 160)}: ${problem} ${JSON.stringify(outcome.stderr.slice(0, 300))}`
        : null;
    });
  });
}
