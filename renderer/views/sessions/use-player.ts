// The player's position and clock: play advances a step every PLAY_INTERVAL_MS, stopping at the end. Renderer.
import { useEffect, useState } from 'react';
import { clampStep, PLAY_INTERVAL_MS } from '../../lib/player-timeline.js';

export function usePlayer(count: number) {
  const [index, setIndex] = useState(0);
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setIndex((current) => {
        if (current >= count - 1) {
          setPlaying(false);
          return current;
        }
        return current + 1;
      });
    }, PLAY_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [playing, count]);

  const goTo = (next: number) => setIndex(clampStep(next, count));
  const togglePlay = () => {
    // Playing from the last step starts again from the first.
    if (!playing && index >= count - 1) setIndex(0);
    setPlaying(!playing);
  };
  return { index: clampStep(index, count), playing, goTo, togglePlay, pause: () => setPlaying(false) };
}
