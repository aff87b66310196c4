// Download progress for people on stderr: one line per file redrawn in place on a TTY, periodic plain lines otherwise. Node only.

/** What the downloader reports; every method is optional work for the printer, never for the download. */
export interface DownloadProgress {
  /** A file begins: `done` bytes are already on disk (a resumed part). */
  fileStart(file: { index: number; count: number; path: string; size: number; done: number }): void;
  /** `done` bytes of the current file are on disk. */
  fileBytes(done: number): void;
  /** The file is in place and verified; `fetched` is false when it was already there. */
  fileEnd(fetched: boolean): void;
  /** A transfer failed and will be tried again after `delayMs`. */
  retry(attempt: number, reason: string, delayMs: number): void;
}

export const silentProgress: DownloadProgress = {
  fileStart: () => undefined,
  fileBytes: () => undefined,
  fileEnd: () => undefined,
  retry: () => undefined,
};

export interface ProgressPrinterOptions {
  /** Redraw one line in place (a terminal) or print plain lines (a log or a pipe). */
  tty: boolean;
  /** Milliseconds; injectable for tests. */
  now?: () => number;
  /** Least time between two lines of one file (ms): 100 on a TTY, 10 s otherwise by default. */
  intervalMs?: number;
}

export function progressPrinter(out: NodeJS.WritableStream, options: ProgressPrinterOptions): DownloadProgress {
  const now = options.now ?? Date.now;
  const interval = options.intervalMs ?? (options.tty ? 100 : 10_000);
  const clear = options.tty ? '\r\x1b[K' : '';
  let file = { index: 0, count: 0, path: '', size: 0, done: 0 };
  let started = 0;
  let firstByte = 0;
  let lastPrint = 0;
  const prefix = () => `[${file.index}/${file.count}] ${file.path}`;
  const line = (done: number) =>
    progressLine({ ...file, done, bytesPerSecond: ((done - firstByte) * 1000) / Math.max(1, now() - started) });
  return {
    fileStart(next) {
      file = next;
      started = lastPrint = now();
      firstByte = next.done;
      if (options.tty) out.write(`${clear}${line(next.done)}`);
      // A log gets no "0 B" line per file: small files would print two lines each for nothing.
      else if (next.done > 0 && next.done < next.size) out.write(`${prefix()} resuming at ${formatBytes(next.done)}\n`);
    },
    fileBytes(done) {
      if (now() - lastPrint < interval) return;
      lastPrint = now();
      out.write(options.tty ? `${clear}${line(done)}` : `${line(done)}\n`);
    },
    fileEnd(fetched) {
      const what = fetched ? 'downloaded and verified' : 'already present, verified';
      out.write(`${clear}${prefix()}  ${formatBytes(file.size)}  ${what}\n`);
    },
    retry(attempt, reason, delayMs) {
      out.write(`${clear}${prefix()}: ${reason}; retry ${attempt} in ${delayMs} ms\n`);
    },
  };
}

/** `[3/12] onnx/decoder.onnx  1.20 GB / 5.00 GB  24%  35.2 MB/s  ETA 1m48s` */
export function progressLine(state: {
  index: number;
  count: number;
  path: string;
  size: number;
  done: number;
  bytesPerSecond: number;
}): string {
  const percent = state.size === 0 ? 100 : Math.floor((state.done * 100) / state.size);
  const speed = `${(state.bytesPerSecond / 1e6).toFixed(1)} MB/s`;
  const eta = state.bytesPerSecond > 0 ? formatDuration((state.size - state.done) / state.bytesPerSecond) : '?';
  return `[${state.index}/${state.count}] ${state.path}  ${formatBytes(state.done)} / ${formatBytes(state.size)}  ${percent}%  ${speed}  ETA ${eta}`;
}

/** Decimal units, as Hugging Face shows file sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(2)} ${units[unit]}`;
}

/** `45s`, `1m48s`, `2h05m`. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) return `${total}s`;
  if (total < 3600) return `${Math.floor(total / 60)}m${String(total % 60).padStart(2, '0')}s`;
  return `${Math.floor(total / 3600)}h${String(Math.floor((total % 3600) / 60)).padStart(2, '0')}m`;
}
