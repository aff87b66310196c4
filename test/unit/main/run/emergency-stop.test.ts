import { describe, expect, it } from 'vitest';
import { EmergencyStop, type GlobalShortcutLike } from '../../../../main/run/emergency-stop.js';

/** A desktop where some accelerators belong to other apps. */
function desktop(takenByOthers: string[]) {
  const ours = new Map<string, () => void>();
  const shortcuts: GlobalShortcutLike = {
    register(accelerator, callback) {
      if (accelerator.includes('Nonsense')) throw new Error('Failed to parse accelerator');
      if (takenByOthers.includes(accelerator) || ours.has(accelerator)) return false;
      ours.set(accelerator, callback);
      return true;
    },
    unregister: (accelerator) => void ours.delete(accelerator),
  };
  return { shortcuts, press: (accelerator: string) => ours.get(accelerator)?.(), held: () => [...ours.keys()] };
}

describe('EmergencyStop', () => {
  it('stops on the registered shortcut and moves to a new one when settings change', () => {
    const { shortcuts, press, held } = desktop([]);
    let stops = 0;
    const stop = new EmergencyStop(shortcuts, () => stops++);
    expect(stop.use('CommandOrControl+Shift+Escape')).toEqual({ ok: true });
    press('CommandOrControl+Shift+Escape');
    expect(stop.use('Alt+F12')).toEqual({ ok: true });
    press('CommandOrControl+Shift+Escape');
    press('Alt+F12');
    expect([stops, held(), stop.current]).toEqual([2, ['Alt+F12'], 'Alt+F12']);
  });

  it('explains a taken shortcut and keeps the previous one working', () => {
    const { shortcuts, press, held } = desktop(['Alt+F4']);
    let stops = 0;
    const stop = new EmergencyStop(shortcuts, () => stops++);
    stop.use('Alt+F12');
    expect(stop.use('Alt+F4')).toEqual({
      ok: false,
      message:
        'Emergency stop: Alt+F4 is already taken by another app. Alt+F12 still stops a run; choose another shortcut in Settings.',
    });
    press('Alt+F12');
    expect([stops, held()]).toEqual([1, ['Alt+F12']]);
  });

  it('says when no shortcut is active, and rejects strings that are not accelerators', () => {
    const { shortcuts } = desktop(['Alt+F4']);
    const stop = new EmergencyStop(shortcuts, () => undefined);
    expect(stop.use('Alt+F4')).toEqual({
      ok: false,
      message:
        'Emergency stop: Alt+F4 is already taken by another app. No emergency-stop shortcut is active; choose another shortcut in Settings.',
    });
    expect(stop.use('Nonsense+Q')).toMatchObject({ ok: false, message: expect.stringContaining('is not a shortcut') });
    expect(stop.current).toBeNull();
  });

  it('releases its shortcut on dispose', () => {
    const { shortcuts, held } = desktop([]);
    const stop = new EmergencyStop(shortcuts, () => undefined);
    stop.use('Alt+F12');
    stop.dispose();
    expect(held()).toEqual([]);
  });
});
