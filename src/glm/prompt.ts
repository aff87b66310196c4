// Builds the GLM-4.1V desktop prompt (the official OSWorld template with tips for a real user's desktop). Pure: no Node, no DOM.

/** At most this many history screenshots go with a step, oldest first, after the current one. */
export const HISTORY_IMAGE_LIMIT = 4;
/** History screenshots are resized to this fraction of width and height. */
export const HISTORY_IMAGE_SCALE = 0.5;

/** The intro, byte for byte as the model was trained on it. */
export const DESKTOP_PROMPT_INTRO =
  'You are a GUI operation agent. You will be given a task and your action history, with recent screenshots. You should help me control the computer, output the best action step by step to accomplish the task.\n' +
  'The actions you output must be in the following action space:';

/** The action space, byte for byte (the `key(key='ctrl+c')` typo included: the model was trained on it). */
export const DESKTOP_ACTION_SPACE = [
  "left_click(start_box='[x,y]', element_info='')",
  '# left single click at [x,y]',
  "right_click(start_box='[x,y]', element_info='')",
  '# right single click at [x,y]',
  "middle_click(start_box='[x,y]', element_info='')",
  '# middle single click at [x,y]',
  "hover(start_box='[x,y]', element_info='')",
  '# hover the mouse at [x,y]',
  "left_double_click(start_box='[x,y]', element_info='')",
  '# left double click at [x,y]',
  "left_drag(start_box='[x1,y1]', end_box='[x2,y2]', element_info='')",
  '# left drag from [x1,y1] to [x2,y2]',
  "key(keys='')",
  "# press a single key or a key combination/shortcut, if it's a key combination, you should use '+' to connect the keys like key(key='ctrl+c')",
  "type(content='')",
  '# type text into the current active element, it performs a copy&paste operation, so *you must click at the target element first to active it before typing something in*, if you want to overwrite the content, you should clear the content before type something in.',
  "scroll(start_box='[x,y]', direction='down/up', step=k, element_info='')",
  '# scroll the page at [x,y] to the specified direction for k clicks of the mouse wheel',
  'WAIT()',
  '# sleep for 5 seconds',
  'DONE()',
  '# output when the task is fully completed',
  'FAIL()',
  '# output when the task can not be performed at all',
].join('\n');

/** The output rules, byte for byte (including "0-1000" and "shrunked": the model was trained on this text). */
export const DESKTOP_OUTPUT_RULES = [
  'The output rules are as follows:',
  '1. The start/end box parameter of the action should be in the format of [x, y] normalized to 0-1000, which usually should be the bounding box of a specific target element.',
  "2. The element_info parameter is optional, it should be a string that describes the element you want to operate with, you should fill this parameter when you're sure about what the target element is.",
  '3. Take actions step by step. *NEVER output multiple actions at once*.',
  "4. If there are previous actions that you have already performed, I'll provide you history actions and at most 4 shrunked(to 50%*50%) screenshots showing the state before your last 4 actions. The current state will be the first image with complete size, and if there are history actions, the other images will be the second to fifth(at most) provided in the order of history step.",
  "5. You should put the key information you *have to remember* in a separated memory part and I'll give it to you in the next round. The content in this part should be a JSON list. If you no longer need some given information, you should remove it from the memory. Even if you don't need to remember anything, you should also output an empty <memory></memory> part.",
  '6. You can choose to give me a brief explanation before you start to take actions.',
].join('\n');

/** The output format, with the single braces the reference code sends (its f-string turns `{{` into `{`). */
export const DESKTOP_OUTPUT_FORMAT = [
  'Output Format:',
  "Plain text explanation with action(param='...')",
  'Memory:',
  '[{"user_email": "x@gmail.com", ...}]',
].join('\n');

/**
 * The tips. The official list gives the model an OSWorld VM's passwords and says nobody is watching; on a real
 * user's desktop the agent must never handle secrets and must stop where a person has to decide.
 */
export const DESKTOP_TIPS: readonly string[] = [
  'If you are presented with an open website to solve the task, try to stick to that specific one instead of going to a new one.',
  'Never type, guess or look up passwords, payment details or other secrets. If a password, a payment or the confirmation of something that cannot be undone is needed, output FAIL() and say in your explanation what is needed.',
  'Prefer keyboard shortcuts where they are reliable.',
  'This is my own computer and I may be watching and may take over at any time, so if the screen changed in a way you did not expect, look at it again before you act.',
];

/** Everything before the task, built from the pieces above exactly as the reference `get_pc_prompt` joins them. */
export const DESKTOP_PROMPT_PREAMBLE =
  `${DESKTOP_PROMPT_INTRO}\n${DESKTOP_ACTION_SPACE}\n\n${DESKTOP_OUTPUT_RULES}\n\n${DESKTOP_OUTPUT_FORMAT}\n\n` +
  `Here are some helpful tips:\n${DESKTOP_TIPS.map((tip) => `- ${tip}\n`).join('')}` +
  'Now Please help me to solve the following task:\n';

/** The whole template with the official placeholders, for reference and tests. */
export const DESKTOP_PROMPT_TEMPLATE = `${DESKTOP_PROMPT_PREAMBLE}#TASK#\n#HISTORY_WITH_MEMORY#`;

/** What one desktop step's prompt is built from. */
export interface DesktopPromptInput {
  task: string;
  /** Earlier answers, oldest first, each as historyTextFromAnswer gives it (explanation and action call). */
  history: readonly string[];
  /** The memory the previous answer wrote (a JSON list as text); empty means `[]`. */
  memory: string;
  /** How many history screenshots go with this step (0 when none); at most HISTORY_IMAGE_LIMIT are expected. */
  historyImageCount: number;
}

/** Builds the prompt text for one step: the preamble, the task, then the history with memory. */
export function buildDesktopPrompt(input: DesktopPromptInput): string {
  return `${DESKTOP_PROMPT_PREAMBLE}${input.task}\n${historyWithMemory(input)}`;
}

function historyWithMemory(input: DesktopPromptInput): string {
  const steps = input.history.map((entry, index) => `\nstep ${index + 1}: ${entry}`).join('');
  const memory = input.memory.trim() === '' ? '[]' : input.memory;
  return `History actions:${steps}\nMemory:\n${memory}${historyNote(input.historyImageCount)}`;
}

function historyNote(count: number): string {
  if (!(count > 0)) return '';
  return `\nNote: You will also see ${count} recent historical screenshots (50% scaled) showing the states before your last ${count} actions. These are provided in chronological order to help you understand the context of your previous actions.`;
}
