// What the macOS onboarding panel shows: which OS permissions are still missing. Pure; renderer.
import type { PermissionPane, PermissionStatus } from '../../src/host/protocol/app-methods.js';

/** Every pane, in the order the panel lists them. */
export const PERMISSION_PANES: readonly PermissionPane[] = ['accessibility', 'screen'];

/** The panes whose permission is missing; only macOS asks, so elsewhere (or before the status is known) none. */
export function missingPermissions(status: PermissionStatus | null): PermissionPane[] {
  if (status?.platform !== 'darwin') return [];
  return PERMISSION_PANES.filter((pane) => status[pane] !== 'granted' && status[pane] !== 'not-needed');
}

/** Whether to (keep) asking permissions.status: until it is known, and while it says something is missing on macOS. */
export function shouldPollPermissions(status: PermissionStatus | null): boolean {
  return status === null || missingPermissions(status).length > 0;
}
