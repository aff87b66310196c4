// The local model: its folder, device and precision (chosen among those the folder holds), a check of the folder
// with the memory it needs shown next to its button, and a download. Renderer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostResult } from '../../../src/host/protocol/host-api.js';
import { LOCAL_DEVICES, type LocalConnection } from '../../../src/host/protocol/settings.js';
import { errorMessage } from '../../components/ErrorNotice.js';
import { Field } from '../../components/Field.js';
import { Icon } from '../../components/Icon.js';
import { useHost } from '../../host/host-context.js';
import { ModelDownload } from './ModelDownload.js';
import { ModelStatusNote } from './ModelStatusNote.js';

export type LocalFields = Omit<LocalConnection, 'kind'>;
type Variant = LocalFields['variant'];

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
  // The precisions the checked folder holds; null until the folder is checked.
  const present = status?.variants ?? null;

  /** Checks `next`'s folder; without `variant` the host picks the precision from the files, and the form takes it. */
  const check = async (next: LocalFields, variant?: Variant) => {
    const modelDir = next.modelDir.trim();
    if (!modelDir) return;
    setChecking(true);
    setCheckError(null);
    try {
      const result = await client.call('model.status', {
        modelDir,
        device: next.device,
        ...(variant ? { variant } : {}),
      });
      setStatus(result);
      // A folder without any complete variant leaves the choice alone: the check names what is missing.
      if (result.variants.includes(result.variant) && result.variant !== next.variant) {
        onChange({ ...next, variant: result.variant });
      }
    } catch (caught) {
      setStatus(null);
      setCheckError(errorMessage(caught));
    } finally {
      setChecking(false);
    }
  };
  const setFolder = (modelDir: string) => {
    setStatus(null);
    setCheckError(null);
    onChange({ ...fields, modelDir });
  };
  const chooseVariant = (variant: Variant) => {
    const next = { ...fields, variant };
    onChange(next);
    void check(next, variant);
  };
  const downloaded = (modelDir: string) => {
    const next = { ...fields, modelDir };
    onChange(next);
    void check(next);
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
            onChange={(event) => setFolder(event.target.value)}
            // Leaving the field checks it, so the precision comes from the folder before anything is saved.
            onBlur={() => !status && !checking && void check(fields)}
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
              onChange={(event) => onChange({ ...fields, device: event.target.value as LocalFields['device'] })}
            >
              {LOCAL_DEVICES.map((device) => (
                <option key={device} value={device}>
                  {t(`settings.local.devices.${device}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('settings.local.variant')}
          hint={present ? t('settings.local.variantHint') : t('settings.local.variantCheckFirst')}
        >
          {(props) => (
            <select
              {...props}
              className="input"
              data-testid={`${testIdPrefix}-local-variant-select`}
              value={fields.variant}
              disabled={!present || present.length === 0 || checking}
              onChange={(event) => chooseVariant(event.target.value as Variant)}
            >
              {(present && present.length > 0 ? present : [fields.variant]).map((variant) => (
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
          onClick={() => void check(fields, present?.includes(fields.variant) ? fields.variant : undefined)}
        >
          <Icon name="chip" />
          {checking ? t('settings.local.checking') : t('settings.local.check')}
        </button>
        <ModelStatusNote status={status} error={checkError} />
      </div>
      <ModelDownload onDownloaded={downloaded} />
    </div>
  );
}
