// GLM-4.1V grounding ("where is …?"): the prompt and the box in its answer. Pure: no Node, no DOM.
import { MODEL_COORDINATE_MAX } from './geometry.js';

/** The grounding prompt of the GLM-V README, for one referring expression. */
export function buildGroundingPrompt(query: string): string {
  return `Help me to locate ${query.trim()} in the image and give me its bounding boxes.`;
}

/** A box [x1, y1, x2, y2] in 0–999 thousandths of the image, x1 ≤ x2 and y1 ≤ y2. */
export type ModelBox = [number, number, number, number];

/**
 * The first box of the answer: inside the last <|begin_of_box|>…<|end_of_box|> when present, else the last
 * bracketed group of four numbers ("The bracket style may vary ([], [[]], (), <>, etc.)" per the README).
 */
export function parseGroundingBox(answer: string): ModelBox | null {
  const withoutThinking = answer.replace(/<think>[\s\S]*?<\/think>/g, '');
  const boxes = [...withoutThinking.matchAll(/<\|begin_of_box\|>([\s\S]*?)<\|end_of_box\|>/g)];
  const region = boxes.length > 0 ? boxes.at(-1)![1]! : withoutThinking;
  const groups = [
    ...region.matchAll(
      /[[(<]\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*[\])>]/g,
    ),
  ];
  const group = boxes.length > 0 ? groups[0] : groups.at(-1);
  if (!group) return null;
  const [x1, y1, x2, y2] = group.slice(1, 5).map((value) => clamp(Number(value))) as ModelBox;
  return [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)];
}

function clamp(value: number): number {
  return Math.min(MODEL_COORDINATE_MAX, Math.max(0, Math.round(value)));
}
