import { describe, it, expect } from 'vitest';
import {
  DESKTOP_PROMPT_TEMPLATE,
  HISTORY_IMAGE_LIMIT,
  HISTORY_IMAGE_SCALE,
  buildDesktopPrompt,
} from '../../../src/glm/prompt.js';

// The official GLM-4.1V desktop prompt (zai-org/GLM-V examples/gui-agent/glm-41v/gui_agent_41v.py get_pc_prompt),
// written out in full; only the tips differ from the reference.
const PREAMBLE = `You are a GUI operation agent. You will be given a task and your action history, with recent screenshots. You should help me control the computer, output the best action step by step to accomplish the task.
The actions you output must be in the following action space:
left_click(start_box='[x,y]', element_info='')
# left single click at [x,y]
right_click(start_box='[x,y]', element_info='')
# right single click at [x,y]
middle_click(start_box='[x,y]', element_info='')
# middle single click at [x,y]
hover(start_box='[x,y]', element_info='')
# hover the mouse at [x,y]
left_double_click(start_box='[x,y]', element_info='')
# left double click at [x,y]
left_drag(start_box='[x1,y1]', end_box='[x2,y2]', element_info='')
# left drag from [x1,y1] to [x2,y2]
key(keys='')
# press a single key or a key combination/shortcut, if it's a key combination, you should use '+' to connect the keys like key(key='ctrl+c')
type(content='')
# type text into the current active element, it performs a copy&paste operation, so *you must click at the target element first to active it before typing something in*, if you want to overwrite the content, you should clear the content before type something in.
scroll(start_box='[x,y]', direction='down/up', step=k, element_info='')
# scroll the page at [x,y] to the specified direction for k clicks of the mouse wheel
WAIT()
# sleep for 5 seconds
DONE()
# output when the task is fully completed
FAIL()
# output when the task can not be performed at all

The output rules are as follows:
1. The start/end box parameter of the action should be in the format of [x, y] normalized to 0-1000, which usually should be the bounding box of a specific target element.
2. The element_info parameter is optional, it should be a string that describes the element you want to operate with, you should fill this parameter when you're sure about what the target element is.
3. Take actions step by step. *NEVER output multiple actions at once*.
4. If there are previous actions that you have already performed, I'll provide you history actions and at most 4 shrunked(to 50%*50%) screenshots showing the state before your last 4 actions. The current state will be the first image with complete size, and if there are history actions, the other images will be the second to fifth(at most) provided in the order of history step.
5. You should put the key information you *have to remember* in a separated memory part and I'll give it to you in the next round. The content in this part should be a JSON list. If you no longer need some given information, you should remove it from the memory. Even if you don't need to remember anything, you should also output an empty <memory></memory> part.
6. You can choose to give me a brief explanation before you start to take actions.

Output Format:
Plain text explanation with action(param='...')
Memory:
[{"user_email": "x@gmail.com", ...}]

Here are some helpful tips:
- If you are presented with an open website to solve the task, try to stick to that specific one instead of going to a new one.
- Never type, guess or look up passwords, payment details or other secrets. If a password, a payment or the confirmation of something that cannot be undone is needed, output FAIL() and say in your explanation what is needed.
- Prefer keyboard shortcuts where they are reliable.
- This is my own computer and I may be watching and may take over at any time, so if the screen changed in a way you did not expect, look at it again before you act.
Now Please help me to solve the following task:
`;

describe('buildDesktopPrompt', () => {
  it('writes a 2-step history with memory and the history-screenshot note', () => {
    const prompt = buildDesktopPrompt({
      task: 'Find drip coffee makers on sale.',
      history: [
        "I need to click on the search box.\nleft_click(start_box='[376,465]')",
        "I type the query.\ntype(content='drip coffee maker black')",
      ],
      memory: '[{"query": "drip coffee maker black"}]',
      historyImageCount: 2,
    });
    expect(prompt).toBe(
      `${PREAMBLE}Find drip coffee makers on sale.
History actions:
step 1: I need to click on the search box.
left_click(start_box='[376,465]')
step 2: I type the query.
type(content='drip coffee maker black')
Memory:
[{"query": "drip coffee maker black"}]
Note: You will also see 2 recent historical screenshots (50% scaled) showing the states before your last 2 actions. These are provided in chronological order to help you understand the context of your previous actions.`,
    );
  });

  it('writes an empty history with memory [] and no note on the first step', () => {
    const prompt = buildDesktopPrompt({ task: 'Open the Files app.', history: [], memory: '', historyImageCount: 0 });
    expect(prompt).toBe(`${PREAMBLE}Open the Files app.\nHistory actions:\nMemory:\n[]`);
  });

  it('inserts a task holding placeholders and $ patterns literally', () => {
    const task = 'Rename #HISTORY_WITH_MEMORY# to $& and $1';
    const prompt = buildDesktopPrompt({ task, history: [], memory: '[]', historyImageCount: 0 });
    expect(prompt).toBe(`${PREAMBLE}${task}\nHistory actions:\nMemory:\n[]`);
  });

  it('drops the OSWorld passwords and the "nobody is watching" tip', () => {
    const prompt = buildDesktopPrompt({ task: 't', history: ['a'], memory: '[]', historyImageCount: 1 });
    const lines = prompt.split('\n');
    expect({
      password: lines.filter((line) => line.includes('My computer\'s password is "password"')),
      thunderbird: lines.filter((line) => line.includes('thunderbird')),
      watching: lines.filter((line) => line.includes("I won't be watching")),
      authority: lines.filter((line) => line.includes('You have full authority')),
    }).toEqual({ password: [], thunderbird: [], watching: [], authority: [] });
  });
});

describe('prompt constants', () => {
  it('keeps the official placeholders and history-image settings', () => {
    expect({
      template: DESKTOP_PROMPT_TEMPLATE,
      limit: HISTORY_IMAGE_LIMIT,
      scale: HISTORY_IMAGE_SCALE,
    }).toEqual({ template: `${PREAMBLE}#TASK#\n#HISTORY_WITH_MEMORY#`, limit: 4, scale: 0.5 });
  });
});
