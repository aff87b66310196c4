import { describe, expect, it } from 'vitest';
import {
  openPermissionPane,
  permissionPaneUrl,
  permissionStatus,
  type SystemPreferencesLike,
} from '../../../main/permissions.js';

function preferences(trusted: boolean, screen: ReturnType<SystemPreferencesLike['getMediaAccessStatus']>) {
  const prompts: boolean[] = [];
  const fake: SystemPreferencesLike = {
    isTrustedAccessibilityClient: (prompt) => (prompts.push(prompt), trusted),
    getMediaAccessStatus: () => screen,
  };
  return { fake, prompts };
}

describe('permissionStatus', () => {
  it('reads both macOS grants without ever prompting', () => {
    const { fake, prompts } = preferences(false, 'not-determined');
    expect(permissionStatus('darwin', fake)).toEqual({
      platform: 'darwin',
      accessibility: 'denied',
      screen: 'not-determined',
    });
    expect(permissionStatus('darwin', preferences(true, 'granted').fake)).toEqual({
      platform: 'darwin',
      accessibility: 'granted',
      screen: 'granted',
    });
    expect(prompts).toEqual([false]);
  });

  it('needs nothing on Linux and Windows', () => {
    const { fake } = preferences(false, 'denied');
    expect([permissionStatus('linux', fake), permissionStatus('win32', fake)]).toEqual([
      { platform: 'linux', accessibility: 'not-needed', screen: 'not-needed' },
      { platform: 'win32', accessibility: 'not-needed', screen: 'not-needed' },
    ]);
  });
});

describe('openPermissionPane', () => {
  it('opens only the fixed System Settings panes, and only on macOS', async () => {
    const opened: string[] = [];
    const shell = { openExternal: async (url: string) => void opened.push(url) };
    await openPermissionPane('darwin', 'accessibility', shell);
    await openPermissionPane('darwin', 'screen', shell);
    await openPermissionPane('linux', 'screen', shell);
    expect(opened).toEqual([
      'x-apple.systempreferences:com.apple.preference.security?Privacy_Accessibility',
      'x-apple.systempreferences:com.apple.preference.security?Privacy_ScreenCapture',
    ]);
    expect(permissionPaneUrl('win32', 'accessibility')).toBeNull();
  });
});
