// Generated and mutated GLM-4.1V answers for fuzzing the parser, and the invariants every parse must keep.
// Shared by test/unit/glm/parser-fuzz.test.ts (10,000 cases) and `npm run bench -- fuzz` (1,000,000). Node only.
import fc from 'fast-check';

const NAMES = [
  'left_click',
  'click',
  'right_click',
  'middle_click',
  'hover',
  'left_double_click',
  'double_click',
  'left_drag',
  'drag',
  'key',
  'hotkey',
  'type',
  'scroll',
  'WAIT',
  'DONE',
  'FAIL',
  'Left_Click',
  'open_app',
  'rm_rf',
  '',
];
const ARG_NAMES = ['start_box', 'end_box', 'content', 'keys', 'direction', 'step', 'element_info', 'x', 'box'];
const TOKENS = [
  '<think>',
  '</think>',
  '<answer>',
  '</answer>',
  '<|begin_of_box|>',
  '<|end_of_box|>',
  'Memory:',
  'Action:',
  '(',
  ')',
  "'",
  '"',
  '\\',
  '[',
  ']',
  ',',
  '=',
  '\n',
  '，',
  '：',
  '\u0000',
  '\uD800',
  '𝟘',
  'NaN',
  'Infinity',
  '-1e309',
  '1e309',
];

/** A coordinate as the model might write it: in range, out of range, fractional, absurd, or not a number. */
const coordinate = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 999 }).map(String) },
  fc.integer({ min: -100_000, max: 100_000 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.constantFrom('NaN', '1e309', '-0', '0x3e7', '', ' ', '999.9999', '1000', '-1', '12abc'),
);
const box = fc.oneof(
  fc.tuple(coordinate, coordinate).map(([x, y]) => `[${x},${y}]`),
  fc.tuple(coordinate, coordinate, coordinate, coordinate).map((values) => `[${values.join(', ')}]`),
  fc.tuple(coordinate, coordinate).map(([x, y]) => `(${x}, ${y})`),
  fc.array(coordinate, { maxLength: 6 }).map((values) => `[${values.join(',')}]`),
);
const argValue = fc.oneof(
  box.map((value) => `'${value}'`),
  box,
  fc.string({ maxLength: 30 }).map((text) => `'${text}'`),
  fc.string({ maxLength: 30 }).map((text) => JSON.stringify(text)),
  fc.constantFrom("'ctrl+alt+delete'", "'Return'", "'up'", "'down'", "'sideways'", "'a+b+c+d+e+f'", '5', '-3', '1e9'),
);
const call = fc
  .tuple(
    fc.constantFrom(...NAMES),
    fc.array(fc.tuple(fc.constantFrom(...ARG_NAMES), argValue), { maxLength: 4 }),
    fc.boolean(),
  )
  .map(
    ([name, args, closed]) => `${name}(${args.map(([key, value]) => `${key}=${value}`).join(', ')}${closed ? ')' : ''}`,
  );

const quoted = (value) => fc.constantFrom(`'${value}'`, `"${value}"`, value);
const pointArg = (name) => box.chain((value) => quoted(value)).map((value) => `${name}=${value}`);
const textArg = (name, values) =>
  fc.oneof(fc.constantFrom(...values), fc.string({ maxLength: 20 })).map((value) => `${name}='${value}'`);
const elementInfo = fc.option(textArg('element_info', ['Delete', 'OK', "it's", 'a\\nb']), { nil: '' });

/** A call with the arguments its action expects, so that most of them parse into actions with points. */
const plausibleCall = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('left_click', 'right_click', 'middle_click', 'hover', 'left_double_click'),
      pointArg('start_box'),
      elementInfo,
    )
    .map(([name, point, info]) => `${name}(${[point, info].filter(Boolean).join(', ')})`),
  fc.tuple(pointArg('start_box'), pointArg('end_box')).map(([from, to]) => `left_drag(${from}, ${to})`),
  fc
    .tuple(
      pointArg('start_box'),
      textArg('direction', ['up', 'down', 'left']),
      fc.option(fc.integer({ min: -5, max: 500 })),
    )
    .map(([point, direction, step]) => `scroll(${point}, ${direction}${step === null ? '' : `, step=${step}`})`),
  textArg('keys', ['ctrl+c', 'alt+f4', 'Return', 'cmd+shift+4', 'ctrl++', 'f13', 'ctrl+alt+del']).map(
    (keys) => `key(${keys})`,
  ),
  textArg('content', ['hello', "it\\'s", 'line\\nbreak', '世界']).map((content) => `type(${content})`),
);

