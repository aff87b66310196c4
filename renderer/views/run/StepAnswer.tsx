// The model's answer text while it streams in, before an action is parsed from it: a capped box with its own
// scroll that follows the text while the reader is at its end. Renderer.
import { useEffect, useRef } from 'react';

export function StepAnswer({ text }: { text: string }) {
  const box = useRef<HTMLPreElement>(null);
  useEffect(() => {
    const pre = box.current;
    if (pre && pre.scrollHeight - pre.scrollTop - pre.clientHeight < 48) pre.scrollTop = pre.scrollHeight;
  }, [text]);
  return (
    <pre className="step-answer" data-testid="step-answer" ref={box} tabIndex={0}>
      {text}
    </pre>
  );
}
