// HTTP Range requests for resumable downloads: the request header and what a response means for the part file. Node only.

/** The Range header that asks for the rest of a file from byte `from` (RFC 9110 §14.1.2). */
export function rangeHeader(from: number): string {
  return `bytes=${from}-`;
}

/** A parsed `Content-Range: bytes start-end/total` (total null when the server sent `*`). */
export interface ContentRange {
  start: number;
  end: number;
  total: number | null;
}

export function parseContentRange(header: string | null): ContentRange | null {
  const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(header?.trim() ?? '');
  if (!match) return null;
  const [start, end] = [Number(match[1]), Number(match[2])];
  if (end < start) return null;
  return { start, end, total: match[3] === '*' ? null : Number(match[3]) };
}

/** What to do with a response to a request made while `partSize` bytes were already on disk. */
export type ResponsePlan =
  /** 206 starting exactly at `partSize`: append to the part. */
  | { kind: 'append' }
  /** 200 (the server ignored the Range) or a first request: write the part from byte 0. */
  | { kind: 'restart' }
  /** The part no longer fits the file the server has (416, or a 206 at another offset): delete it and ask again. */
  | { kind: 'discard-part'; reason: string }
  /** Worth asking again after a pause: 5xx, 408, 429. */
  | { kind: 'retry'; reason: string }
  | { kind: 'not-found' }
  /** Asking again will not help: 401, 403 and other 4xx, or an unexpected status. */
  | { kind: 'fail'; reason: string };

export function planResponse(status: number, contentRange: string | null, partSize: number): ResponsePlan {
  if (status === 200) return { kind: 'restart' };
  if (status === 206) {
    const range = parseContentRange(contentRange);
    if (range?.start === partSize) return { kind: 'append' };
    return { kind: 'discard-part', reason: `asked for bytes from ${partSize}, got Content-Range "${contentRange}"` };
  }
  if (status === 404) return { kind: 'not-found' };
  if (status === 416) return { kind: 'discard-part', reason: `the server refused bytes from ${partSize} (416)` };
  if (status === 408 || status === 429 || status >= 500) return { kind: 'retry', reason: `HTTP ${status}` };
  if (status === 401 || status === 403) {
    return { kind: 'fail', reason: `HTTP ${status}: the repo is private or gated (set HF_TOKEN if you have access)` };
  }
  return { kind: 'fail', reason: `unexpected HTTP ${status}` };
}
