// What the tray shows for the run: status text, whether Stop applies, a drawn icon. Pure; used by Electron main.
import type { ActiveRun } from './run/active-run.js';

export type TrayStatus = 'idle' | 'running' | 'paused' | 'taken-over';

export interface TrayModel {
  status: TrayStatus;
  tooltip: string;
  /** The first, disabled menu line. */
  statusLabel: string;
  canStop: boolean;
}

const LABELS: Record<TrayStatus, string> = {
  idle: 'Idle',
  running: 'Running a task',
  paused: 'Paused',
  'taken-over': 'You have the desktop',
};

export function trayModel(run: ActiveRun | null): TrayModel {
  const status: TrayStatus = run === null ? 'idle' : run.phase;
  const step = run !== null && run.step > 0 ? ` (step ${run.step})` : '';
  return {
    status,
    tooltip: `Deskhand: ${LABELS[status].toLowerCase()}${step}`,
    statusLabel: `${LABELS[status]}${step}`,
    canStop: run !== null,
  };
}

/**
 * A square icon as raw 4-byte pixels with equal colour channels (so BGRA and RGBA read alike): a ring when idle,
 * a disc while running, two bars when paused or taken over. `shade` 0 suits a macOS template image.
 */
export function trayIconPixels(status: TrayStatus, size: number, shade: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const centre = (size - 1) / 2;
  const radius = size * 0.42;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x - centre, y - centre);
      let on: boolean;
      if (status === 'idle') on = distance <= radius && distance >= radius - Math.max(1.5, size / 10);
      else if (status === 'running') on = distance <= radius;
      else
        on =
          y >= size * 0.2 &&
          y < size * 0.8 &&
          (Math.abs(x - size * 0.33) < size * 0.1 || Math.abs(x - size * 0.67) < size * 0.1);
      if (!on) continue;
      pixels.fill(shade, (y * size + x) * 4, (y * size + x) * 4 + 3);
      pixels[(y * size + x) * 4 + 3] = 255;
    }
  }
  return pixels;
}
