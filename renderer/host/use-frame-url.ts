// Resolves a frame reference to the URL its <img> loads (frames.url), cached per frame. Renderer.
import { useEffect, useState } from 'react';
import type { HostClient } from '../../src/host/protocol/create-client.js';
import { useHost } from './host-context.js';

const cache = new Map<string, Promise<string>>();
const MAX_CACHED = 2000;

/** The frame's URL; one call per frame for the page's lifetime, failed calls are retried next time. */
export function frameUrl(client: HostClient, sessionId: string, frame: string): Promise<string> {
  const key = `${sessionId}/${frame}`;
  let url = cache.get(key);
  if (!url) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    url = client.call('frames.url', { sessionId, frame }).then((result) => result.url);
    url.catch(() => cache.delete(key));
    cache.set(key, url);
  }
  return url;
}

/**
 * The URL of a frame, or null while it is being looked up (or when there is no frame). A player keeps the previous
 * picture up with `useLoadedUrl`, which holds the last loaded URL through the null.
 */
export function useFrameUrl(sessionId: string | null, frame: string | null): string | null {
  const client = useHost();
  const key = sessionId && frame ? `${sessionId}/${frame}` : null;
  const [resolved, setResolved] = useState<{ key: string; url: string } | null>(null);

  useEffect(() => {
    if (!sessionId || !frame) return;
    let live = true;
    frameUrl(client, sessionId, frame).then(
      (url) => live && setResolved({ key: `${sessionId}/${frame}`, url }),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [client, sessionId, frame]);

  if (!resolved) return null;
  return resolved.key === key ? resolved.url : null;
}
