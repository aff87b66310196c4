// The frame locate looked at, with the model's 0–999 box drawn on it (scaled to the image). Renderer.
import { useTranslation } from 'react-i18next';
import type { HostResult } from '../../../src/host/protocol/host-api.js';
import { FrameImage } from '../../components/FrameImage.js';
import { boxRect } from '../../lib/action-overlay.js';
import { stripMarkup } from '../../../src/run-protocol/markup-stripper.js';

export function LocateResult({ result }: { result: HostResult<'locate'> }) {
  const { t } = useTranslation();
  const { box } = result;
  return (
    <figure className="locate-result" data-testid="locate-result">
      <FrameImage
        sessionId={result.sessionId}
        frame={result.frame}
        alt={t('locate.result')}
        testId="locate-frame"
        overlay={
          box
            ? () => (
                <svg className="frame-overlay" viewBox="0 0 1000 1000" preserveAspectRatio="none" aria-hidden="true">
                  <rect className="locate-box" data-testid="locate-box" {...boxRect(box)} />
                </svg>
              )
            : undefined
        }
      />
      <figcaption className="small">
        {box ? (
          <span className="muted" data-testid="locate-answer">
            {stripMarkup(result.answer).trim()}
          </span>
        ) : (
          <span>{t('locate.notFound')}</span>
        )}
      </figcaption>
    </figure>
  );
}
