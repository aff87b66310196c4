import { describe, expect, it } from 'vitest';
import { hideWindowsDuringCapture, type HideableWindow } from '../../../main/windows/capture-privacy.js';

class FakeWindow implements HideableWindow {
  constructor(
    public visible: boolean,
    public destroyed = false,
  ) {}
  isDestroyed = () => this.destroyed;
  isVisible = () => this.visible;
  hide = () => void (this.visible = false);
  showInactive = () => void (this.visible = true);
}

describe('capture privacy', () => {
  it('hides the visible overlay windows for the capture and shows exactly those again', async () => {
    const widget = new FakeWindow(true);
    const marker = new FakeWindow(false);
    const hooks = hideWindowsDuringCapture(() => [widget, marker], 0);
    await hooks.beforeCapture('screen');
    expect([widget.visible, marker.visible]).toEqual([false, false]);
    hooks.afterCapture('screen');
    expect([widget.visible, marker.visible]).toEqual([true, false]);
  });

  it('leaves destroyed windows alone', async () => {
    const gone = new FakeWindow(true, true);
    const hooks = hideWindowsDuringCapture(() => [gone], 0);
    await hooks.beforeCapture('screen');
    hooks.afterCapture('screen');
    expect(gone.visible).toBe(true);
  });
});
