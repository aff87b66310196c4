// How `deskhand run` shows a run: JSON lines for programs, or live text for people. Node only.
import { describeAction } from '../glm/describe-action.js';
import { MarkupStripper } from '../run-protocol/markup-stripper.js';
import type { RunEvent } from '../run-protocol/run-events.js';
import { jsonLine, terminalSafe as safe } from './terminal-text.js';

export type EventPrinter = (event: RunEvent) => void;

/** One JSON object per event per line (`--json`). */
export function jsonPrinter(out: NodeJS.WritableStream): EventPrinter {
  return (event) => out.write(jsonLine(event));
}

/** Thinking streamed dimmed as it arrives, then the answer, the action and the outcome. */
export function textPrinter(out: NodeJS.WritableStream, colour: boolean): EventPrinter {
  const dim = (text: string) => (colour ? `\x1b[2m${text}\x1b[22m` : text);
  const bold = (text: string) => (colour ? `\x1b[1m${text}\x1b[22m` : text);
  let section: 'none' | 'reasoning' | 'answer' = 'none';
  // People need the words, --json keeps the raw text; a tag may arrive split across chunks.
  let markup = new MarkupStripper();
  const enter = (next: typeof section, heading: string) => {
    if (section !== next) out.write(`\n${bold(heading)}\n`);
    section = next;
  };
  const writeAnswer = (text: string) => {
    if (text === '') return;
    enter('answer', 'answer:');
    out.write(safe(text));
  };
  return (event) => {
    if (event.type !== 'text-delta') {
      writeAnswer(markup.flush());
      markup = new MarkupStripper();
    }
    switch (event.type) {
      case 'run-start':
        out.write(`${bold('Deskhand')} ${safe(`${event.backend}/${event.model} on display ${event.displayId}`)}\n`);
        out.write(`Task: ${safe(event.task)}\nSession: ${safe(event.sessionDir)}\n`);
        break;
      case 'step-start':
        section = 'none';
        out.write(`\n${bold(`── step ${event.step} ──`)}`);
        break;
      case 'reasoning-delta':
        enter('reasoning', 'thinking:');
        out.write(dim(safe(event.text)));
        break;
      case 'text-delta':
        writeAnswer(markup.push(event.text));
        break;
      case 'action-parsed':
        out.write(`\n${bold('→')} ${safe(describeParsedAction(event))}\n`);
        break;
      case 'paused':
        out.write('\n(paused)\n');
        break;
      case 'resumed':
        out.write('(resumed)\n');
        break;
      case 'run-end':
        out.write(
          `\n${bold(event.outcome.kind.toUpperCase())}: ${safe(event.outcome.message)} (${event.steps} steps)\n`,
        );
        break;
      default:
        break;
    }
  };
}

function describeParsedAction(event: Extract<RunEvent, { type: 'action-parsed' }>): string {
  return event.error ? `${event.action.name}: ${event.error}` : describeAction(event.action);
}
