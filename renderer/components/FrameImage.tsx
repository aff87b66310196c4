// A recorded frame as an <img> (URL from frames.url), with its space reserved before it loads and an overlay slot. Renderer.
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFrameUrl } from '../host/use-frame-url.js';
import { useElementWidth } from './use-element-width.js';
import { useLoadedUrl } from './use-loaded-url.js';

export interface FrameImageProps {
  sessionId: string;
  frame: string;
  /** Frame size in pixels when known (step-observed, sessions.get); otherwise taken from the loaded image. */
  width?: number;
  height?: number;
  alt: string;
  testId?: string;
  /** Draws over the image; `scale` is rendered CSS pixels per frame pixel. */
  overlay?: (size: { width: number; height: number; scale: number }) => ReactNode;
  /** Keeps showing the previous frame until the next one has resolved and loaded (the player). */
  keepPrevious?: boolean;
}

export function FrameImage({ sessionId, frame, width, height, alt, testId, overlay, keepPrevious }: FrameImageProps) {
  const { t } = useTranslation();
  const url = useLoadedUrl(useFrameUrl(sessionId, frame), Boolean(keepPrevious));
  const box = useRef<HTMLDivElement>(null);
  const renderedWidth = useElementWidth(box);
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  const size = width && height ? { width, height } : natural;

  return (
    <div ref={box} className="frame" style={{ aspectRatio: size ? `${size.width} / ${size.height}` : '16 / 10' }}>
      {url ? (
        <img
          className="frame-image"
          src={url}
          alt={alt}
          data-testid={testId}
          draggable={false}
          loading="lazy"
          decoding="async"
          onLoad={(event) =>
            setNatural({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })
          }
        />
      ) : (
        <div className="frame-placeholder">{t('step.screenshotLoading')}</div>
      )}
      {url && size && overlay && renderedWidth > 0 && overlay({ ...size, scale: renderedWidth / size.width })}
    </div>
  );
}
