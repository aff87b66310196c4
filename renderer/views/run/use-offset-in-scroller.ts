// Where an element starts inside a scroll container's content, kept current as content above it grows. Renderer.
import { useLayoutEffect, useState, type RefObject } from 'react';

/** The element's top in the scroller's content coordinates (what a virtualiser calls its scroll margin). */
export function useOffsetInScroller(
  scroller: RefObject<HTMLElement | null>,
  element: RefObject<HTMLElement | null>,
): number {
  const [offset, setOffset] = useState(0);

  useLayoutEffect(() => {
    const box = scroller.current;
    const target = element.current;
    if (!box || !target) return;
    const measure = () =>
      setOffset(Math.round(target.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop));
    measure();
    // Anything above the element that changes size changes the size of the scroller's content too.
    const observer = new ResizeObserver(measure);
    observer.observe(box.firstElementChild ?? box);
    return () => observer.disconnect();
  }, [scroller, element]);

  return offset;
}
