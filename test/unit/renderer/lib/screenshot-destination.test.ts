// The settings view says plainly where each backend sends screenshots, in English and Chinese.
import { describe, expect, it } from 'vitest';
import { screenshotDestination } from '../../../../renderer/lib/screenshot-destination.js';
import { en } from '../../../../renderer/i18n/en.js';
import { zh } from '../../../../renderer/i18n/zh.js';

const server = (baseUrl: string) => ({ id: 'a', name: 'A', kind: 'openai' as const, baseUrl, model: '', keyRef: null });

describe('where screenshots go', () => {
  it.each([
    [
      { id: 'l', name: 'L', kind: 'local' as const, modelDir: '/m', device: 'cpu' as const, variant: 'q4f16' as const },
      'local',
      undefined,
    ],
    [server('http://127.0.0.1:8000/v1'), 'loopback', '127.0.0.1:8000'],
    [server('http://localhost:8000/v1'), 'loopback', 'localhost:8000'],
    [server('http://[::1]:8000/v1'), 'loopback', '[::1]:8000'],
    [server('https://open.bigmodel.cn/api/paas/v4'), 'remote', 'open.bigmodel.cn'],
    [server('http://192.168.1.20:8000/v1'), 'remote', '192.168.1.20:8000'],
    [server('http://127.0.0.1.evil.example/v1'), 'remote', '127.0.0.1.evil.example'],
  ])('%o → %s', (preset, key, host) => {
    expect(screenshotDestination(preset)).toEqual({ key, values: host === undefined ? {} : { host } });
  });

  it('has a sentence for every destination in both languages', () => {
    for (const strings of [en, zh]) {
      const privacy = (strings as unknown as { settings: { privacy: Record<string, string> } }).settings.privacy;
      expect(Object.keys(privacy).sort()).toEqual(['local', 'loopback', 'remote', 'sessions']);
      expect(privacy.remote).toContain('{{host}}');
    }
  });
});
