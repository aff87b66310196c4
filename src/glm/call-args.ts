// Finds Python-style calls such as left_click(start_box='[1,2]') in model text and reads their arguments. Pure: no Node, no DOM.

/** One `name(...)` call found in a text; `start`/`end` are offsets into that text (end is past the closing paren). */
export interface CallMatch {
  name: string;
  /** The text between the parentheses, raw (quotes and escapes kept). */
  args: string;
  start: number;
  end: number;
}

/** The arguments of one call: keyword arguments by lower-case name (first one wins) and positional ones in order. */
export interface CallArgs {
  named: ReadonlyMap<string, string>;
  positional: readonly string[];
}

const CALL_START = /\b([A-Za-z_][A-Za-z0-9_]*)\(/g;

/**
 * Finds the calls in `text` left to right. A call's span hides what is inside it, so `type(content='click(x)')` is one
 * call. `type` calls end at their last `')`/`")` in `text`, because typed content may hold unescaped quotes and parens.
 */
export function findCalls(text: string): CallMatch[] {
  const calls: CallMatch[] = [];
  const pattern = new RegExp(CALL_START.source, 'g');
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const name = match[1] ?? '';
    const open = match.index + name.length;
    const close = findCallClose(text, open, name.toLowerCase() === 'type');
    const end = close === -1 ? text.length : close + 1;
    calls.push({ name, args: text.slice(open + 1, close === -1 ? text.length : close), start: match.index, end });
    pattern.lastIndex = end;
  }
  return calls;
}

function findCallClose(text: string, open: number, isType: boolean): number {
  if (isType) {
    const quoted = Math.max(text.lastIndexOf("')"), text.lastIndexOf('")'));
    if (quoted > open) return quoted + 1;
  }
  const balanced = findBalancedClose(text, open);
  if (balanced !== -1) return balanced;
  const last = text.lastIndexOf(')');
  return last > open ? last : -1;
}

// Quotes open only where a value starts and close only where a value can end, so "it's" inside a value is text.
function findBalancedClose(text: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let index = open; index < text.length; index++) {
    const character = text[index];
    if (quote !== null) {
      if (character === '\\') index++;
      else if (character === quote && canEndValue(text, index + 1)) quote = null;
    } else if ((character === "'" || character === '"') && canStartValue(text, index)) {
      quote = character;
    } else if (character === '(') {
      depth++;
    } else if (character === ')' && --depth === 0) {
      return index;
    }
  }
  return -1;
}

function canStartValue(text: string, quoteIndex: number): boolean {
  return /[=([,]\s*$/.test(text.slice(Math.max(0, quoteIndex - 16), quoteIndex));
}

function canEndValue(text: string, afterQuote: number): boolean {
  return /^\s*(?:[,)\]]|$)/.test(text.slice(afterQuote, afterQuote + 16));
}

/** Reads the arguments of a call: `a='x', b=[1, 2], c=5, 'positional'`. Quoted values are unescaped. */
export function parseCallArgs(args: string): CallArgs {
  const named = new Map<string, string>();
  const positional: string[] = [];
  let index = 0;
  while (index < args.length) {
    index = skipSeparators(args, index);
    if (index >= args.length) break;
    const keyword = /^([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)\s*/.exec(args.slice(index));
    if (keyword) index += keyword[0].length;
    const value = readValue(args, index);
    index = value.end;
    if (!keyword) positional.push(value.text);
    else if (!named.has(keyword[1]!.toLowerCase())) named.set(keyword[1]!.toLowerCase(), value.text);
  }
  return { named, positional };
}

function skipSeparators(args: string, index: number): number {
  let position = index;
  while (position < args.length && /[\s,]/.test(args[position] ?? '')) position++;
  return position;
}

interface ValueRead {
  text: string;
  end: number;
}

function readValue(args: string, start: number): ValueRead {
  const first = args[start];
  return first === "'" || first === '"' ? readQuoted(args, start, first) : readBare(args, start);
}

// A quoted value ends at a matching quote followed by the end or by `, name=` / `, '…`: the quote then cannot be text.
function readQuoted(args: string, start: number, quote: string): ValueRead {
  for (let index = start + 1; index < args.length; index++) {
    if (args[index] === '\\') index++;
    else if (args[index] === quote && endsQuotedValue(args.slice(index + 1))) {
      return { text: unescapeValue(args.slice(start + 1, index)), end: index + 1 };
    }
  }
  const rest = args.slice(start + 1).replace(/\s+$/, '');
  return { text: unescapeValue(rest.endsWith(quote) ? rest.slice(0, -1) : rest), end: args.length };
}

function endsQuotedValue(after: string): boolean {
  return /^\s*(?:$|,\s*(?:[A-Za-z_][A-Za-z0-9_]*\s*=|['"]))/.test(after);
}

// A bare value (step=5, start_box=[1, 2]) ends at a comma outside brackets.
function readBare(args: string, start: number): ValueRead {
  let depth = 0;
  let index = start;
  for (; index < args.length; index++) {
    const character = args[index] ?? '';
    if ('([{'.includes(character)) depth++;
    else if (')]}'.includes(character)) depth = Math.max(0, depth - 1);
    else if (character === ',' && depth === 0) break;
  }
  return { text: args.slice(start, index).trim(), end: index };
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', "'": "'", '"': '"', '\\': '\\' };

/** Undoes the escapes a Python string literal would hold: \n, \t, \', \", \\; any other backslash stays. */
export function unescapeValue(value: string): string {
  return value.replace(/\\([\s\S])/g, (whole, character: string) => ESCAPES[character] ?? whole);
}
