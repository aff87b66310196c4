// Downloads the shipped GLM-4.1V export with live progress; when it ends, hands the folder to the form. Renderer.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalConnection } from '../../../src/host/protocol/settings.js';
import { ErrorNotice, errorMessage } from '../../components/ErrorNotice.js';
import { Icon } from '../../components/Icon.js';
import { useHost } from '../../host/host-context.js';
import { downloadInProgress, downloadPercent, formatBytes } from '../../lib/model-download.js';
import { useAppStore } from '../../state/app-store.js';

type Variant = LocalConnection['variant'];

export function ModelDownload({ variant, onDownloaded }: { variant: Variant; onDownloaded: (dir: string) => void }) {
  const { t } = useTranslation();
  const client = useHost();
  const download = useAppStore((state) => state.modelDownload);
  const [startedId, setStartedId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mine = download && download.downloadId === startedId ? download : null;
  const running = downloadInProgress(download);

  // Reports each finished download once, whatever re-renders follow.
  const reported = useRef<string | null>(null);
  const latestOnDownloaded = useRef(onDownloaded);
  latestOnDownloaded.current = onDownloaded;
  useEffect(() => {
    if (mine?.state !== 'done' || reported.current === mine.downloadId) return;
    reported.current = mine.downloadId;
    latestOnDownloaded.current(mine.out);
  }, [mine?.state, mine?.downloadId, mine?.out]);

  const start = async () => {
    setError(null);
    try {
      const { downloadId } = await client.call('model.download', { variant });
      setStartedId(downloadId);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };
  const stop = () => {
    if (download) void client.call('model.stopDownload', { downloadId: download.downloadId });
  };

  return (
    <div className="model-download" data-testid="model-download">
      <div className="model-download-row">
        {running ? (
          <button type="button" className="button" data-testid="model-download-stop" onClick={stop}>
            <Icon name="stop" />
            {t('settings.local.downloadStop')}
          </button>
        ) : (
          <button type="button" className="button" data-testid="model-download-button" onClick={start}>
            <Icon name="download" />
            {t('settings.local.download', { variant })}
          </button>
        )}
        <span className="muted small">{t('settings.local.downloadHint')}</span>
      </div>
      {download && (running || mine) && (
        <div className="model-download-status" data-testid="model-download-status" data-state={download.state}>
          <progress
            className="progress"
            max={100}
            value={downloadPercent(download)}
            aria-label={t('settings.local.downloadProgress')}
            data-testid="model-download-progress"
          />
          <p className="small" role={download.state === 'failed' ? 'alert' : 'status'}>
            {download.message ??
              t('settings.local.downloadFile', {
                index: download.fileIndex,
                count: download.fileCount,
                file: download.file ?? '',
                done: formatBytes(download.doneBytes),
                total: formatBytes(download.totalBytes),
                percent: downloadPercent(download),
              })}
          </p>
        </div>
      )}
      <ErrorNotice message={error} testId="model-download-error" />
    </div>
  );
}
