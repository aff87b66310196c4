// What each response to a (possibly ranged) request means for the part file on disk.
import { describe, expect, it } from 'vitest';
import { parseContentRange, planResponse, rangeHeader } from '../../../src/models/http-range.js';

describe('http range', () => {
  it('asks for the rest of a file', () => {
    expect(rangeHeader(1234)).toBe('bytes=1234-');
  });

  it('parses Content-Range, with or without a known total', () => {
    expect(parseContentRange('bytes 10-99/100')).toEqual({ start: 10, end: 99, total: 100 });
    expect(parseContentRange('bytes 10-99/*')).toEqual({ start: 10, end: 99, total: null });
    expect(parseContentRange('bytes 99-10/100')).toBeNull();
    expect(parseContentRange('items 0-1/2')).toBeNull();
    expect(parseContentRange(null)).toBeNull();
  });

  it('plans each response', () => {
    expect(planResponse(200, null, 500)).toEqual({ kind: 'restart' });
    expect(planResponse(206, 'bytes 500-999/1000', 500)).toEqual({ kind: 'append' });
    expect(planResponse(206, 'bytes 0-999/1000', 500)).toMatchObject({ kind: 'discard-part' });
    expect(planResponse(416, 'bytes */400', 500)).toMatchObject({ kind: 'discard-part' });
    expect(planResponse(404, null, 0)).toEqual({ kind: 'not-found' });
    expect(planResponse(503, null, 0)).toEqual({ kind: 'retry', reason: 'HTTP 503' });
    expect(planResponse(429, null, 0)).toEqual({ kind: 'retry', reason: 'HTTP 429' });
    expect(planResponse(403, null, 0)).toMatchObject({ kind: 'fail', reason: expect.stringContaining('HF_TOKEN') });
    expect(planResponse(400, null, 0)).toEqual({ kind: 'fail', reason: 'unexpected HTTP 400' });
  });
});
