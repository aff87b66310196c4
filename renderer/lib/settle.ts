// When a fast-changing value (the player's step while scrubbing) is worth acting on. Pure; renderer.

/** How long a changed value stays quiet before it counts as settled while changes keep coming, ms. */
export const SCRUB_SETTLE_MS = 100;

/**
 * How long to wait before acting on a change made at `now`: nothing after a pause (a click, a play tick), else the
 * quiet period, so a drag or a held key acts only where it stops. `lastChangeAt` is null before any change.
 */
export function settleDelayMs(lastChangeAt: number | null, now: number, quietMs = SCRUB_SETTLE_MS): number {
  return lastChangeAt === null || now - lastChangeAt >= quietMs ? 0 : quietMs;
}
