// Edits one model server: name, base URL, model, and the environment variable holding its key. Renderer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackendPreset } from '../../../src/host/protocol/settings.js';
import { Field } from '../../components/Field.js';
import { envFromKeyRef, keyRefFromEnv, newPresetId } from '../../lib/backend-choice.js';
import { TestConnection } from './TestConnection.js';

export interface PresetEditorProps {
  /** null to add a new preset. */
  preset: BackendPreset | null;
  presets: readonly BackendPreset[];
  onApply: (preset: BackendPreset) => void;
  onCancel: () => void;
}

export function PresetEditor({ preset, presets, onApply, onCancel }: PresetEditorProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(preset?.name ?? '');
  const [baseUrl, setBaseUrl] = useState(preset?.baseUrl ?? 'http://127.0.0.1:8000/v1');
  const [model, setModel] = useState(preset?.model ?? '');
  const [keyEnv, setKeyEnv] = useState(envFromKeyRef(preset?.keyRef ?? null));
  const [invalid, setInvalid] = useState(false);
  // A keychain reference (desktop app) is kept as it is; browser mode never asks for a raw key.
  const keychain = preset?.keyRef?.startsWith('keychain:') ? preset.keyRef : null;
  const keyRef = keychain ?? keyRefFromEnv(keyEnv);
  const connection = { kind: 'openai' as const, baseUrl: baseUrl.trim(), model: model.trim(), keyRef };

  const apply = () => {
    const parsed = BackendPreset.safeParse({
      ...connection,
      id: preset?.id ?? newPresetId(name, presets),
      name: name.trim(),
    });
    if (!parsed.success) return setInvalid(true);
    onApply(parsed.data);
  };

  return (
    <div className="preset-editor" data-testid="preset-editor">
      <div className="field-grid field-grid-2">
        <Field label={t('settings.backends.name')}>
          {(props) => (
            <input
              {...props}
              className="input"
              data-testid="preset-name-input"
              placeholder={t('settings.backends.namePlaceholder')}
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('settings.backends.baseUrl')}>
          {(props) => (
            <input
              {...props}
              className="input"
              type="url"
              data-testid="preset-url-input"
              value={baseUrl}
              onChange={(event) => setBaseUrl(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('settings.backends.model')} hint={t('settings.backends.modelHint')}>
          {(props) => (
            <input
              {...props}
              className="input"
              data-testid="preset-model-input"
              value={model}
              onChange={(event) => setModel(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('settings.backends.keyEnv')} hint={t('settings.backends.keyEnvHint')}>
          {(props) =>
            keychain ? (
              <input {...props} className="input" readOnly value={t('settings.backends.keychain')} />
            ) : (
              <input
                {...props}
                className="input mono"
                data-testid="preset-key-input"
                placeholder="DESKHAND_API_KEY"
                value={keyEnv}
                spellCheck={false}
                onChange={(event) => setKeyEnv(event.target.value.replace(/[^A-Za-z0-9_]/g, ''))}
              />
            )
          }
        </Field>
      </div>
      {invalid && (
        <p className="field-error" role="alert">
          {t('settings.backends.invalid')}
        </p>
      )}
      <div className="preset-editor-actions">
        <TestConnection backend={connection} disabled={!connection.baseUrl} />
        <span className="spacer" />
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button-primary" data-testid="preset-apply" onClick={apply}>
          {t('settings.backends.apply')}
        </button>
      </div>
    </div>
  );
}
