// A value that follows another only once it stops changing quickly (the frame the player shows). Renderer.
import { useEffect, useRef, useState } from 'react';
import { SCRUB_SETTLE_MS, settleDelayMs } from '../../lib/settle.js';

/** `value` at once after a pause, else once it has been still for `quietMs`; in between, the last settled value. */
export function useSettledValue<T>(value: T, quietMs = SCRUB_SETTLE_MS): T {
  const [settled, setSettled] = useState(value);
  const lastChangeAt = useRef<number | null>(null);

  useEffect(() => {
    const now = performance.now();
    const delay = settleDelayMs(lastChangeAt.current, now, quietMs);
    lastChangeAt.current = now;
    if (delay === 0) {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, quietMs]);

  return settled;
}
