import { describe, expect, it } from 'vitest';
import { apiUrl, reconnectDelayMs } from '../../../../renderer/transport/reconnect-policy.js';

describe('apiUrl', () => {
  it('opens /api on the page host with the token from the page URL', () => {
    expect(apiUrl({ protocol: 'http:', host: '127.0.0.1:4567', search: '?token=a%2Bb' })).toBe(
      'ws://127.0.0.1:4567/api?token=a%2Bb',
    );
  });

  it('uses wss for https and an empty token when the URL has none', () => {
    expect(apiUrl({ protocol: 'https:', host: 'example.test', search: '' })).toBe('wss://example.test/api?token=');
  });
});

describe('reconnectDelayMs', () => {
  it('backs off from 0.5 s, doubling, to at most 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(reconnectDelayMs)).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
});
