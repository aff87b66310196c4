// Unit tests for the incremental event-stream decoder: line ends, comments, fields, every cut point. Node.
import { describe, expect, it } from 'vitest';
import { createSseDecoder } from '../../../src/backends/sse.js';

function decode(chunks: string[]): string[] {
  const decoder = createSseDecoder();
  return chunks.flatMap((chunk) => decoder.push(chunk));
}

const STREAM =
  ': comment\r\n\r\nevent: message\r\nid: 7\r\ndata: {"a":1}\r\n\r\ndata:{"b":2}\n\ndata: line one\rdata: line two\r\rdata: [DONE]\n\n';
const EVENTS = ['{"a":1}', '{"b":2}', 'line one\nline two', '[DONE]'];

describe('createSseDecoder', () => {
  it('decodes LF, CRLF and CR line ends, skips comments and other fields, joins multi-line data', () => {
    expect(decode([STREAM])).toEqual(EVENTS);
  });

  it('gives the same events for every single cut point', () => {
    for (let cut = 0; cut <= STREAM.length; cut++) {
      expect({ cut, events: decode([STREAM.slice(0, cut), STREAM.slice(cut)]) }).toEqual({ cut, events: EVENTS });
    }
  });

  it('gives the same events fed one character at a time, empty chunks included', () => {
    expect(decode([...STREAM].flatMap((character) => [character, '']))).toEqual(EVENTS);
  });

  it('discards an event cut off by the end of the stream', () => {
    expect(decode(['data: {"a":1}\n\ndata: {"b"'])).toEqual(['{"a":1}']);
  });

  it('keeps a space inside data after the single optional one', () => {
    expect(decode(['data:  two spaces\n\ndata\n\n'])).toEqual([' two spaces', '']);
  });
});
