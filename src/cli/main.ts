// The CLI entry: picks the command, turns usage errors into exit 2 and anything unexpected into exit 1. Node only.
import { terminalSafe } from './terminal-text.js';
import { asksForHelp, commandUsage, unknownFlagMessage } from './command-help.js';
import { displaysCommand } from './displays-command.js';
import { modelCommand } from './model-command.js';
import { parseCommand } from './parse-command.js';
import { runCommand } from './run-command.js';
import { serveCommand } from './serve-command.js';
import { sessionsCommand } from './sessions-command.js';
import { suiteCommand } from './suite-command.js';
import { RunSetupError } from '../run-setup/open-run.js';
import { USAGE, UsageError } from './usage.js';
import { VERSION } from '../version.js';

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const io = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    signals: process,
  };
  const ownUsage = command === undefined || !asksForHelp(rest) ? null : commandUsage(command, rest[0]);
  if (ownUsage !== null) {
    io.stdout.write(`${ownUsage}\n`);
    return 0;
  }
  try {
    switch (command) {
      case 'run':
        return await runCommand(rest, io);
      case 'parse':
        return await parseCommand(rest, io);
      case 'displays':
        return await displaysCommand(rest, io);
      case 'sessions':
        return await sessionsCommand(rest, io);
      case 'serve':
        return await serveCommand(rest, io);
      case 'suite':
        return await suiteCommand(rest, io);
      case 'model':
        return await modelCommand(rest, io);
      case '--version':
        io.stdout.write(`${VERSION}\n`);
        return 0;
      case '--help':
      case 'help':
      case '-h':
        io.stdout.write(`${USAGE}\n`);
        return 0;
      default:
        io.stderr.write(
          `${command === undefined ? 'No command given.' : terminalSafe(`Unknown command "${command}".`)}\n\n${USAGE}\n`,
        );
        return 2;
    }
  } catch (error) {
    return reportError(error, io.stderr, command);
  }
}

function reportError(error: unknown, stderr: NodeJS.WritableStream, command: string | undefined): number {
  const code = (error as { code?: string }).code;
  const unknownFlag =
    code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? unknownFlagMessage((error as Error).message, command) : null;
  if (unknownFlag !== null) {
    stderr.write(`deskhand: ${terminalSafe(unknownFlag)}\n`);
    return 2;
  }
  if (error instanceof RunSetupError) return reportError(usageErrorOf(error), stderr, command);
  if (error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
    stderr.write(`deskhand: ${terminalSafe((error as Error).message)}\nRun \`deskhand --help\` for usage.\n`);
    return 2;
  }
  if (code === 'ENOSPC') {
    stderr.write('deskhand: the disk is full; free some space and run again (nothing recorded was lost).\n');
    return 1;
  }
  stderr.write(
    `deskhand: internal error: ${terminalSafe(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`,
  );
  return 1;
}

/** A run's setup error is the user's to fix, like a bad flag (exit 2); an unwritable folder gets the flag that moves it. */
function usageErrorOf(error: RunSetupError): UsageError {
  if (error.problem !== 'sessions-dir') return new UsageError(error.message);
  return new UsageError(`${error.message} Pick a writable folder with --sessions-dir DIR or DESKHAND_SESSIONS_DIR.`);
}
