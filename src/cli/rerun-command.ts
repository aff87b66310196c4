// `deskhand sessions rerun ID`: a recorded session's actions again, as a macro, each after a screen check. Node only.
import { parseArgs } from 'node:util';
import type { Display } from '../desktop/types.js';
import { runStartEvent } from '../run-protocol/run-events.js';
import { planReplay, type ReplayPlan } from '../rerun/plan-steps.js';
import { rerunSession } from '../rerun/rerun-loop.js';
import { sizesMap } from '../rerun/scale-action.js';
import { VERIFY_MODES, type VerifyMode } from '../rerun/thresholds.js';
import { openRun } from '../run-setup/open-run.js';
import { cliDesktop, eventPrinter, listenForStop } from './desktop-run-io.js';
import { parseSessionFlags, printRetention, RUN_SESSION_OPTIONS } from './run-session-flags.js';
import { openSession, type SessionsIo } from './sessions-args.js';
import { sessionsDirFromFlag } from './sessions-dir-flag.js';
import { UsageError } from './usage.js';

const OPTIONS = {
  verify: { type: 'string', default: 'strict' },
  display: { type: 'string' },
  'sessions-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  ...RUN_SESSION_OPTIONS,
} as const;

/** The sessions verbs' streams; SIGINT/SIGTERM come from `signals` (default `process`). */
type Io = SessionsIo & { signals?: NodeJS.EventEmitter };

/** `args` are what follows `sessions rerun`. Exit codes as for `run`, plus 6 when the screen does not match. */
export async function rerunCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError('Use `deskhand sessions rerun ID [--verify strict|loose|off]`.');
  const verify = verifyMode(values.verify);
  const env = io.env ?? process.env;
  const sessionsDir = sessionsDirFromFlag(values['sessions-dir'], env);
  const source = await openSession(sessionsDir, positionals[0]!);
  const plan = planReplay(source.steps);
  if (plan.steps.length === 0) {
    throw new UsageError(
      `Session ${source.info.id} has no actions that were carried out, so there is nothing to rerun.`,
    );
  }
  // Recorded `type` steps keep {{secret:NAME}}: each must be given again, as for `run`, before anything is done.
  const typedText = plan.steps.map((step) => step.action.text ?? '').join('\n');
  const sessionFlags = parseSessionFlags(values, env, typedText);
  const task = `rerun of ${source.info.id}: ${source.info.task}`;
  const backend = { kind: 'rerun', model: source.info.backend.model };
  const { operator, display, recorder } = await openRun(
    { task, secretsIn: typedText, maxSteps: plan.steps.length + 1, sessionsDir, retention: sessionFlags.retention },
    {
      backend: async () => ({ backend, baseUrl: null }),
      desktop: cliDesktop(values.display, source.info.display.id),
      checkDisplay: (display) => checkDisplayMaps(plan, display),
      secrets: sessionFlags.secrets,
      redactor: sessionFlags.redactor,
      onRetention: printRetention(io.stderr),
    },
  );
  const print = eventPrinter(values.json, io.stdout);
  print(runStartEvent(recorder, { task, backend, display }));
  const stop = listenForStop(io.signals ?? process, { env, stderr: io.stderr });
  try {
    const result = await rerunSession(plan, {
      sourceDir: source.dir,
      operator,
      displayId: display.id,
      recorder,
      verify,
      signal: stop.signal,
      emit: print,
    });
    if (result.mismatch !== null) io.stderr.write(`deskhand: ${result.mismatch}\n`);
    if (result.outcome.kind === 'error') io.stderr.write(`deskhand: ${result.outcome.message}\n`);
    return result.exitCode;
  } finally {
    stop.dispose();
  }
}

function verifyMode(value: string): VerifyMode {
  if ((VERIFY_MODES as readonly string[]).includes(value)) return value as VerifyMode;
  throw new UsageError(`--verify must be one of ${VERIFY_MODES.join(', ')}, got "${value}".`);
}

/** Recorded points are frame pixels: another display size maps only when it keeps the aspect ratio. */
function checkDisplayMaps(plan: ReplayPlan, display: Display): void {
  const { width, height } = display.bounds;
  const unmappable = plan.steps.find((step) => !sizesMap(step.frameSize, { width, height }));
  if (unmappable) {
    const recorded = `${unmappable.frameSize.width}×${unmappable.frameSize.height}`;
    throw new UsageError(
      `Display ${display.id} is ${width}×${height}, but the session was recorded on a ${recorded} screen; ` +
        'its recorded points cannot be mapped onto another aspect ratio. Pick the right display with --display ID.',
    );
  }
}
