// `deskhand sessions <verb>`: recorded runs for people and programs. One case per verb. Node only.
import type { SessionsIo } from './sessions-args.js';
import { exportCommand } from './sessions-export-command.js';
import { importCommand } from './sessions-import-command.js';
import { rerunCommand } from './rerun-command.js';
import { listCommand, showCommand } from './sessions-view-command.js';
import { UsageError } from './usage.js';

export async function sessionsCommand(args: string[], io: SessionsIo): Promise<number> {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'list':
      return listCommand(rest, io);
    case 'show':
      return showCommand(rest, io);
    case 'export':
      return exportCommand(rest, io);
    case 'import':
      return importCommand(rest, io);
    case 'rerun':
      return rerunCommand(rest, io);
    default:
      throw new UsageError(
        'Use `deskhand sessions list`, `sessions show ID`, `sessions export ID --html FILE|--zip FILE` or `sessions import FILE`.',
      );
  }
}
