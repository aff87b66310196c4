// packRows: X images may pad their rows; frames never do. Node only.
import { describe, expect, it } from 'vitest';
import { createCapturer, packRows } from '../../../src/desktop/capture.js';

describe('packRows', () => {
  it('returns contiguous rows as they are', () => {
    const data = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(packRows(data, 1, 2, 4)).toEqual(data);
  });

  it('drops the padding at the end of each row', () => {
    const data = Buffer.from([1, 2, 3, 4, 0, 0, 5, 6, 7, 8, 0, 0]);
    expect([...packRows(data, 1, 2, 6)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('createCapturer', () => {
  it('reports the method in use without touching the desktop', async () => {
    expect((await createCapturer('auto')).method).toBe('nut');
    expect((await createCapturer('screenshot-desktop')).method).toBe('screenshot-desktop');
  });
});
