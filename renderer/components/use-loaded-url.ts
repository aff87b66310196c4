// Swaps an image URL only once the new image has loaded, cancelling loads that were superseded. Renderer.
import { useEffect, useState } from 'react';

/**
 * With `enabled`, the last URL whose image has loaded (null before the first), so the old picture stays up while
 * the next one loads and a URL replaced before it loaded stops loading. Without it, `url` as it is.
 */
export function useLoadedUrl(url: string | null, enabled: boolean): string | null {
  const [loaded, setLoaded] = useState<string | null>(null);

  useEffect(() => {
    if (!enabled || !url) return;
    let live = true;
    const image = new Image();
    const show = () => live && setLoaded(url);
    image.src = url;
    // A frame that fails to load is shown anyway, so the <img> reports its own error instead of hiding it.
    image.decode().then(show, show);
    return () => {
      live = false;
      image.src = '';
    };
  }, [url, enabled]);

  return enabled ? loaded : url;
}
