import { describe, it, expect } from 'vitest';
import { ParsedAnswer, type Action, type ActionName } from '../../../src/glm/actions.js';
import { act, boxed, failed, NO_ACTION, parsed, SIZE } from '../../support/parsed-answers.js';
import { parseAnswer } from '../../../src/glm/parser.js';

function parseCall(call: string): ParsedAnswer {
  return parseAnswer(boxed(call), SIZE);
}

function withCall(action: Action): ParsedAnswer {
  return parsed(action, { thinking: 'Look at the screen.', explanation: 'Go.' });
}

function withError(error: string): ParsedAnswer {
  return failed(error, { thinking: 'Look at the screen.', explanation: 'Go.' });
}

describe('parseAnswer reads start_box in every spelling the model uses', () => {
  const cases: [string, string, [number, number], [number, number]][] = [
    ['quoted [x,y]', "start_box='[376,465]'", [376, 465], [722, 502]],
    ['double-quoted with a space', 'start_box="[376, 465]"', [376, 465], [722, 502]],
    ['unquoted [x,y]', 'start_box=[376,465]', [376, 465], [722, 502]],
    ['nested [[x,y]]', 'start_box=[[376,465]]', [376, 465], [722, 502]],
    ['parenthesised (x,y)', 'start_box=(376, 465)', [376, 465], [722, 502]],
    ['a <point> tag', "start_box='<point>376 465</point>'", [376, 465], [722, 502]],
    ['floats', "start_box='[12.5, 40.25]'", [12.5, 40.25], [24, 43]],
    ['a 4-number box, as its centre', "start_box='[100,200,300,400]'", [200, 300], [384, 324]],
    ['positional', "'[376,465]'", [376, 465], [722, 502]],
  ];
  for (const [label, args, box, point] of cases) {
    it(label, () => {
      expect(parseCall(`left_click(${args})`)).toEqual(withCall(act('left_click', { box, point })));
    });
  }
});

describe('parseAnswer reads each action', () => {
  it('reads left_drag with an end_box', () => {
    const action = act('left_drag', { box: [100, 100], point: [192, 108], endBox: [900, 500], endPoint: [1728, 540] });
    expect(parseCall("left_drag(start_box='[100,100]', end_box='[900,500]')")).toEqual(withCall(action));
  });

  it('keeps element_info with quotes, parens and commas without breaking other args', () => {
    const call = `left_click(element_info='the "Save (as)" button, it's top-left', start_box='[5,6]')`;
    const action = act('left_click', {
      box: [5, 6],
      point: [10, 6],
      elementInfo: `the "Save (as)" button, it's top-left`,
    });
    expect(parseCall(call)).toEqual(withCall(action));
  });

  it('types content with quotes, parens, escapes and unicode', () => {
    const call = String.raw`type(content='héllo 你好 "quoted" it's (x)\nline2\ttab \'q\' \\')`;
    const text = "héllo 你好 \"quoted\" it's (x)\nline2\ttab 'q' \\";
    expect(parseCall(call)).toEqual(withCall(act('type', { text })));
  });

  it("types content holding ') by ending at the call's last ')", () => {
    expect(parseCall("type(content='Press ') to close')")).toEqual(
      withCall(act('type', { text: "Press ') to close" })),
    );
  });

  it('types content from a call without box tokens followed by memory', () => {
    const raw = "<answer>Type the query.\ntype(content='It's (really) fine')\nMemory:\n[]</answer>";
    expect(parseAnswer(raw, SIZE)).toEqual(
      parsed(act('type', { text: "It's (really) fine" }), { explanation: 'Type the query.' }),
    );
  });

  it('folds key aliases and keeps a repeated key', () => {
    expect(parseCall("key(keys='Ctrl+Shift+Esc')")).toEqual(
      withCall(act('key', { keys: ['ctrl', 'shift', 'escape'] })),
    );
    expect(parseCall("key(key='Return')")).toEqual(withCall(act('key', { keys: ['enter'] })));
    expect(parseCall("key(keys='down+down')")).toEqual(withCall(act('key', { keys: ['down', 'down'] })));
    expect(parseCall("hotkey(keys='cmd+space')")).toEqual(withCall(act('key', { keys: ['meta', 'space'] })));
    expect(parseCall("press(keys='ctrl++')")).toEqual(withCall(act('key', { keys: ['ctrl', '+'] })));
  });

  it('scrolls 5 steps by default and lower-cases the direction', () => {
    const action = act('scroll', { box: [500, 500], point: [960, 540], direction: 'up', steps: 5 });
    expect(parseCall("scroll(start_box='[500,500]', direction='UP')")).toEqual(withCall(action));
  });

  it('clamps scroll steps to 1–50', () => {
    const scroll = (steps: number) => act('scroll', { box: [1, 1], point: [2, 1], direction: 'down', steps });
    expect(parseCall("scroll(start_box='[1,1]', direction='down', step=100)")).toEqual(withCall(scroll(50)));
    expect(parseCall("scroll(start_box='[1,1]', direction='down', step='0')")).toEqual(withCall(scroll(1)));
  });

  it('folds action aliases and any letter case', () => {
    expect(parseCall("click(start_box='[0,0]')")).toEqual(withCall(act('left_click', { box: [0, 0], point: [0, 0] })));
    expect(parseCall("Double_Click(start_box='[0,0]')")).toEqual(
      withCall(act('left_double_click', { box: [0, 0], point: [0, 0] })),
    );
    expect(parseCall("mouse_move(start_box='[0,0]')")).toEqual(withCall(act('hover', { box: [0, 0], point: [0, 0] })));
    expect(parseCall("drag(start_box='[0,0]', end_box='[999,999]')")).toEqual(
      withCall(act('left_drag', { box: [0, 0], point: [0, 0], endBox: [999, 999], endPoint: [1918, 1079] })),
    );
    expect(parseCall("input(content='x')")).toEqual(withCall(act('type', { text: 'x' })));
  });
});

