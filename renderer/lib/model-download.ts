// Presenting a model download and a model folder check: byte sizes, percentages, memory fit. Pure; renderer.
import type { ModelDownloadState } from '../state/app-state.js';

/** 1536 → "1.5 KB"; decimal units, as disks and download pages use. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Whole percent done, 0–100; 0 while the total is unknown. */
export function downloadPercent(download: Pick<ModelDownloadState, 'doneBytes' | 'totalBytes'>): number {
  if (download.totalBytes <= 0) return 0;
  return Math.min(100, Math.floor((download.doneBytes / download.totalBytes) * 100));
}

/** True while the download may still change (running or waiting to retry). */
export function downloadInProgress(download: ModelDownloadState | null): boolean {
  return download?.state === 'running' || download?.state === 'retrying';
}
