// Safety: when to ask before acting (never / risky actions / every action). Renderer.
import { useTranslation } from 'react-i18next';
import type { ConfirmationPolicy } from '../../../src/host/protocol/settings.js';
import type { SectionProps } from './settings-update.js';
import { SettingsSection } from './SettingsSection.js';

const POLICIES: ConfirmationPolicy[] = ['never', 'risky', 'always'];

export function SafetySettings({ settings, update }: SectionProps) {
  const { t } = useTranslation();
  return (
    <SettingsSection title={t('settings.safety.title')}>
      <fieldset className="choice-group" data-testid="confirmation-policy">
        <legend className="field-label">{t('settings.safety.confirmation')}</legend>
        <div className="choice-cards">
          {POLICIES.map((policy) => (
            <label
              key={policy}
              className={`choice-card ${settings.safety.confirmation === policy ? 'is-checked' : ''}`}
            >
              <input
                type="radio"
                name="confirmation-policy"
                value={policy}
                data-testid={`confirmation-${policy}`}
                checked={settings.safety.confirmation === policy}
                onChange={() => update((current) => ({ ...current, safety: { confirmation: policy } }))}
              />
              <span className="choice-title">{t(`settings.safety.${policy}`)}</span>
              <span className="choice-hint">{t(`settings.safety.${policy}Hint`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </SettingsSection>
  );
}
