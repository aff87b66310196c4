// `deskhand displays`: the displays `--display` can name, with their place, size and scale. Node only.
import { parseArgs } from 'node:util';
import { listDisplays } from '../desktop/displays.js';
import { DesktopSetupError } from '../desktop/errors.js';
import type { Display } from '../desktop/types.js';
import { UsageError } from './usage.js';

/** One line per display: its index and id (either works for --display), size, origin, scale and the primary mark. */
export function formatDisplays(displays: readonly Display[]): string {
  const idWidth = Math.max(2, ...displays.map((display) => display.id.length));
  return displays
    .map(({ id, bounds, scaleFactor, primary }, index) =>
      [
        String(index).padStart(2),
        id.padEnd(idWidth),
        `${bounds.width}×${bounds.height}`.padEnd(11),
        `at ${bounds.x},${bounds.y}`.padEnd(14),
        `scale ${scaleFactor}`,
        primary ? 'primary' : '',
      ].join('  '),
    )
    .map((line) => line.trimEnd())
    .join('\n');
}

export async function displaysCommand(args: string[], io: { stdout: NodeJS.WritableStream }): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true });
  const displays = await listDisplays().catch((error: unknown) => {
    throw error instanceof DesktopSetupError ? new UsageError(error.message) : error;
  });
  io.stdout.write(
    values.json
      ? `${JSON.stringify(displays.map((display, index) => ({ index, ...display })))}\n`
      : `${formatDisplays(displays)}\n`,
  );
  return 0;
}
