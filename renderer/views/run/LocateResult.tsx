// The frame locate looked at, with the model's 0–999 box drawn on it (scaled to the image), and what it found.
// Renderer.
import { useTranslation } from 'react-i18next';
import type { HostResult } from '../../../src/host/protocol/host-api.js';
import { FrameImage } from '../../components/FrameImage.js';
import { stripMarkup } from '../../../src/run-protocol/markup-stripper.js';
import { GroundingChip } from '../../components/GroundingChip.js';
import { GroundingOverlay } from '../../components/GroundingOverlay.js';

export function LocateResult({ result }: { result: HostResult<'locate'> }) {
  const { t } = useTranslation();
  const { box } = result;
  return (
    <figure className="locate-result" data-testid="locate-result">
      <div>
        <GroundingChip box={box} />
      </div>
      <FrameImage
        sessionId={result.sessionId}
        frame={result.frame}
        alt={t('locate.result')}
        testId="locate-frame"
        overlay={box ? () => <GroundingOverlay box={box} testId="locate-box" /> : undefined}
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
