// The Sessions view's filters as sessions.list params. Pure; renderer.
import type { HostParams } from '../../src/host/protocol/host-api.js';

/** Outcomes a session can end with (SessionFilter's list). */
export const SESSION_OUTCOMES = [
  'done',
  'fail',
  'stopped',
  'max-steps',
  'stuck',
  'unparseable',
  'error',
  'interrupted',
] as const;
export type SessionOutcome = (typeof SESSION_OUTCOMES)[number];

/** What the filter bar holds; '' means "any". */
export interface SessionFilters {
  query: string;
  outcome: SessionOutcome | '';
  backend: string;
  /** A date input's value, YYYY-MM-DD. */
  since: string;
}

export const NO_FILTERS: SessionFilters = { query: '', outcome: '', backend: '', since: '' };

/** The most sessions one list call asks for. */
export const SESSION_LIST_LIMIT = 5000;

export function sessionQuery(filters: SessionFilters): HostParams<'sessions.list'> {
  const params: HostParams<'sessions.list'> = { limit: SESSION_LIST_LIMIT };
  const query = filters.query.trim();
  if (query) params.query = query;
  if (filters.outcome) params.outcome = filters.outcome;
  if (filters.backend) params.backend = filters.backend;
  if (/^\d{4}-\d{2}-\d{2}$/.test(filters.since)) params.since = filters.since;
  return params;
}
