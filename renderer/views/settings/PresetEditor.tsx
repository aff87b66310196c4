// Edits one backend: a model server (base URL, model, where its key comes from) or the local model. Renderer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackendPreset, type BackendConnection } from '../../../src/host/protocol/settings.js';
import { Field } from '../../components/Field.js';
import { Icon } from '../../components/Icon.js';
import { newPresetId } from '../../lib/backend-choice.js';
import { initialKeyChoice, keyRefOfChoice, newPresetIdFor } from '../../lib/key-source.js';
import { appMethods } from '../../transport/app-methods.js';
import { KeySourceField } from './KeySourceField.js';
import { DEFAULT_LOCAL_FIELDS, LocalModelFields, type LocalFields } from './LocalModelFields.js';
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
  const server = preset?.kind === 'openai' ? preset : null;
  const [kind, setKind] = useState<BackendPreset['kind']>(preset?.kind ?? 'openai');
  const [name, setName] = useState(preset?.name ?? '');
  const [baseUrl, setBaseUrl] = useState(server?.baseUrl ?? 'http://127.0.0.1:8000/v1');
  const [model, setModel] = useState(server?.model ?? '');
  const [local, setLocal] = useState<LocalFields>(() =>
    preset?.kind === 'local'
      ? { modelDir: preset.modelDir, device: preset.device, variant: preset.variant }
      : DEFAULT_LOCAL_FIELDS,
  );
  const [key, setKey] = useState(() => initialKeyChoice(server?.keyRef ?? null, appMethods() ? 'electron' : 'browser'));
  const [invalid, setInvalid] = useState(false);
  // A new preset takes the id its key was stored under in the keychain, else one made from its name.
  const id = preset?.id ?? newPresetIdFor(key, newPresetId(name, presets));
  const keyRef = keyRefOfChoice(key, id);
  const connection: BackendConnection =
    kind === 'local'
      ? { kind: 'local', ...local, modelDir: local.modelDir.trim() }
      : { kind: 'openai', baseUrl: baseUrl.trim(), model: model.trim(), keyRef };
  const ready = connection.kind === 'local' ? connection.modelDir !== '' : connection.baseUrl !== '';

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
      <div className="segmented" role="radiogroup" aria-label={t('settings.backends.kind')}>
        {(['openai', 'local'] as const).map((option) => (
          <label
            key={option}
            className={`segment ${kind === option ? 'is-checked' : ''}`}
            data-testid={`preset-kind-${option}`}
          >
            <input
              type="radio"
              name="preset-kind"
              value={option}
              checked={kind === option}
              onChange={() => setKind(option)}
            />
            <Icon name={option === 'local' ? 'chip' : 'server'} />
            {t(option === 'local' ? 'settings.backends.kindLocal' : 'settings.backends.kindServer')}
          </label>
        ))}
      </div>
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
        {kind === 'openai' && (
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
        )}
        {kind === 'openai' && (
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
        )}
      </div>
      {kind === 'openai' ? (
        <KeySourceField value={key} onChange={setKey} presetId={id} testIdPrefix="preset" />
      ) : (
        <LocalModelFields fields={local} onChange={setLocal} testIdPrefix="preset" />
      )}
      {invalid && (
        <p className="field-error" role="alert">
          {t('settings.backends.invalid')}
        </p>
      )}
      <div className="preset-editor-actions">
        <TestConnection backend={connection} disabled={!ready} />
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
