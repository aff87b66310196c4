// Leaving Settings with unsaved edits waits for Save, Discard or Cancel; every other tab switch happens at once.
import { beforeEach, describe, expect, it } from 'vitest';
import { endLeave, markSettingsUnsaved, showTab, useUiStore } from '../../../../renderer/state/ui-store.js';

beforeEach(() => useUiStore.setState({ tab: 'settings', settingsUnsaved: false, leavingTo: null }));

describe('showTab with unsaved settings', () => {
  it('switches at once while nothing is unsaved', () => {
    showTab('run');
    expect(useUiStore.getState()).toMatchObject({ tab: 'run', leavingTo: null });
  });

  it('only records the request while edits are unsaved, then goes there or stays', () => {
    markSettingsUnsaved(true);
    showTab('sessions');
    expect(useUiStore.getState()).toMatchObject({ tab: 'settings', leavingTo: 'sessions' });
    endLeave(false);
    expect(useUiStore.getState()).toMatchObject({ tab: 'settings', leavingTo: null, settingsUnsaved: true });
    showTab('run');
    endLeave(true);
    expect(useUiStore.getState()).toMatchObject({ tab: 'run', leavingTo: null, settingsUnsaved: false });
  });

  it('lets other tabs switch freely even with a stale unsaved flag', () => {
    useUiStore.setState({ tab: 'run', settingsUnsaved: true });
    showTab('sessions');
    expect(useUiStore.getState().tab).toBe('sessions');
  });
});
