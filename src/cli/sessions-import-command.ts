// `deskhand sessions import FILE`: adds an exported session to this machine's sessions, checked first. Node only.
import { ArchiveError } from '../sessions/archive/archive-error.js';
import { importSessionArchive } from '../sessions/archive/import-archive.js';
import { parseVerbArgs, type SessionsIo } from './sessions-args.js';
import { UsageError } from './usage.js';

export async function importCommand(args: string[], io: SessionsIo): Promise<number> {
  const { positionals, sessionsDir } = parseVerbArgs('import', args, {}, ['FILE']);
  const archive = positionals[0]!;
  try {
    const imported = await importSessionArchive(archive, sessionsDir);
    if (imported.tornLastLine)
      io.stderr.write('warning: the last line of steps.jsonl is torn (the run was interrupted while writing it)\n');
    io.stdout.write(`${imported.id}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ArchiveError) throw new UsageError(`cannot import ${archive}: ${error.message}`);
    throw error;
  }
}
