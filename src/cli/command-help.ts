// Each command's own usage, cut from the CLI's help text, and the nearest flag for a misspelt one. Node only.
import { USAGE } from './usage.js';

/** True when the arguments ask for help (before a `--`, after which everything is positional). */
export function asksForHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/** The usage lines of `deskhand <command> [<verb>]`: the verb's own lines when it has some, else the command's. */
export function commandUsage(command: string, verb?: string): string | null {
  const blocks = usageBlocks();
  const forVerb =
    verb && /^[a-z]+$/.test(verb) ? blocks.filter((block) => startsCommand(block, `${command} ${verb}`)) : [];
  const chosen = forVerb.length > 0 ? forVerb : blocks.filter((block) => startsCommand(block, command));
  return chosen.length === 0 ? null : `Usage:\n${chosen.join('\n')}\nSee README.md for every flag.`;
}

/** "unknown flag --base-ur; did you mean --base-url?" for a parseArgs unknown-option message; null when none is near. */
export function unknownFlagMessage(parserMessage: string, command: string | undefined): string | null {
  const flag = /Unknown option '([^']+)'/.exec(parserMessage)?.[1];
  if (flag === undefined) return null;
  const usage = command === undefined ? null : commandUsage(command);
  const known = [...new Set(usage?.match(/--[a-z][a-z-]*/g) ?? [])];
  const nearest = nearestFlag(flag, known);
  return nearest ? `unknown flag ${flag}; did you mean ${nearest}?` : null;
}

/** The known flag within a few edits of `flag`, closest first; null when none is close. */
function nearestFlag(flag: string, known: string[]): string | null {
  let best: { flag: string; distance: number } | null = null;
  for (const candidate of known) {
    const distance = editDistance(flag, candidate);
    if (distance <= Math.max(2, Math.floor(candidate.length / 3)) && (!best || distance < best.distance)) {
      best = { flag: candidate, distance };
    }
  }
  return best?.flag ?? null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** USAGE's command lines, each with the indented lines that continue it. */
function usageBlocks(): string[] {
  const blocks: string[] = [];
  for (const line of USAGE.split('\n')) {
    if (line.startsWith('  deskhand ')) blocks.push(line);
    else if (line.startsWith('   ') && blocks.length > 0 && line.trim() !== '')
      blocks[blocks.length - 1] += `\n${line}`;
    else if (blocks.length > 0 && !line.startsWith(' ')) break;
  }
  return blocks;
}

function startsCommand(block: string, command: string): boolean {
  return block.startsWith(`  deskhand ${command} `) || block === `  deskhand ${command}`;
}
