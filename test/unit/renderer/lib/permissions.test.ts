import { describe, expect, it } from 'vitest';
import type { PermissionStatus } from '../../../../src/host/protocol/app-methods.js';
import { missingPermissions, shouldPollPermissions } from '../../../../renderer/lib/permissions.js';

const mac = (change: Partial<PermissionStatus> = {}): PermissionStatus => ({
  platform: 'darwin',
  accessibility: 'granted',
  screen: 'granted',
  ...change,
});

describe('missingPermissions', () => {
  it('lists the panes macOS has not granted, in panel order', () => {
    expect(missingPermissions(mac({ accessibility: 'denied', screen: 'not-determined' }))).toEqual([
      'accessibility',
      'screen',
    ]);
    expect(missingPermissions(mac({ screen: 'restricted' }))).toEqual(['screen']);
    expect(missingPermissions(mac())).toEqual([]);
  });

  it('never asks outside macOS, nor before the status is known', () => {
    expect(missingPermissions({ platform: 'linux', accessibility: 'denied', screen: 'denied' })).toEqual([]);
    expect(missingPermissions({ platform: 'win32', accessibility: 'not-needed', screen: 'not-needed' })).toEqual([]);
    expect(missingPermissions(null)).toEqual([]);
  });
});

describe('shouldPollPermissions', () => {
  it('asks until the status is known, and on macOS while something is missing', () => {
    expect(shouldPollPermissions(null)).toBe(true);
    expect(shouldPollPermissions(mac({ accessibility: 'denied' }))).toBe(true);
    expect(shouldPollPermissions(mac())).toBe(false);
    expect(shouldPollPermissions({ platform: 'linux', accessibility: 'not-needed', screen: 'not-needed' })).toBe(false);
  });
});
