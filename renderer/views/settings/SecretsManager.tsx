// The desktop app's stored secrets: their names (never values), a form to store one, a Remove button per name.
// The typed value lives only in this component's state until secrets.set, and is cleared once stored. Renderer.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, errorMessage } from '../../components/ErrorNotice.js';
import { Field } from '../../components/Field.js';
import { Icon } from '../../components/Icon.js';
import { usePendingCall } from '../../components/use-pending-call.js';
import { secretPlaceholder } from '../../lib/secret-names.js';
import {
  listSecretNames,
  removeSecret,
  secretDraftProblems,
  storeSecret,
  type SecretDraftProblems,
} from '../../lib/secrets-flow.js';
import type { AppMethodsClient } from '../../transport/app-methods.js';

const NO_PROBLEMS: SecretDraftProblems = { name: null, value: null };

export function SecretsManager({ client }: { client: AppMethodsClient }) {
  const { t } = useTranslation();
  const [names, setNames] = useState<string[] | null>(null);
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [problems, setProblems] = useState<SecretDraftProblems>(NO_PROBLEMS);
  const { pending, error, setError, run: runCall } = usePendingCall();
  const nameInput = useRef<HTMLInputElement>(null);
  const valueInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    listSecretNames(client).then(
      (listed) => {
        if (live) setNames(listed);
      },
      (caught: unknown) => {
        if (!live) return;
        setNames([]);
        setError(errorMessage(caught));
      },
    );
    return () => {
      live = false;
    };
  }, [client]);

  const run = (work: () => Promise<string[]>): Promise<boolean> => runCall(async () => setNames(await work()));

  const store = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const found = secretDraftProblems(name, value);
    setProblems(found);
    if (found.name || found.value) {
      (found.name ? nameInput : valueInput).current?.focus();
      return;
    }
    if (await run(() => storeSecret(client, name, value, names ?? []))) {
      setValue('');
      setName('');
      nameInput.current?.focus();
    }
  };

  const nameError =
    problems.name === 'empty'
      ? t('settings.secrets.nameEmpty')
      : problems.name === 'invalid'
        ? t('settings.secrets.nameInvalid')
        : null;
  const replacing = names?.includes(name) ?? false;

  return (
    <div className="secrets-manager">
      {names === null ? (
        <p className="muted small">{t('app.loading')}</p>
      ) : names.length === 0 ? (
        <p className="muted small" data-testid="secrets-empty">
          {t('settings.secrets.empty')}
        </p>
      ) : (
        <ul className="preset-list" aria-label={t('settings.secrets.listLabel')} data-testid="secret-list">
          {names.map((stored) => (
            <li key={stored} className="preset-row" data-testid="secret-row" data-secret-name={stored}>
              <div className="preset-info">
                <span className="preset-name">{stored}</span>
                <code className="preset-meta">{secretPlaceholder(stored)}</code>
              </div>
              <button
                type="button"
                className="button button-ghost button-small button-danger-text"
                data-testid="secret-remove"
                aria-label={t('settings.secrets.removeNamed', { name: stored })}
                disabled={pending}
                onClick={() => void run(() => removeSecret(client, stored, names))}
              >
                <Icon name="trash" />
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="secrets-form" onSubmit={store} noValidate aria-label={t('settings.secrets.addLabel')}>
        <div className="field-grid field-grid-2">
          <Field
            label={t('settings.secrets.name')}
            hint={t('settings.secrets.nameHint')}
            error={nameError}
            errorTestId="secret-name-error"
          >
            {(props) => (
              <input
                {...props}
                ref={nameInput}
                className="input mono"
                autoComplete="off"
                spellCheck={false}
                maxLength={64}
                placeholder="PASSWORD"
                data-testid="secret-name-input"
                value={name}
                onChange={(event) => {
                  setName(event.target.value);
                  setProblems((current) => ({ ...current, name: null }));
                }}
              />
            )}
          </Field>
          <Field
            label={t('settings.secrets.value')}
            hint={t('settings.secrets.valueHint')}
            error={problems.value && t('settings.secrets.valueEmpty')}
            errorTestId="secret-value-error"
          >
            {(props) => (
              <input
                {...props}
                ref={valueInput}
                className="input mono"
                type="password"
                autoComplete="new-password"
                spellCheck={false}
                maxLength={4096}
                data-testid="secret-value-input"
                value={value}
                onChange={(event) => {
                  setValue(event.target.value);
                  setProblems((current) => ({ ...current, value: null }));
                }}
              />
            )}
          </Field>
        </div>
        <div className="preset-editor-actions">
          <button type="submit" className="button" data-testid="secret-store" disabled={pending}>
            <Icon name="plus" />
            {pending
              ? t('settings.secrets.storing')
              : replacing
                ? t('settings.secrets.replace')
                : t('settings.secrets.store')}
          </button>
        </div>
      </form>
      <ErrorNotice message={error} testId="secrets-error" />
    </div>
  );
}
