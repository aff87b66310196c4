import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../src/host/protocol/settings.js';
import type { HostEvent } from '../../../../src/host/protocol/host-api.js';
import type { DispatchReply } from '../../../../src/host/host-service.js';
import type { ActiveRun } from '../../../../main/run/active-run.js';
import { RunWatcher } from '../../../../main/run/run-watcher.js';
import type { Rect } from '../../../../main/windows/run-overlay.js';
import { runStart, runState } from '../host-events.js';

function setup(options: { taken?: string[]; stopReply?: DispatchReply } = {}) {
  const dispatched: [string, unknown][] = [];
  const notices: string[] = [];
  const placed: Rect[] = [];
  const shortcuts: string[] = [];
  const trayRuns: (ActiveRun | null)[] = [];
  let listener: (event: HostEvent, seq: number) => void = () => undefined;
  const watcher = new RunWatcher({
    host: {
      async dispatch(method, params) {
        dispatched.push([method, params]);
        if (method === 'settings.get') return { result: DEFAULT_SETTINGS };
        return options.stopReply ?? { result: { ok: true } };
      },
      onEvent: (next) => ((listener = next), () => undefined),
    },
    overlay: { update: () => undefined, placeOn: (area) => void placed.push(area) },
    tray: { update: (run) => void trayRuns.push(run) },
    pointerWatch: { update: () => undefined },
    emergencyStop: {
      use(accelerator) {
        if (options.taken?.includes(accelerator)) return { ok: false, message: `${accelerator} is taken` };
        shortcuts.push(accelerator);
        return { ok: true };
      },
    },
    notify: (message) => void notices.push(message),
    workAreaOf: async (id) => (id === 'HDMI-1' ? { x: 1920, y: 0, width: 1280, height: 1000 } : null),
  });
  return { watcher, dispatched, notices, placed, shortcuts, trayRuns, emit: (event: HostEvent) => listener(event, 1) };
}

describe('RunWatcher', () => {
  it('registers the saved stop shortcut and moves it when settings change', async () => {
    const { watcher, shortcuts, emit } = setup();
    await watcher.start();
    emit({ type: 'settings-changed', settings: { ...DEFAULT_SETTINGS, shortcuts: { emergencyStop: 'Alt+F12' } } });
    expect(shortcuts).toEqual(['CommandOrControl+Shift+Escape', 'Alt+F12']);
  });

  it('tells the user when the shortcut is taken', async () => {
    const { watcher, notices } = setup({ taken: ['CommandOrControl+Shift+Escape'] });
    await watcher.start();
    expect(notices).toEqual(['CommandOrControl+Shift+Escape is taken']);
  });

  it('stops the active run, and does nothing when no run is under way', async () => {
    const { watcher, dispatched, emit } = setup();
    await watcher.start();
    await watcher.stop();
    emit(runState('running', 'run-7'));
    await watcher.stop();
    await watcher.pause();
    emit(runState('ended', 'run-7'));
    await watcher.stop();
    expect(dispatched.slice(1)).toEqual([
      ['run.stop', { runId: 'run-7' }],
      ['run.pause', { runId: 'run-7' }],
    ]);
  });

  it('reports a failed stop, and moves the widget to the run’s display', async () => {
    const { watcher, notices, placed, trayRuns, emit } = setup({
      stopReply: { error: { code: 'internal', message: 'Could not release keys.' } },
    });
    await watcher.start();
    emit(runState('running'));
    emit(runStart('HDMI-1'));
    await watcher.stop();
    expect(notices).toEqual(['Could not release keys.']);
    expect(placed).toEqual([{ x: 1920, y: 0, width: 1280, height: 1000 }]);
    expect(trayRuns.map((run) => run?.phase ?? null)).toEqual(['running', 'running']);
  });
});
