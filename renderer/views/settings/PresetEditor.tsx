// Edits one model server: name, base URL, model, and where its API key comes from. Renderer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackendPreset } from '../../../src/host/protocol/settings.js';
import { Field } from '../../components/Field.js';
import { newPresetId } from '../../lib/backend-choice.js';
import { initialKeyChoice, keyRefOfChoice, newPresetIdFor } from '../../lib/key-source.js';
import { appMethods } from '../../transport/app-methods.js';
import { KeySourceField } from './KeySourceField.js';
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
  const [key, setKey] = useState(() => initialKeyChoice(preset?.keyRef ?? null, appMethods() ? 'electron' : 'browser'));
  const [invalid, setInvalid] = useState(false);
  // A new preset takes the id its key was stored under in the keychain, else one made from its name.
  const id = preset?.id ?? newPresetIdFor(key, newPresetId(name, presets));
  const keyRef = keyRefOfChoice(key, id);
  const connection = { kind: 'openai' as const, baseUrl: baseUrl.trim(), model: model.trim(), keyRef };

  const apply = () => {
    const parsed = BackendPreset.safeParse({
      ...connection,
      id,
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
      </div>
      <KeySourceField value={key} onChange={setKey} presetId={id} testIdPrefix="preset" />
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
