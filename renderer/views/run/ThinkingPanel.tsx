// The model's thinking for one step, streamed in as markdown; collapsible, and it follows the text. Renderer.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon.js';
import { Markdown } from '../../components/Markdown.js';

export function ThinkingPanel({ text, streaming }: { text: string; streaming: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  const regionId = useId();
  const body = useRef<HTMLDivElement>(null);

  // Follow the stream while the reader is at the end of it.
  useEffect(() => {
    const box = body.current;
    if (box && streaming && box.scrollHeight - box.scrollTop - box.clientHeight < 64) box.scrollTop = box.scrollHeight;
  }, [text, streaming]);

  return (
    <div className={`thinking ${open ? 'is-open' : ''}`} data-testid="thinking">
      <button
        type="button"
        className="thinking-toggle"
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => setOpen(!open)}
        title={open ? t('step.hideThinking') : t('step.showThinking')}
      >
        <Icon name="chevron" className="thinking-chevron" />
        {t('step.thinking')}
        {streaming && text && <span className="typing-dots" aria-hidden="true" />}
      </button>
      <div className="thinking-body" id={regionId} ref={body} hidden={!open} aria-live="off">
        {text ? (
          <Markdown text={text} />
        ) : (
          <p className="muted">{streaming ? t('step.thinkingEmpty') : t('step.thinkingNone')}</p>
        )}
      </div>
    </div>
  );
}
