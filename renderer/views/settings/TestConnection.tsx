// "Test connection": backend.test for a server's URL, model and key reference; shows ok/model/latency or the message. Renderer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostParams, HostResult } from '../../../src/host/protocol/host-api.js';
import { errorText, shownError } from '../../lib/error-text.js';
import { Icon } from '../../components/Icon.js';
import { useHost } from '../../host/host-context.js';
import { formatDuration } from '../../lib/step-timings.js';

export interface TestConnectionProps {
  backend: HostParams<'backend.test'>;
  disabled?: boolean;
  /** Called with every result; `ok` false after a failed call too. */
  onResult?: (ok: boolean) => void;
}

export function TestConnection({ backend, disabled, onResult }: TestConnectionProps) {
  const { t } = useTranslation();
  const client = useHost();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<HostResult<'backend.test'> | null>(null);

  const test = async () => {
    setPending(true);
    setResult(null);
    try {
      const outcome = await client.call('backend.test', backend);
      setResult(outcome);
      onResult?.(outcome.ok);
    } catch (caught) {
      const { message, info } = shownError(caught);
      setResult({ ok: false, model: null, latencyMs: null, message, ...(info && { error: info }) });
      onResult?.(false);
    } finally {
      setPending(false);
    }
  };

  const latency = result?.latencyMs != null ? formatDuration(result.latencyMs) : '—';
  return (
    <div className="test-connection">
      <button
        type="button"
        className="button"
        data-testid="backend-test-button"
        disabled={disabled || pending}
        onClick={test}
      >
        <Icon name="refresh" className={pending ? 'spin' : undefined} />
        {pending ? t('settings.backends.testing') : t('settings.backends.test')}
      </button>
      {result && (
        <p
          className={`test-result ${result.ok ? 'test-ok' : 'test-failed'}`}
          role={result.ok ? 'status' : 'alert'}
          data-testid="backend-test-result"
          data-ok={result.ok}
        >
          <Icon name={result.ok ? 'check' : 'alert'} />
          <span>
            {result.ok
              ? result.model
                ? t('settings.backends.testOk', { model: result.model, latency })
                : t('settings.backends.testOkNoModel', { latency })
              : errorText(t, { message: result.message, info: result.error })}
          </span>
        </p>
      )}
    </div>
  );
}