/** A whole answer in the official shape, with each part optional. */
const wellFormed = fc
  .record({
    thinking: fc.option(fc.string({ maxLength: 80 })),
    explanation: fc.string({ maxLength: 80 }),
    call: fc.oneof({ weight: 3, arbitrary: plausibleCall }, { weight: 1, arbitrary: call }),
    boxed: fc.boolean(),
    memory: fc.option(fc.string({ maxLength: 40 })),
    tagged: fc.boolean(),
  })
  .map(({ thinking, explanation, call: text, boxed, memory, tagged }) => {
    const action = boxed ? `<|begin_of_box|>${text}<|end_of_box|>` : text;
    const body = `${explanation}\n${action}${memory === null ? '' : `\nMemory:\n${memory}`}`;
    return `${thinking === null ? '' : `<think>${thinking}</think>`}${tagged ? `<answer>${body}</answer>` : body}`;
  });

/** One edit of an answer: insert a token or text, delete or duplicate a range, or cut it short. */
const mutation = fc.record({
  kind: fc.constantFrom('insert-token', 'insert-text', 'delete', 'duplicate', 'truncate', 'upper'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 40 }),
  token: fc.constantFrom(...TOKENS),
  text: fc.string({ maxLength: 12, unit: 'binary' }),
});

function mutate(answer, edit) {
  const at = Math.floor(edit.at * answer.length);
  const end = Math.min(answer.length, at + edit.length);
  switch (edit.kind) {
    case 'insert-token':
      return answer.slice(0, at) + edit.token + answer.slice(at);
    case 'insert-text':
      return answer.slice(0, at) + edit.text + answer.slice(at);
    case 'delete':
      return answer.slice(0, at) + answer.slice(end);
    case 'duplicate':
      return answer.slice(0, end) + answer.slice(at, end) + answer.slice(end);
    case 'truncate':
      return answer.slice(0, at);
    default:
      return answer.slice(0, at) + answer.slice(at, end).toUpperCase() + answer.slice(end);
  }
}

/** Model answers: well-formed, mutated, several glued together, or arbitrary text. */
export const modelAnswer = fc.oneof(
  { weight: 3, arbitrary: wellFormed },
  {
    weight: 4,
    arbitrary: fc
      .tuple(wellFormed, fc.array(mutation, { minLength: 1, maxLength: 5 }))
      .map(([answer, edits]) => edits.reduce(mutate, answer)),
  },
  { weight: 1, arbitrary: fc.array(wellFormed, { minLength: 2, maxLength: 3 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200, unit: 'grapheme' }) },
);

/** Screenshot sizes, from 1×1 to 8K. */
export const frameSize = fc.oneof(
  fc.record({ width: fc.integer({ min: 1, max: 8192 }), height: fc.integer({ min: 1, max: 8192 }) }),
  fc.constantFrom({ width: 1920, height: 1080 }, { width: 1, height: 1 }, { width: 3840, height: 2160 }),
);

const POINTER = new Set([
  'left_click',
  'right_click',
  'middle_click',
  'hover',
  'left_double_click',
  'left_drag',
  'scroll',
]);

const insideFrame = (point, size) =>
  Array.isArray(point) &&
  point.length === 2 &&
  point.every(Number.isInteger) &&
  point[0] >= 0 &&
  point[1] >= 0 &&
  point[0] < size.width &&
  point[1] < size.height;

/**
 * Why `parsed` breaks a parser invariant, or null: the parser never fails inside, every point lies within the
 * frame, an answer with an error never yields an executable action, and an executable action has what it needs.
 */
export function parseViolation(parsed, size) {
  if (parsed.error !== null && parsed.error.startsWith('The parser failed')) return `exception: ${parsed.error}`;
  const { action } = parsed;
  if (parsed.error !== null && action.name !== 'none') return `error "${parsed.error}" but action ${action.name}`;
  if (parsed.error === null && action.name === 'none') return 'action none without an error';
  for (const point of [action.point, action.endPoint]) {
    if (point !== null && !insideFrame(point, size)) return `point ${JSON.stringify(point)} outside the frame`;
  }
  for (const model of [action.box, action.endBox]) {
    if (model !== null && !model.every((value) => Number.isFinite(value) && value >= 0 && value <= 999)) {
      return `model point ${JSON.stringify(model)} outside 0–999`;
    }
  }
  if (parsed.error === null && POINTER.has(action.name) && action.point === null) return `${action.name} without point`;
  if (parsed.error === null && action.name === 'left_drag' && action.endPoint === null) return 'drag without end';
  return null;
}
