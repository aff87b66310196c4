// Browser mode's keys: only the environment variables named for keys may be sent as a Bearer token.
import { describe, expect, it } from 'vitest';
import { environmentKeyStore } from '../../../src/host/backend-resolver.js';

describe('environmentKeyStore', () => {
  const env = { DESKHAND_API_KEY: 'k1', ZHIPU_API_KEY: 'k2', AWS_SECRET_ACCESS_KEY: 'cloud', PGPASSWORD: 'db' };

  it('reads the key variables the user named for keys: DESKHAND_… and …_API_KEY', async () => {
    const store = environmentKeyStore(env);
    expect(await store.get('env:DESKHAND_API_KEY')).toBe('k1');
    expect(await store.get('env:ZHIPU_API_KEY')).toBe('k2');
    expect(await store.get('env:OTHER_API_KEY')).toBeUndefined();
  });

  it.each(['AWS_SECRET_ACCESS_KEY', 'PGPASSWORD', 'HOME'])('refuses to send %s as a Bearer token', async (name) => {
    await expect(environmentKeyStore(env).get(`env:${name}`)).rejects.toMatchObject({
      code: 'config',
      message: expect.stringContaining(`The key variable ${name} is not one Deskhand reads`),
    });
  });
});
