// "Where is …": asks the model to point at something on the current screen and shows the box (locate). Renderer.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostResult } from '../../../src/host/protocol/host-api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { errorText, shownError, type ShownError } from '../../lib/error-text.js';
import { Icon } from '../../components/Icon.js';
import { useHost } from '../../host/host-context.js';
import { runBackend } from '../../lib/backend-choice.js';
import { useAppStore } from '../../state/app-store.js';
import { useUiStore } from '../../state/ui-store.js';
import { LocateResult } from './LocateResult.js';

export function LocatePanel() {
  const { t } = useTranslation();
  const client = useHost();
  const [query, setQuery] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [result, setResult] = useState<HostResult<'locate'> | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!query.trim() || pending) return;
    const { backend: choice, displayId } = useUiStore.getState();
    const backend = runBackend(choice.selected, choice, useAppStore.getState().settings);
    if (!backend) return setError({ message: t('run.needBaseUrl') });
    setPending(true);
    setError(null);
    try {
      setResult(await client.call('locate', { query: query.trim(), backend, ...(displayId ? { displayId } : {}) }));
    } catch (caught) {
      setError(shownError(caught));
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="card locate" aria-labelledby="locate-title">
      <h2 className="card-title" id="locate-title">
        <Icon name="target" />
        {t('locate.title')}
      </h2>
      <p className="muted small">{t('locate.hint')}</p>
      <form className="locate-form" onSubmit={submit}>
        <input
          className="input"
          data-testid="locate-input"
          aria-label={t('locate.label')}
          placeholder={`${t('locate.label')} ${t('locate.placeholder')}`}
          maxLength={500}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="submit" className="button" data-testid="locate-button" disabled={!query.trim() || pending}>
          {pending ? t('locate.locating') : t('locate.button')}
        </button>
      </form>
      <ErrorNotice message={error && errorText(t, error)} testId="locate-error" />
      {result && <LocateResult result={result} />}
    </section>
  );
}
