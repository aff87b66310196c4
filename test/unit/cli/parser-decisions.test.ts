// The README's parser-decision table, case by case, through the built `deskhand parse` (a CLI contract).
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ParsedAnswer } from '../../../src/glm/actions.js';
import { DESKHAND_BIN } from '../../support/cli.js';

const root = join(import.meta.dirname, '../../..');
const Decisions = z.object({
  size: z.object({ width: z.number().int(), height: z.number().int() }),
  cases: z.array(
    z.object({
      id: z.string(),
      case: z.string(),
      answer: z.string(),
      official: z.string(),
      deskhand: z.string(),
      why: z.string(),
      expect: z.object({
        name: z.string(),
        box: z.tuple([z.number(), z.number()]).optional(),
        point: z.tuple([z.number(), z.number()]).optional(),
        text: z.string().optional(),
        error: z.string().optional(),
      }),
    }),
  ),
});
const decisions = Decisions.parse(
  JSON.parse(await readFile(join(root, 'test/fixtures/glm/parser-decisions.json'), 'utf8')),
);
const readme = await readFile(join(root, 'README.md'), 'utf8');

async function parse(answer: string): Promise<ParsedAnswer> {
  const { width, height } = decisions.size;
  const child = promisify(execFile)(process.execPath, [
    DESKHAND_BIN,
    'parse',
    '--width',
    String(width),
    '--height',
    String(height),
  ]);
  child.child.stdin!.end(answer);
  return ParsedAnswer.parse(JSON.parse((await child).stdout));
}

describe('parser decisions (README "Parser decisions")', () => {
  it.each(decisions.cases)('$id: $deskhand', async (decision) => {
    expect(readme).toContain(`| ${decision.case} | ${decision.official} | ${decision.deskhand} | ${decision.why} |`);
    const parsed = await parse(decision.answer);
    const { expect: wanted } = decision;
    expect(parsed.action.name).toBe(wanted.name);
    if (wanted.box) expect(parsed.action.box).toEqual(wanted.box);
    if (wanted.point) expect(parsed.action.point).toEqual(wanted.point);
    if (wanted.text) expect(parsed.action.text).toBe(wanted.text);
    if (wanted.error) expect(parsed.error).toContain(wanted.error);
    else expect(parsed.error).toBeNull();
  });
});
