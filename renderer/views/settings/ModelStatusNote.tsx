// The result of a model folder check, beside the button that ran it and scrolled into view when it arrives: valid
// or what is wrong, the memory it needs, the precisions the folder holds, the devices this install can use. Renderer.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostResult } from '../../../src/host/protocol/host-api.js';
import { Icon } from '../../components/Icon.js';
import { formatBytes } from '../../lib/model-download.js';

export function ModelStatusNote({
  status,
  error,
}: {
  status: HostResult<'model.status'> | null;
  error: string | null;
}) {
  const { t } = useTranslation();
  const note = useRef<HTMLDivElement>(null);
  // A long form (the wizard, a narrow window) would otherwise leave the answer below the fold.
  useEffect(() => {
    if (status || error) note.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [status, error]);

  if (error) {
    return (
      <div ref={note} className="test-result test-failed" role="alert" data-testid="model-status-error">
        {error}
      </div>
    );
  }
  if (!status) return null;
  return (
    <div
      ref={note}
      className={`test-result ${status.valid ? 'test-ok' : 'test-failed'}`}
      role={status.valid ? 'status' : 'alert'}
      data-testid="model-status"
      data-valid={status.valid}
    >
      <Icon name={status.valid ? 'check' : 'alert'} />
      <div>
        <p>
          {status.valid
            ? t('settings.local.valid', { memory: formatBytes(status.estimatedBytes) })
            : t('settings.local.invalid')}
        </p>
        {status.errors.length > 0 && (
          <ul className="model-errors">
            {status.errors.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
        <p className="muted small" data-testid="model-variants">
          {t('settings.local.variantsPresent', {
            variants: status.variants.length > 0 ? status.variants.join(', ') : t('settings.local.variantsNone'),
          })}
        </p>
        <p className="muted small">{t('settings.local.providers', { providers: status.providers.join(', ') })}</p>
      </div>
    </div>
  );
}
