// `deskhand parse`: one raw model answer on stdin → one JSON line of the parsed answer. Node only.
import { jsonLine } from './terminal-text.js';
import { parseArgs } from 'node:util';
import { text } from 'node:stream/consumers';
import { parseAnswer } from '../glm/parser.js';
import { positiveInteger } from './usage.js';

export async function parseCommand(
  args: string[],
  io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream },
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { width: { type: 'string' }, height: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  const width = positiveInteger('--width', values.width);
  const height = positiveInteger('--height', values.height);
  const raw = await text(io.stdin);
  io.stdout.write(jsonLine(parseAnswer(raw, { width, height })));
  return 0;
}
