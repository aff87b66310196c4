// What a run remembers between steps, and the one model request it makes of that. Node only (holds image buffers).
import type { ChatImage, ChatRequest } from '../backends/chat-backend.js';
import { buildDesktopPrompt, HISTORY_IMAGE_LIMIT } from '../glm/prompt.js';
import type { ActedStep } from './stop-conditions.js';

export interface RunHistory {
  /** One entry per acted step: its answer text without box tokens, as the official prompt shows history. */
  readonly entries: readonly string[];
  /** Half-size screenshots taken before each acted step, oldest first; the last 4 go to the model. */
  readonly images: readonly ChatImage[];
  /** The model's last Memory: text, fed back verbatim. */
  readonly memory: string;
  readonly acted: readonly ActedStep[];
}

export interface Sampling {
  maxTokens: number;
  temperature: number;
}

/** The official GLM-4.1V agent settings: near-greedy, up to 8192 new tokens. */
export const DEFAULT_SAMPLING: Sampling = { maxTokens: 8192, temperature: 0.001 };

export const EMPTY_HISTORY: RunHistory = { entries: [], images: [], memory: '[]', acted: [] };

export function withActedStep(
  history: RunHistory,
  step: { entry: string; image: ChatImage; memory: string; acted: ActedStep },
): RunHistory {
  return {
    entries: [...history.entries, step.entry],
    images: [...history.images, step.image].slice(-HISTORY_IMAGE_LIMIT),
    memory: step.memory.trim() === '' ? '[]' : step.memory,
    acted: [...history.acted, step.acted],
  };
}

/** One user message: current screenshot first, then up to 4 history screenshots oldest → newest, then the prompt. */
export function buildRequest(
  task: string,
  history: RunHistory,
  current: ChatImage,
  sampling: Sampling,
  historyImageLimit = HISTORY_IMAGE_LIMIT,
): ChatRequest {
  const historyImages = historyImageLimit > 0 ? history.images.slice(-historyImageLimit) : [];
  const prompt = buildDesktopPrompt({
    task,
    history: history.entries,
    memory: history.memory,
    historyImageCount: historyImages.length,
  });
  return { images: [current, ...historyImages], prompt, ...sampling };
}
