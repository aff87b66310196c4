// Loads the session list for the filters (sessions.list), the search debounced while typing. Renderer.
import { useCallback, useEffect, useState } from 'react';
import type { SessionRow } from '../../../src/host/protocol/host-api.js';
import { errorMessage } from '../../components/ErrorNotice.js';
import { useHost } from '../../host/host-context.js';
import { sessionQuery, type SessionFilters } from '../../lib/session-query.js';

const SEARCH_DEBOUNCE_MS = 250;

export function useSessionList(filters: SessionFilters) {
  const client = useHost();
  const [rows, setRows] = useState<SessionRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const params = JSON.stringify(sessionQuery(filters));

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      client.call('sessions.list', JSON.parse(params)).then(
        (list) => {
          if (!live) return;
          setRows(list);
          setError(null);
        },
        (caught: unknown) => live && setError(errorMessage(caught)),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, params, version]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  const remove = useCallback((id: string) => setRows((list) => list?.filter((row) => row.id !== id) ?? null), []);
  return { rows, error, reload, remove };
}
