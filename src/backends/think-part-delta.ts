// Maps think-splitter parts onto ChatBackend deltas. Node (no Node imports needed).
import type { ThinkPart } from '../glm/think-splitter.js';
import type { Delta } from './chat-backend.js';

/** A reasoning part becomes a reasoning-delta, an answer part a text-delta. */
export function thinkPartToDelta(part: ThinkPart): Delta {
  return part.kind === 'reasoning'
    ? { type: 'reasoning-delta', text: part.text }
    : { type: 'text-delta', text: part.text };
}
