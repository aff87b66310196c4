// Wizard page 1: where the model runs (your own OpenAI-compatible server, Zhipu's API, or this computer). Renderer.
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon.js';
import type { ConnectionFields } from './WizardConnection.js';

export type BackendKind = 'own' | 'zhipu' | 'local';
export type ServerKind = Exclude<BackendKind, 'local'>;

/** Both servers are OpenAI-compatible; the choice fills in different defaults. Zhipu's API needs a key. */
export const WIZARD_KINDS: Record<ServerKind, { defaults: ConnectionFields; keyEnv: string; needsKey: boolean }> = {
  own: {
    defaults: { name: 'GLM-4.1V server', baseUrl: 'http://127.0.0.1:8000/v1', model: '' },
    keyEnv: '',
    needsKey: false,
  },
  zhipu: {
    defaults: {
      name: 'Zhipu API',
      baseUrl: 'https://open.bigmodel.cn/api/paas/v4',
      model: 'glm-4.1v-thinking-flash',
    },
    keyEnv: 'DESKHAND_API_KEY',
    needsKey: true,
  },
};

export function WizardKind({ kind, onChange }: { kind: BackendKind; onChange: (kind: BackendKind) => void }) {
  const { t } = useTranslation();
  const options: { value: BackendKind; title: string; hint: string }[] = [
    { value: 'own', title: t('wizard.ownServer'), hint: t('wizard.ownServerHint') },
    { value: 'zhipu', title: t('wizard.zhipu'), hint: t('wizard.zhipuHint') },
    { value: 'local', title: t('wizard.local'), hint: t('wizard.localHint') },
  ];
  const icon = { own: 'server', zhipu: 'sparkle', local: 'chip' } as const;
  return (
    <fieldset className="choice-group">
      <legend className="field-label">{t('wizard.stepKind')}</legend>
      <div className="choice-cards choice-cards-3">
        {options.map((option) => (
          <label key={option.value} className={`choice-card ${kind === option.value ? 'is-checked' : ''}`}>
            <input
              type="radio"
              name="wizard-kind"
              value={option.value}
              data-testid={`wizard-kind-${option.value}`}
              checked={kind === option.value}
              onChange={() => onChange(option.value)}
            />
            <span className="choice-title">
              <Icon name={icon[option.value]} />
              {option.title}
            </span>
            <span className="choice-hint">{option.hint}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
