// macOS onboarding: Accessibility and Screen Recording status, and the pane that grants them. Electron main process.
import type { PermissionPane, PermissionState, PermissionStatus } from '../src/host/protocol/app-methods.js';

/** The part of Electron's `systemPreferences` this module reads. */
export interface SystemPreferencesLike {
  isTrustedAccessibilityClient(prompt: boolean): boolean;
  getMediaAccessStatus(mediaType: 'screen'): 'not-determined' | 'granted' | 'denied' | 'restricted' | 'unknown';
}

/** The System Settings panes, a fixed table: nothing from a page ever reaches `shell.openExternal`. */
export const PERMISSION_PANES: Record<PermissionPane, string> = {
  accessibility: 'x-apple.systempreferences:com.apple.preference.security?Privacy_Accessibility',
  screen: 'x-apple.systempreferences:com.apple.preference.security?Privacy_ScreenCapture',
};

/** What the OS grants. Only macOS asks; elsewhere both read 'not-needed'. Never prompts. */
export function permissionStatus(platform: NodeJS.Platform, preferences: SystemPreferencesLike): PermissionStatus {
  if (platform !== 'darwin') return { platform, accessibility: 'not-needed', screen: 'not-needed' };
  const accessibility: PermissionState = preferences.isTrustedAccessibilityClient(false) ? 'granted' : 'denied';
  return { platform, accessibility, screen: preferences.getMediaAccessStatus('screen') };
}

/** The URL of a pane, or null where the OS has no such pane. */
export function permissionPaneUrl(platform: NodeJS.Platform, pane: PermissionPane): string | null {
  return platform === 'darwin' ? PERMISSION_PANES[pane] : null;
}

/** Opens the pane on macOS (`shell.openExternal`); elsewhere does nothing. */
export async function openPermissionPane(
  platform: NodeJS.Platform,
  pane: PermissionPane,
  shell: { openExternal(url: string): Promise<void> },
): Promise<void> {
  const url = permissionPaneUrl(platform, pane);
  if (url !== null) await shell.openExternal(url);
}
