// First-run wizard: pick where the model runs, connect and test, then save it as the default server. Renderer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackendPreset } from '../../../src/host/protocol/settings.js';
import { ErrorNotice, errorMessage } from '../../components/ErrorNotice.js';
import { Modal } from '../../components/Modal.js';
import { useHost } from '../../host/host-context.js';
import { newPresetId } from '../../lib/backend-choice.js';
import { initialKeyChoice, keyRefOfChoice, newPresetIdFor, type KeyChoice } from '../../lib/key-source.js';
import { setSettings, useAppStore } from '../../state/app-store.js';
import { skipWizard } from '../../state/ui-store.js';
import { appMethods } from '../../transport/app-methods.js';
import { DEFAULT_LOCAL_FIELDS, LocalModelFields, type LocalFields } from '../settings/LocalModelFields.js';
import { TestConnection } from '../settings/TestConnection.js';
import { WizardConnection, type ConnectionFields } from './WizardConnection.js';
import { WIZARD_KINDS, WizardKind, type BackendKind } from './WizardKind.js';

/** The key choice a kind starts with: the keychain in the app when the server needs a key, else its variable. */
function kindKey(kind: BackendKind): KeyChoice {
  const { keyEnv, needsKey } = WIZARD_KINDS[kind === 'local' ? 'own' : kind];
  return initialKeyChoice(null, appMethods() ? 'electron' : 'browser', needsKey ? 'keychain' : 'env', keyEnv);
}

export function SetupWizard() {
  const { t } = useTranslation();
  const client = useHost();
  const settings = useAppStore((state) => state.settings);
  const [page, setPage] = useState<1 | 2>(1);
  const [kind, setKind] = useState<BackendKind>('own');
  const [fields, setFields] = useState<ConnectionFields>(WIZARD_KINDS.own.defaults);
  const [local, setLocal] = useState<LocalFields>(DEFAULT_LOCAL_FIELDS);
  const [key, setKey] = useState<KeyChoice>(() => kindKey('own'));
  const [tested, setTested] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const chooseKind = (next: BackendKind) => {
    setKind(next);
    setFields(next === 'local' ? { ...fields, name: t('settings.backends.localName') } : WIZARD_KINDS[next].defaults);
    setKey(kindKey(next));
    setTested(false);
  };

  // The preset's id: the keychain id its key was stored under, else one made from its name.
  const presetId = newPresetIdFor(key, newPresetId(fields.name, settings?.backends ?? []));
  const keyRef = keyRefOfChoice(key, presetId);
  const missingKey = kind !== 'local' && WIZARD_KINDS[kind].needsKey && keyRef === null;
  const changeKey = (update: (current: KeyChoice) => KeyChoice) => {
    setKey(update);
    setTested(false);
  };

  const finish = async () => {
    if (!settings) return;
    const name =
      fields.name.trim() || t(kind === 'own' ? 'wizard.ownServer' : kind === 'zhipu' ? 'wizard.zhipu' : 'wizard.local');
    const preset = BackendPreset.safeParse(
      kind === 'local'
        ? { id: presetId, name, kind: 'local', ...local }
        : { id: presetId, name, kind: 'openai', baseUrl: fields.baseUrl.trim(), model: fields.model.trim(), keyRef },
    );
    if (!preset.success) return setError(t('settings.backends.invalid'));
    setPending(true);
    try {
      const backends = [...settings.backends, preset.data];
      setSettings(
        await client.call('settings.set', { ...settings, backends, activeBackendId: preset.data.id, setupDone: true }),
      );
    } catch (caught) {
      setError(errorMessage(caught));
      setPending(false);
    }
  };

  const skip = (
    <button type="button" className="button button-ghost" data-testid="wizard-skip" onClick={skipWizard}>
      {t('wizard.skip')}
    </button>
  );

  return (
    <Modal
      title={t('wizard.title')}
      testId="setup-wizard"
      onCancel={() => {}}
      footer={
        page === 1 ? (
          <>
            {skip}
            <span className="spacer" />
            <button
              type="button"
              className="button button-primary"
              data-testid="wizard-next"
              onClick={() => setPage(2)}
            >
              {t('wizard.next')}
            </button>
          </>
        ) : (
          <>
            {skip}
            <span className="spacer" />
            <button type="button" className="button" onClick={() => setPage(1)}>
              {t('wizard.back')}
            </button>
            <button
              type="button"
              className="button button-primary"
              data-testid="wizard-finish"
              disabled={!tested || missingKey || pending}
              onClick={finish}
            >
              {t('wizard.finish')}
            </button>
          </>
        )
      }
    >
      <p className="muted">{t('wizard.intro')}</p>
      <p className="wizard-progress small">{t('wizard.progress', { step: page, total: 2 })}</p>
      {page === 1 ? (
        <WizardKind kind={kind} onChange={chooseKind} />
      ) : kind === 'local' ? (
        <div className="wizard-connection">
          <LocalModelFields
            fields={local}
            onChange={(next) => {
              setLocal(next);
              setTested(false);
            }}
            testIdPrefix="wizard"
          />
          <p className="muted small">{t('wizard.stepTestLocal')}</p>
          <TestConnection
            backend={{ kind: 'local', ...local, modelDir: local.modelDir.trim() }}
            disabled={!local.modelDir.trim()}
            onResult={setTested}
          />
        </div>
      ) : (
        <WizardConnection
          fields={fields}
          onChange={(next) => {
            setFields(next);
            setTested(false);
          }}
          keyChoice={key}
          onKeyChange={changeKey}
          presetId={presetId}
          keyRef={keyRef}
          needsKey={WIZARD_KINDS[kind].needsKey}
          onTested={setTested}
        />
      )}
      <ErrorNotice message={error} testId="wizard-error" />
    </Modal>
  );
}
