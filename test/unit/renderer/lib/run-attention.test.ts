import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ICON_BODY,
  attentionOf,
  documentTitle,
  faviconSvg,
  svgDataUrl,
} from '../../../../renderer/lib/run-attention.js';

describe('attentionOf', () => {
  it('is idle without a run or once it ended, and follows the run phase while it goes', () => {
    expect(attentionOf(null)).toBe('idle');
    expect(attentionOf({ phase: 'ended', confirmation: null })).toBe('idle');
    expect(attentionOf({ phase: 'running', confirmation: null })).toBe('running');
    expect(attentionOf({ phase: 'paused', confirmation: null })).toBe('paused');
    expect(attentionOf({ phase: 'taken-over', confirmation: null })).toBe('taken-over');
  });

  it('says waiting while a confirmation is open, and idle once the run ended with one left', () => {
    expect(attentionOf({ phase: 'running', confirmation: { step: 1 } })).toBe('waiting');
    expect(attentionOf({ phase: 'ended', confirmation: { step: 1 } })).toBe('idle');
  });
});

describe('documentTitle', () => {
  it('is the app name when idle, and names the state first otherwise', () => {
    expect(documentTitle('idle', 'Deskhand', '')).toBe('Deskhand');
    expect(documentTitle('running', 'Deskhand', 'Running')).toBe('▶ Running — Deskhand');
    expect(documentTitle('waiting', 'Deskhand', '等待你确认')).toBe('⚠ 等待你确认 — Deskhand');
    expect(new Set(['running', 'paused', 'waiting'].map((state) => documentTitle(state as never, 'D', 'x'))).size).toBe(
      3,
    );
  });
});

describe('faviconSvg', () => {
  it('draws the app icon itself (renderer/favicon.svg) under a badge of its own per state', () => {
    const own = readFileSync(resolve(import.meta.dirname, '../../../../renderer/favicon.svg'), 'utf8');
    expect(own).toContain(APP_ICON_BODY);
    expect(faviconSvg('idle')).toBeNull();
    const icons = (['running', 'paused', 'waiting'] as const).map((state) => faviconSvg(state)!);
    for (const icon of icons) expect(icon).toContain(APP_ICON_BODY);
    expect(new Set(icons).size).toBe(3);
  });

  it('makes a data: URL the page’s CSP allows', () => {
    const url = svgDataUrl(faviconSvg('running')!);
    expect(url.startsWith('data:image/svg+xml,')).toBe(true);
    expect(decodeURIComponent(url.slice('data:image/svg+xml,'.length))).toBe(faviconSvg('running'));
  });
});