describe('parseAnswer reads WAIT, DONE and FAIL', () => {
  const boxedCases: [string, ActionName][] = [
    ['DONE()', 'done'],
    ['DONE', 'done'],
    ['done()', 'done'],
    ['Wait()', 'wait'],
    ['fail', 'fail'],
    ['Action: FAIL()', 'fail'],
  ];
  for (const [call, name] of boxedCases) {
    it(`reads the box ${call}`, () => {
      expect(parseCall(call)).toEqual(withCall(act(name)));
    });
  }

  it('reads a bare upper-case DONE and Action: done without box tokens', () => {
    expect(parseAnswer('<answer>All set.\nDONE\nMemory:\n[]</answer>', SIZE)).toEqual(
      parsed(act('done'), { explanation: 'All set.' }),
    );
    expect(parseAnswer('<answer>All set.\nAction: done</answer>', SIZE)).toEqual(
      parsed(act('done'), { explanation: 'All set.' }),
    );
  });

  it('does not read the word "wait" in prose as WAIT', () => {
    const raw = "<answer>I'll wait for the page to load.</answer>";
    expect(parseAnswer(raw, SIZE)).toEqual(failed(NO_ACTION, { explanation: "I'll wait for the page to load." }));
  });
});

describe('parseAnswer returns action none with an error for unusable answers', () => {
  it('says an empty reply is empty', () => {
    expect(parseAnswer('', SIZE)).toEqual(failed('The answer is empty: no action.'));
    expect(parseAnswer(undefined as unknown as string, SIZE)).toEqual(failed('The answer is empty: no action.'));
  });

  it('says garbage holds no action', () => {
    expect(parseAnswer('%%% ###', SIZE)).toEqual(failed(NO_ACTION, { explanation: '%%% ###' }));
  });

  it('names an unknown action, and the actions GLM-4.1V has', () => {
    expect(parseCall("open_app(name='Files')")).toEqual(
      withError(
        "Unknown action 'open_app': GLM-4.1V's desktop actions are left_click, right_click, middle_click, hover, " +
          'left_double_click, left_drag, key, type, scroll (up or down), WAIT, DONE and FAIL.',
      ),
    );
  });

  it('refuses a point outside 0–999 instead of clamping it to the screen edge', () => {
    expect(parseCall("left_click(start_box='[1200,-5]')")).toEqual(
      withError(
        "left_click has start_box '[1200,-5]' outside 0–999: points are thousandths of the screenshot, so this " +
          'answer cannot be placed on the screen.',
      ),
    );
  });

  it('names an unknown key', () => {
    expect(parseCall("key(keys='ctrl+hyper')")).toEqual(withError("Unknown key 'hyper' in key(keys='ctrl+hyper')."));
  });

  it('rejects a pointer action without a readable point', () => {
    expect(parseCall('left_click()')).toEqual(withError('left_click needs start_box as [x,y].'));
    expect(parseCall("left_click(start_box='[x,y]')")).toEqual(
      withError("left_click has an unreadable start_box '[x,y]': expected [x,y] in 0–999."),
    );
    expect(parseCall("left_drag(start_box='[1,2]')")).toEqual(withError('left_drag needs end_box as [x,y].'));
  });

  it('rejects type without content', () => {
    expect(parseCall('type()')).toEqual(withError("type needs content, e.g. type(content='hello')."));
    expect(parseCall("type(content='')")).toEqual(withError("type needs content, e.g. type(content='hello')."));
  });

  it('rejects scrolling sideways or without a direction', () => {
    expect(parseCall("scroll(start_box='[1,1]', direction='left')")).toEqual(
      withError("scroll direction 'left' is not supported: only up or down."),
    );
    expect(parseCall("scroll(start_box='[1,1]')")).toEqual(withError('scroll needs a direction (up or down).'));
  });

  it('rejects a box without a call', () => {
    expect(parseCall('[376,465]')).toEqual(withError("The action box holds no action call: '[376,465]'."));
  });
});

describe('parseAnswer output always fits the ParsedAnswer contract', () => {
  const hostile = [
    '',
    '<think>',
    '</think>',
    '<|begin_of_box|><|end_of_box|>',
    "type(content='",
    "left_click(start_box='[1,2]'",
    "scroll(start_box=[[1,2]], direction='down', step=3.7)",
    "<answer>Memory:\n<|begin_of_box|>key(keys='ctrl+')<|end_of_box|>",
    "<|begin_of_box|>left_drag(start_box='(1,2)', end_box='<point>3 4</point>')",
    "(((('''')))) DONE( WAIT FAIL()",
  ];
  for (const raw of hostile) {
    it(`parses ${JSON.stringify(raw)} into a valid answer whose error is set exactly when the action is none`, () => {
      const result = ParsedAnswer.parse(parseAnswer(raw, SIZE));
      expect(result.error === null).toBe(result.action.name !== 'none');
    });
  }
});
