// A server URL's user, password and query values never reach a message; requests still carry them.
import { describe, expect, it } from 'vitest';
import { endpointUrl, redactUrl, scrubUrlSecrets, urlSecrets } from '../../src/url-secrets.js';

const URL_WITH_SECRETS = 'https://me:p%40ss-word@api.example.com/v1?api_key=k-123%2Bx&org=acme';

describe('server URL secrets', () => {
  it('shows the URL without user, password, query or fragment', () => {
    expect(redactUrl(URL_WITH_SECRETS)).toBe('https://api.example.com/v1');
    expect(redactUrl('not a url')).toBe('(invalid url)');
  });

  it('scrubs the raw URL and each secret, raw or decoded, out of any text', () => {
    expect(urlSecrets(URL_WITH_SECRETS)).toEqual(
      expect.arrayContaining(['p@ss-word', 'p%40ss-word', 'k-123+x', 'k-123%2Bx']),
    );
    const text = `failed: ${URL_WITH_SECRETS} said "bad key k-123+x for p@ss-word"`;
    const scrubbed = scrubUrlSecrets(text, URL_WITH_SECRETS);
    expect(scrubbed).toBe('failed: https://api.example.com/v1 said "bad key *** for ***"');
  });

  it('builds request URLs that keep the query and drop the user:password', () => {
    expect(endpointUrl(URL_WITH_SECRETS, 'chat/completions')).toBe(
      'https://api.example.com/v1/chat/completions?api_key=k-123%2Bx&org=acme',
    );
  });
});
