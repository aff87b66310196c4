// Import…: picks a session archive (.zip) and uploads it; the importer's message shows when it is refused. Renderer.
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, errorMessage } from '../../components/ErrorNotice.js';
import { Icon } from '../../components/Icon.js';
import { uploadSessionArchive } from '../../host/session-transfer.js';

export function SessionImportButton({ onImported }: { onImported: (sessionId: string) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that picking the same file again (after fixing it) fires change once more.
    event.target.value = '';
    if (!file) return;
    setPending(true);
    setError(null);
    try {
      onImported(await uploadSessionArchive(file, () => t('sessions.importFailed')));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="session-import">
      <button
        type="button"
        className="button button-ghost button-small"
        data-testid="import-button"
        title={t('sessions.importHint')}
        disabled={pending}
        onClick={() => input.current?.click()}
      >
        <Icon name="plus" />
        {pending ? t('sessions.importing') : t('sessions.import')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".zip,application/zip"
        hidden
        data-testid="import-input"
        aria-label={t('sessions.importHint')}
        onChange={upload}
      />
      <ErrorNotice message={error} testId="import-error" />
    </div>
  );
}
