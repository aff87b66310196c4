// Decodes a text/event-stream into the data payload of each event, chunk by chunk. Node (no Node imports needed).

/** An incremental server-sent-events decoder: `push` decoded text as it arrives, get completed events' data. */
export interface SseDecoder {
  /** Returns the `data` of every event completed by this text (multi-line data joined with "\n"). */
  push(text: string): string[];
}

/**
 * Follows the WHATWG event-stream rules that matter for chat completions: lines end in LF, CRLF or CR (a CRLF may
 * be split across chunks), `:` lines are comments, fields other than `data` are ignored, a blank line ends an
 * event, and an event cut off by the end of the stream is discarded (the caller then sees a truncated stream).
 */
export function createSseDecoder(): SseDecoder {
  let pending = '';
  let skipLeadingLineFeed = false;
  let dataLines: string[] = [];

  function handleLine(line: string, events: string[]): void {
    if (line === '') {
      if (dataLines.length > 0) events.push(dataLines.join('\n'));
      dataLines = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    if (field !== 'data') return;
    const value = colon < 0 ? '' : line.slice(colon + 1);
    dataLines.push(value.startsWith(' ') ? value.slice(1) : value);
  }

  return {
    push(text) {
      if (text === '') return [];
      let input = text;
      if (skipLeadingLineFeed && input.startsWith('\n')) input = input.slice(1);
      skipLeadingLineFeed = false;
      pending += input;
      const events: string[] = [];
      const lineEnd = /\r\n|\r|\n/g;
      let start = 0;
      for (let match = lineEnd.exec(pending); match; match = lineEnd.exec(pending)) {
        // A CR as the very last character may be the first half of a CRLF that the next chunk completes.
        if (match[0] === '\r' && match.index === pending.length - 1) skipLeadingLineFeed = true;
        handleLine(pending.slice(start, match.index), events);
        start = match.index + match[0].length;
      }
      pending = pending.slice(start);
      return events;
    },
  };
}
