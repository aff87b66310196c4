// Wizard page 2: the server's URL, model and key variable, and a connection test that must pass. Renderer.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field.js';
import { keyRefFromEnv } from '../../lib/backend-choice.js';
import { TestConnection } from '../settings/TestConnection.js';

/** What the wizard asks for; the key is named by environment variable, never typed in. */
export interface ConnectionFields {
  name: string;
  baseUrl: string;
  model: string;
  keyEnv: string;
}

export interface WizardConnectionProps {
  fields: ConnectionFields;
  onChange: (fields: ConnectionFields) => void;
  onTested: (ok: boolean) => void;
}

export function WizardConnection({ fields, onChange, onTested }: WizardConnectionProps) {
  const { t } = useTranslation();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const set = (change: Partial<ConnectionFields>) => onChange({ ...fields, ...change });
  const backend = {
    kind: 'openai' as const,
    baseUrl: fields.baseUrl.trim(),
    model: fields.model.trim(),
    keyRef: keyRefFromEnv(fields.keyEnv),
  };

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
      <Field label={t('settings.backends.keyEnv')} hint={t('settings.backends.keyEnvHint')}>
        {(props) => (
          <input
            {...props}
            className="input mono"
            data-testid="wizard-key-input"
            placeholder="DESKHAND_API_KEY"
            spellCheck={false}
            value={fields.keyEnv}
            onChange={(event) => set({ keyEnv: event.target.value.replace(/[^A-Za-z0-9_]/g, '') })}
          />
        )}
      </Field>
      <p className="muted small">{t('wizard.stepTest')}</p>
      <TestConnection backend={backend} disabled={!backend.baseUrl} onResult={onTested} />
    </div>
  );
}
