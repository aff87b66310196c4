// Progress lines: redrawn in place on a terminal and throttled, plain and periodic in a log.
import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, progressLine, progressPrinter } from '../../../src/models/progress.js';

function collector() {
  let text = '';
  return {
    stream: { write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WritableStream,
    text: () => text,
  };
}

const FILE = { index: 2, count: 5, path: 'onnx/decoder.onnx', size: 10_000_000, done: 0 };

describe('download progress', () => {
  it('formats sizes, durations and a whole line', () => {
    expect([formatBytes(999), formatBytes(1500), formatBytes(5_000_000_000)]).toEqual(['999 B', '1.50 kB', '5.00 GB']);
    expect([formatDuration(45), formatDuration(108), formatDuration(7500)]).toEqual(['45s', '1m48s', '2h05m']);
    expect(progressLine({ ...FILE, done: 2_500_000, bytesPerSecond: 2_500_000 })).toBe(
      '[2/5] onnx/decoder.onnx  2.50 MB / 10.00 MB  25%  2.5 MB/s  ETA 3s',
    );
    expect(progressLine({ ...FILE, bytesPerSecond: 0 })).toMatch(/ETA \?$/);
  });

  it('redraws one line in place on a TTY, at most every interval, and ends it with a newline', () => {
    let clock = 0;
    const out = collector();
    const progress = progressPrinter(out.stream, { tty: true, now: () => clock, intervalMs: 100 });
    progress.fileStart(FILE);
    clock = 50;
    progress.fileBytes(1_000_000);
    clock = 1000;
    progress.fileBytes(5_000_000);
    progress.fileEnd(true);
    expect(out.text().split('\r\x1b[K')).toEqual([
      '',
      '[2/5] onnx/decoder.onnx  0 B / 10.00 MB  0%  0.0 MB/s  ETA ?',
      '[2/5] onnx/decoder.onnx  5.00 MB / 10.00 MB  50%  5.0 MB/s  ETA 1s',
      '[2/5] onnx/decoder.onnx  10.00 MB  downloaded and verified\n',
    ]);
  });

  it('prints plain lines without control characters when stderr is not a terminal', () => {
    let clock = 0;
    const out = collector();
    const progress = progressPrinter(out.stream, { tty: false, now: () => clock });
    progress.fileStart({ ...FILE, done: 4_000_000 });
    clock = 5000;
    progress.fileBytes(6_000_000);
    clock = 10_000;
    progress.fileBytes(8_000_000);
    progress.retry(1, 'terminated', 1000);
    progress.fileEnd(false);
    expect(out.text().split('\n')).toEqual([
      '[2/5] onnx/decoder.onnx resuming at 4.00 MB',
      '[2/5] onnx/decoder.onnx  8.00 MB / 10.00 MB  80%  0.4 MB/s  ETA 5s',
      '[2/5] onnx/decoder.onnx: terminated; retry 1 in 1000 ms',
      '[2/5] onnx/decoder.onnx  10.00 MB  already present, verified',
      '',
    ]);
  });
});
