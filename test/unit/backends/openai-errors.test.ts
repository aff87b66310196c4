// Unit tests for turning server failures into user-facing BackendErrors. Node.
import { describe, expect, it } from 'vitest';
import { isUnknownParameterComplaint, serverDetail, statusError } from '../../../src/backends/openai-errors.js';

const context = {
  baseUrl: 'http://gpu-box:8000/v1',
  url: 'http://gpu-box:8000/v1/chat/completions',
  apiKey: 'sk-secret',
};

describe('serverDetail', () => {
  it('takes the message from the usual JSON error shapes', () => {
    expect(serverDetail('{"error":{"message":"model not loaded"}}')).toBe('model not loaded');
    expect(serverDetail('{"error":"bad things"}')).toBe('bad things');
    expect(serverDetail('{"detail":"Not Found"}')).toBe('Not Found');
    expect(serverDetail('<html>\n  Bad   Gateway\n</html>')).toBe('<html> Bad Gateway </html>');
  });

  it('scrubs the API key and shortens long text', () => {
    expect(serverDetail('{"error":{"message":"Incorrect API key provided: sk-secret"}}', 'sk-secret')).toBe(
      'Incorrect API key provided: ***',
    );
    expect(serverDetail('x'.repeat(500))).toBe(`${'x'.repeat(200)}…`);
  });
});

describe('isUnknownParameterComplaint', () => {
  it('recognises complaints about unknown request fields', () => {
    expect(isUnknownParameterComplaint('Unrecognized request argument supplied: skip_special_tokens')).toBe(true);
    expect(isUnknownParameterComplaint('{"detail":"Extra inputs are not permitted","loc":["body","foo"]}')).toBe(true);
    expect(isUnknownParameterComplaint('max_tokens is too large')).toBe(false);
  });
});

describe('statusError', () => {
  it('names the URL tried and the /v1 rule for a 404', () => {
    expect(statusError(context, 404, '', 0)).toMatchObject({
      code: 'not-found',
      message:
        'The model server at http://gpu-box:8000/v1 answered 404 Not Found for POST http://gpu-box:8000/v1/chat/completions. ' +
        'The base URL must end in /v1 (e.g. http://host:8000/v1); also check --model.',
    });
  });

  it('points at --api-key-env for 401 and 403 and never quotes the key', () => {
    const error = statusError(context, 403, '{"error":{"message":"key sk-secret is revoked"}}', 0);
    expect(error).toMatchObject({
      code: 'unauthorized',
      message:
        'The model server at http://gpu-box:8000/v1 rejected the API key (HTTP 403): "key *** is revoked"; ' +
        'set it in the environment variable named by --api-key-env.',
    });
  });
});
