// Keeps a scroll container at its bottom as content grows, until the user scrolls up. Renderer.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

const NEAR_BOTTOM_PX = 48;
/** How long after the user's last wheel, touch, key or pointer press a scroll still counts as theirs. */
const USER_SCROLL_WINDOW_MS = 400;

/**
 * Only the user unpins: content that grows between our scroll and the scroll event (fast steps, a virtualised list
 * measuring its rows) also moves the view off the bottom, and must not stop the timeline following the run.
 */
export function useStickToBottom(scroller: RefObject<HTMLElement | null>, content: RefObject<HTMLElement | null>) {
  const pinned = useRef(true);
  const [atBottom, setAtBottom] = useState(true);

  useEffect(() => {
    const box = scroller.current;
    const inner = content.current;
    if (!box || !inner) return;
    let lastUserInput = Number.NEGATIVE_INFINITY;
    let pointerDown = false;
    const noteUserInput = () => (lastUserInput = performance.now());
    const onPointerDown = () => ((pointerDown = true), noteUserInput());
    const onPointerUp = () => (pointerDown = false);
    const onScroll = () => {
      const nearBottom = box.scrollHeight - box.scrollTop - box.clientHeight < NEAR_BOTTOM_PX;
      const byUser = pointerDown || performance.now() - lastUserInput < USER_SCROLL_WINDOW_MS;
      if (nearBottom) pinned.current = true;
      else if (byUser) pinned.current = false;
      setAtBottom(pinned.current);
    };
    const observer = new ResizeObserver(() => {
      if (pinned.current) box.scrollTop = box.scrollHeight;
    });
    const userEvents = ['wheel', 'touchmove', 'keydown'] as const;
    for (const name of userEvents) box.addEventListener(name, noteUserInput, { passive: true });
    box.addEventListener('pointerdown', onPointerDown, { passive: true });
    window.addEventListener('pointerup', onPointerUp, { passive: true });
    box.addEventListener('scroll', onScroll, { passive: true });
    observer.observe(inner);
    return () => {
      for (const name of userEvents) box.removeEventListener(name, noteUserInput);
      box.removeEventListener('pointerdown', onPointerDown);
      window.removeEventListener('pointerup', onPointerUp);
      box.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, [scroller, content]);

  const jumpToBottom = useCallback(() => {
    pinned.current = true;
    setAtBottom(true);
    scroller.current?.scrollTo({ top: scroller.current.scrollHeight, behavior: 'smooth' });
  }, [scroller]);

  return { atBottom, jumpToBottom };
}
