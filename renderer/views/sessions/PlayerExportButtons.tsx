// The player's Export buttons: the session as the CLI's HTML report or zip archive, saved as a download. Renderer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionExportFormat } from '../../../src/host/protocol/session-transfer.js';
import { ErrorNotice, errorMessage } from '../../components/ErrorNotice.js';
import { Icon } from '../../components/Icon.js';
import { useHost } from '../../host/host-context.js';
import { downloadSessionExport } from '../../host/session-transfer.js';

export function PlayerExportButtons({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const client = useHost();
  const [error, setError] = useState<string | null>(null);

  const download = (format: SessionExportFormat) => {
    setError(null);
    downloadSessionExport(client, sessionId, format).catch((caught: unknown) => setError(errorMessage(caught)));
  };

  return (
    <div className="player-exports">
      <button
        type="button"
        className="button button-ghost"
        data-testid="export-html-button"
        title={t('player.exportHtmlHint')}
        onClick={() => download('html')}
      >
        <Icon name="download" />
        {t('player.exportHtml')}
      </button>
      <button
        type="button"
        className="button button-ghost"
        data-testid="export-zip-button"
        title={t('player.exportZipHint')}
        onClick={() => download('zip')}
      >
        <Icon name="download" />
        {t('player.exportZip')}
      </button>
      <ErrorNotice message={error} testId="export-error" />
    </div>
  );
}
