// A preset's API key: an environment variable, or (desktop app only) a key sealed in the OS keychain. Renderer.
// The typed key lives only in this component's state until keychain.set; it is cleared once stored and never shown
// again (the API can store, delete and ask about a key, never read one back).
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, errorMessage } from '../../components/ErrorNotice.js';
import { Field } from '../../components/Field.js';
import { Icon } from '../../components/Icon.js';
import { usePendingCall } from '../../components/use-pending-call.js';
import {
  cleanEnvName,
  effectiveKeychainId,
  keySourcesFor,
  type KeyChoice,
  type KeySource,
} from '../../lib/key-source.js';
import { appMethods } from '../../transport/app-methods.js';

export interface KeySourceFieldProps {
  value: KeyChoice;
  /** Takes an update of the current choice, since keychain answers arrive later. */
  onChange: (update: (current: KeyChoice) => KeyChoice) => void;
  /** The preset's id (for a new preset, the one it would get): the keychain id when the choice has none yet. */
  presetId: string;
  /** Test id prefix: `preset` (settings) or `wizard`. */
  testIdPrefix: 'preset' | 'wizard';
}

export function KeySourceField({ value, onChange, presetId, testIdPrefix }: KeySourceFieldProps) {
  const { t } = useTranslation();
  const client = appMethods();
  const sources = keySourcesFor(client ? 'electron' : 'browser');
  const keychainId = effectiveKeychainId(value, presetId);
  const inKeychain = value.source === 'keychain';
  const [secret, setSecret] = useState('');
  const [checking, setChecking] = useState(false);
  const { pending, error, setError, run } = usePendingCall();

  // Whether the keychain holds a key under this id, asked again whenever the id changes.
  useEffect(() => {
    if (!client || !inKeychain) return;
    let live = true;
    setChecking(true);
    setError(null);
    onChange((current) => (current.stored === null ? current : { ...current, stored: null }));
    client.call('keychain.has', { id: keychainId }).then(
      ({ stored }) => {
        if (!live) return;
        setChecking(false);
        onChange((current) => ({ ...current, stored }));
      },
      (caught: unknown) => {
        if (!live) return;
        setChecking(false);
        setError(errorMessage(caught));
      },
    );
    return () => {
      live = false;
    };
    // onChange may be a new function on every render: the question depends on the id alone.
  }, [client, inKeychain, keychainId]);

  const chooseSource = (source: KeySource) => {
    setError(null);
    onChange((current) => ({ ...current, source }));
  };

  const store = async () => {
    // A pasted key often brings a line break along; no key starts or ends with white space.
    const key = secret.trim();
    if (!client || !key || pending) return;
    await run(async () => {
      await client.call('keychain.set', { id: keychainId, key });
      setSecret('');
      onChange((current) => ({ ...current, keychainId, stored: true }));
    });
  };

  const remove = async () => {
    if (!client || pending) return;
    await run(async () => {
      await client.call('keychain.delete', { id: keychainId });
      onChange((current) => ({ ...current, keychainId, stored: false }));
    });
  };

  const onSecretKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void store();
  };

  const envInput = (
    <Field label={t('settings.backends.keyEnv')} hint={t('settings.backends.keyEnvHint')}>
      {(props) => (
        <input
          {...props}
          className="input mono"
          data-testid={`${testIdPrefix}-key-input`}
          placeholder="DESKHAND_API_KEY"
          value={value.envName}
          spellCheck={false}
          onChange={(event) => {
            const envName = cleanEnvName(event.target.value);
            onChange((current) => ({ ...current, envName }));
          }}
        />
      )}
    </Field>
  );

  // Browser mode cannot manage the keychain: a keychain reference made in the app is shown and kept as it is.
  if (!client && inKeychain) {
    return (
      <Field label={t('settings.backends.key')}>
        {(props) => <input {...props} className="input" readOnly value={t('settings.backends.keychain')} />}
      </Field>
    );
  }
  if (sources.length === 1) return envInput;

  return (
    <div className="choice-group" data-testid={`${testIdPrefix}-key-source`}>
      <fieldset className="choice-group">
        <legend className="field-label">{t('settings.backends.key')}</legend>
        <div className="segmented">
          {sources.map((source) => (
            <label key={source} className={`segment ${value.source === source ? 'is-checked' : ''}`}>
              <input
                type="radio"
                name={`${testIdPrefix}-key-source`}
                value={source}
                data-testid={`${testIdPrefix}-key-source-${source}`}
                checked={value.source === source}
                onChange={() => chooseSource(source)}
              />
              {source === 'env' ? t('settings.backends.keySourceEnv') : t('settings.backends.keySourceKeychain')}
            </label>
          ))}
        </div>
      </fieldset>
      {!inKeychain ? (
        envInput
      ) : checking && value.stored === null ? (
        <p className="muted small">{t('settings.backends.keychainChecking')}</p>
      ) : value.stored === true ? (
        <div className="test-connection">
          <p className="test-result test-ok" role="status" data-testid={`${testIdPrefix}-key-stored`}>
            <Icon name="check" />
            <span>{t('settings.backends.keychainStored')}</span>
          </p>
          <button
            type="button"
            className="button button-ghost button-small button-danger-text"
            data-testid={`${testIdPrefix}-key-remove`}
            disabled={pending}
            onClick={remove}
          >
            <Icon name="trash" />
            {t('common.remove')}
          </button>
        </div>
      ) : (
        <Field label={t('settings.backends.keychainSecret')} hint={t('settings.backends.keychainSecretHint')}>
          {(props) => (
            <div className="field-row">
              <input
                {...props}
                className="input mono"
                type="password"
                autoComplete="off"
                spellCheck={false}
                data-testid={`${testIdPrefix}-key-secret-input`}
                value={secret}
                maxLength={4096}
                onChange={(event) => setSecret(event.target.value)}
                onKeyDown={onSecretKey}
              />
              <button
                type="button"
                className="button"
                data-testid={`${testIdPrefix}-key-store`}
                disabled={!secret.trim() || pending}
                onClick={store}
              >
                {pending ? t('settings.backends.keychainStoring') : t('settings.backends.keychainStore')}
              </button>
            </div>
          )}
        </Field>
      )}
      <ErrorNotice message={error} testId={`${testIdPrefix}-key-error`} />
    </div>
  );
}
