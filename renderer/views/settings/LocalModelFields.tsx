// The local model: its folder, device and variant, a check of the folder with the memory it needs, and a download. Renderer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostResult } from '../../../src/host/protocol/host-api.js';
import { LOCAL_DEVICES, LOCAL_VARIANTS, type LocalConnection } from '../../../src/host/protocol/settings.js';
import { errorMessage } from '../../components/ErrorNotice.js';
import { Field } from '../../components/Field.js';
import { Icon } from '../../components/Icon.js';
import { useHost } from '../../host/host-context.js';
import { formatBytes } from '../../lib/model-download.js';
import { ModelDownload } from './ModelDownload.js';

export type LocalFields = Omit<LocalConnection, 'kind'>;

export const DEFAULT_LOCAL_FIELDS: LocalFields = { modelDir: '', device: 'auto', variant: 'q4f16' };

export function LocalModelFields({
  fields,
  onChange,
  testIdPrefix,
}: {
  fields: LocalFields;
  onChange: (fields: LocalFields) => void;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  const client = useHost();
  const [status, setStatus] = useState<HostResult<'model.status'> | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | null>(null);
  const set = (change: Partial<LocalFields>) => {
    setStatus(null);
    onChange({ ...fields, ...change });
  };
  const check = async (modelDir = fields.modelDir) => {
    setChecking(true);
    setCheckError(null);
    try {
      setStatus(await client.call('model.status', { modelDir: modelDir.trim(), variant: fields.variant }));
    } catch (caught) {
      setCheckError(errorMessage(caught));
    } finally {
      setChecking(false);
    }
  };
  const downloaded = (modelDir: string) => {
    onChange({ ...fields, modelDir });
    void check(modelDir);
  };

  return (
    <div className="local-model" data-testid={`${testIdPrefix}-local-model`}>
      <Field label={t('settings.local.folder')} hint={t('settings.local.folderHint')}>
        {(props) => (
          <input
            {...props}
            className="input"
            data-testid={`${testIdPrefix}-local-dir-input`}
            placeholder="~/.local/share/deskhand/models/GLM-4.1V-9B-Thinking-ONNX-q4f16"
            value={fields.modelDir}
            onChange={(event) => set({ modelDir: event.target.value })}
          />
        )}
      </Field>
      <div className="field-grid field-grid-2">
        <Field label={t('settings.local.device')} hint={t('settings.local.deviceHint')}>
          {(props) => (
            <select
              {...props}
              className="input"
              data-testid={`${testIdPrefix}-local-device-select`}
              value={fields.device}
              onChange={(event) => set({ device: event.target.value as LocalFields['device'] })}
            >
              {LOCAL_DEVICES.map((device) => (
                <option key={device} value={device}>
                  {t(`settings.local.devices.${device}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('settings.local.variant')} hint={t('settings.local.variantHint')}>
          {(props) => (
            <select
              {...props}
              className="input"
              data-testid={`${testIdPrefix}-local-variant-select`}
              value={fields.variant}
              onChange={(event) => set({ variant: event.target.value as LocalFields['variant'] })}
            >
              {LOCAL_VARIANTS.map((variant) => (
                <option key={variant} value={variant}>
                  {t(`settings.local.variants.${variant}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="local-model-check">
        <button
          type="button"
          className="button"
          data-testid={`${testIdPrefix}-model-check`}
          disabled={!fields.modelDir.trim() || checking}
          onClick={() => void check()}
        >
          <Icon name="chip" />
          {checking ? t('settings.local.checking') : t('settings.local.check')}
        </button>
        {status && <ModelStatusNote status={status} />}
        {checkError && (
          <p className="test-result test-failed" role="alert">
            {checkError}
          </p>
        )}
      </div>
      <ModelDownload variant={fields.variant} onDownloaded={downloaded} />
    </div>
  );
}

function ModelStatusNote({ status }: { status: HostResult<'model.status'> }) {
  const { t } = useTranslation();
  return (
    <div
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
            {status.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        )}
        <p className="muted small">{t('settings.local.providers', { providers: status.providers.join(', ') })}</p>
      </div>
    </div>
  );
}
