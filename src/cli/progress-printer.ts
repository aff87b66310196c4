// How `deskhand run` shows a run: JSON lines for programs, or live text for people. Node only.
import type { RunEvent } from '../host/protocol/run-events.js';

export type EventPrinter = (event: RunEvent) => void;

const ANSWER_MARKUP = /<\/?answer>|<\|begin_of_box\|>|<\|end_of_box\|>/g;

/** One JSON object per event per line (`--json`). */
export function jsonPrinter(out: NodeJS.WritableStream): EventPrinter {
  return (event) => out.write(JSON.stringify(event) + '\n');
}

/** Thinking streamed dimmed as it arrives, then the answer, the action and the outcome. */
export function textPrinter(out: NodeJS.WritableStream, colour: boolean): EventPrinter {
  const dim = (text: string) => (colour ? `\x1b[2m${text}\x1b[22m` : text);
  const bold = (text: string) => (colour ? `\x1b[1m${text}\x1b[22m` : text);
  let section: 'none' | 'reasoning' | 'answer' = 'none';
  const enter = (next: typeof section, heading: string) => {
    if (section !== next) out.write(`\n${bold(heading)}\n`);
    section = next;
  };
  return (event) => {
    switch (event.type) {
      case 'run-start':
        out.write(`${bold('Deskhand')} ${event.backend}/${event.model} on display ${event.displayId}\n`);
        out.write(`Task: ${event.task}\nSession: ${event.sessionDir}\n`);
        break;
      case 'step-start':
        section = 'none';
        out.write(`\n${bold(`── step ${event.step} ──`)}`);
        break;
      case 'reasoning-delta':
        enter('reasoning', 'thinking:');
        out.write(dim(event.text));
        break;
      case 'text-delta': {
        // The answer's markup tokens usually arrive whole; people need the words, --json keeps the raw text.
        const text = event.text.replace(ANSWER_MARKUP, '');
        if (text === '') break;
        enter('answer', 'answer:');
        out.write(text);
        break;
      }
      case 'action-parsed':
        out.write(`\n${bold('→')} ${describeAction(event)}\n`);
        break;
      case 'paused':
        out.write('\n(paused)\n');
        break;
      case 'resumed':
        out.write('(resumed)\n');
        break;
      case 'run-end':
        out.write(`\n${bold(event.outcome.kind.toUpperCase())}: ${event.outcome.message} (${event.steps} steps)\n`);
        break;
      default:
        break;
    }
  };
}

function describeAction(event: Extract<RunEvent, { type: 'action-parsed' }>): string {
  const { action } = event;
  if (event.error) return `${action.name}: ${event.error}`;
  const parts: string[] = [action.name];
  if (action.point) parts.push(`at pixel ${action.point[0]},${action.point[1]}`);
  if (action.endPoint) parts.push(`to ${action.endPoint[0]},${action.endPoint[1]}`);
  if (action.keys) parts.push(action.keys.join('+'));
  if (action.text !== null) parts.push(JSON.stringify(action.text));
  if (action.direction) parts.push(`${action.direction} ×${action.steps}`);
  if (action.elementInfo) parts.push(`(${action.elementInfo})`);
  return parts.join(' ');
}
