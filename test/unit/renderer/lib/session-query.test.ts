import { describe, expect, it } from 'vitest';
import { NO_FILTERS, SESSION_LIST_LIMIT, sessionQuery } from '../../../../renderer/lib/session-query.js';

describe('sessionQuery', () => {
  it('asks for every session when nothing is filtered', () => {
    expect(sessionQuery(NO_FILTERS)).toEqual({ limit: SESSION_LIST_LIMIT });
  });

  it('sends only the filters that are set, the search trimmed', () => {
    expect(sessionQuery({ query: '  haiku ', outcome: 'fail', backend: 'openai', since: '2025-06-30' })).toEqual({
      limit: SESSION_LIST_LIMIT,
      query: 'haiku',
      outcome: 'fail',
      backend: 'openai',
      since: '2025-06-30',
    });
  });

  it('drops a date that is not complete', () => {
    expect(sessionQuery({ ...NO_FILTERS, since: '2025-06' })).toEqual({ limit: SESSION_LIST_LIMIT });
  });
});
