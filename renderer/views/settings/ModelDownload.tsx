// Downloads a GLM-4.1V export: from a mirror's manifest URL (or the configured manifest), with live progress, resume
// and sha256 checks; when it ends, hands the folder to the form. Says how to export when nothing can be downloaded.
// Renderer.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCAL_VARIANTS, type LocalConnection } from '../../../src/host/protocol/settings.js';
import { ErrorNotice, errorMessage } from '../../components/ErrorNotice.js';
import { Field } from '../../components/Field.js';
import { Icon } from '../../components/Icon.js';
import { useHost } from '../../host/host-context.js';
import { downloadInProgress, downloadPercent, formatBytes } from '../../lib/model-download.js';
import { useAppStore } from '../../state/app-store.js';

type Variant = LocalConnection['variant'];

export function ModelDownload({ onDownloaded }: { onDownloaded: (dir: string) => void }) {
  const { t } = useTranslation();
  const client = useHost();
  const download = useAppStore((state) => state.modelDownload);
  const [manifestUrl, setManifestUrl] = useState('');
  const [variant, setVariant] = useState<Variant>('q4f16');
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
    const url = manifestUrl.trim();
    try {
      const { downloadId } = await client.call('model.download', { variant, ...(url ? { manifestUrl: url } : {}) });
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
      <h3 className="model-download-title">{t('settings.local.downloadTitle')}</h3>
      <p className="muted small" data-testid="model-download-hint">
        {t('settings.local.downloadExplain')}
      </p>
      <div className="field-grid model-download-fields">
        <Field label={t('settings.local.manifestUrl')} hint={t('settings.local.manifestUrlHint')}>
          {(props) => (
            <input
              {...props}
              className="input"
              type="url"
              data-testid="model-manifest-url-input"
              placeholder="https://mirror.example/owner/GLM-4.1V-ONNX/resolve/main/manifest.json"
              value={manifestUrl}
              disabled={running}
              onChange={(event) => setManifestUrl(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('settings.local.downloadVariant')}>
          {(props) => (
            <select
              {...props}
              className="input"
              data-testid="model-download-variant-select"
              value={variant}
              disabled={running}
              onChange={(event) => setVariant(event.target.value as Variant)}
            >
              {LOCAL_VARIANTS.map((option) => (
                <option key={option} value={option}>
                  {t(`settings.local.variants.${option}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
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
            {download.state === 'done'
              ? t('settings.local.downloadDone', { count: download.fileCount, out: download.out })
              : (download.message ??
                t('settings.local.downloadFile', {
                  index: download.fileIndex,
                  count: download.fileCount,
                  file: download.file ?? '',
                  done: formatBytes(download.doneBytes),
                  total: formatBytes(download.totalBytes),
                  percent: downloadPercent(download),
                }))}
          </p>
        </div>
      )}
      <ErrorNotice message={error} testId="model-download-error" />
    </div>
  );
}
