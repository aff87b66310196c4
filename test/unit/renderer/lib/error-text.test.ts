import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { errorText, shownError } from '../../../../renderer/lib/error-text.js';
import { en } from '../../../../renderer/i18n/en.js';
import { zh } from '../../../../renderer/i18n/zh.js';
import { HostCallError } from '../../../../src/host/protocol/create-client.js';
import { ErrorCode } from '../../../../src/run-protocol/error-info.js';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, zh: { translation: zh } },
  lng: 'zh',
  initAsync: false,
  interpolation: { escapeValue: false },
});

describe('errorText', () => {
  it('words a known code from its params in the UI language', () => {
    const error = shownError(
      new HostCallError('config', 'Cannot reach … Check --base-url.', {
        code: 'server-unreachable',
        params: { url: 'http://gpu:8000/v1' },
      }),
    );
    expect(errorText(i18n.getFixedT('zh'), error)).toBe(
      '无法连接 http://gpu:8000/v1 上的模型服务。服务是否在运行？请检查“服务器地址”。',
    );
    expect(errorText(i18n.getFixedT('en'), error)).toBe(
      'Cannot reach the model server at http://gpu:8000/v1. Is it running? Check the Server URL.',
    );
  });

  it('keeps the English message when there is no code (old sessions, setup errors)', () => {
    expect(errorText(i18n.getFixedT('zh'), shownError(new Error('No API key found.')))).toBe('No API key found.');
  });

  it('has every code in English and Chinese, none naming a CLI flag', () => {
    for (const code of ErrorCode.options) {
      for (const messages of [en, zh]) {
        expect(messages.errors.codes[code], code).toBeTruthy();
        expect(messages.errors.codes[code], code).not.toMatch(/--[a-z]/);
      }
    }
  });
});
