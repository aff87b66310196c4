// Wizard page 2: the server's URL, model and API key, and a connection test that must pass. Renderer.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field.js';
import type { KeyChoice } from '../../lib/key-source.js';
import { KeySourceField } from '../settings/KeySourceField.js';
import { TestConnection } from '../settings/TestConnection.js';

/** What the wizard asks for besides the key (see KeySourceField: a variable name, or the keychain in the app). */
export interface ConnectionFields {
  name: string;
  baseUrl: string;
  model: string;
}

export interface WizardConnectionProps {
  fields: ConnectionFields;
  onChange: (fields: ConnectionFields) => void;
  keyChoice: KeyChoice;
  onKeyChange: (update: (current: KeyChoice) => KeyChoice) => void;
  /** The id the preset will get (and the keychain id for a key stored now). */
  presetId: string;
  /** The preset's key reference as chosen so far. */
  keyRef: string | null;
  /** The server needs a key (Zhipu's API): say so while none is given. */
  needsKey: boolean;
  onTested: (ok: boolean) => void;
}

export function WizardConnection({
  fields,
  onChange,
  keyChoice,
  onKeyChange,
  presetId,
  keyRef,
  needsKey,
  onTested,
}: WizardConnectionProps) {
  const { t } = useTranslation();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const set = (change: Partial<ConnectionFields>) => onChange({ ...fields, ...change });
  const backend = { kind: 'openai' as const, baseUrl: fields.baseUrl.trim(), model: fields.model.trim(), keyRef };

  return (
    <div className="wizard-connection">
      <Field label={t('settings.backends.baseUrl')}>
        {(props) => (
          <input
            {...props}
            ref={first}
            className="input"
            type="url"
            data-testid="wizard-url-input"
            value={fields.baseUrl}
            onChange={(event) => set({ baseUrl: event.target.value })}
          />
        )}
      </Field>
      <div className="field-grid">
        <Field label={t('settings.backends.model')} hint={t('settings.backends.modelHint')}>
          {(props) => (
            <input
              {...props}
              className="input"
              data-testid="wizard-model-input"
              value={fields.model}
              onChange={(event) => set({ model: event.target.value })}
            />
          )}
        </Field>
        <Field label={t('settings.backends.name')}>
          {(props) => (
            <input
              {...props}
              className="input"
              data-testid="wizard-name-input"
              value={fields.name}
              onChange={(event) => set({ name: event.target.value })}
            />
          )}
        </Field>
      </div>
      <KeySourceField value={keyChoice} onChange={onKeyChange} presetId={presetId} testIdPrefix="wizard" />
      {needsKey && keyRef === null && (
        <p className="muted small" data-testid="wizard-key-needed">
          {t('wizard.keyNeeded')}
        </p>
      )}
      <p className="muted small">{t('wizard.stepTest')}</p>
      <TestConnection backend={backend} disabled={!backend.baseUrl} onResult={onTested} />
    </div>
  );
}
