// Appearance: language (English / 中文) and theme (system / light / dark). Renderer.
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../src/host/protocol/settings.js';
import { Field } from '../../components/Field.js';
import type { SectionProps } from './settings-update.js';
import { SettingsSection } from './SettingsSection.js';

const THEMES: Settings['theme'][] = ['system', 'light', 'dark'];
const LANGUAGES: Settings['language'][] = ['en', 'zh'];

export function AppearanceSettings({ settings, update }: SectionProps) {
  const { t } = useTranslation();
  return (
    <SettingsSection title={t('settings.appearance.title')}>
      <div className="field-grid">
        <Field label={t('settings.appearance.language')}>
          {(props) => (
            <select
              {...props}
              className="input select"
              data-testid="language-select"
              value={settings.language}
              onChange={(event) =>
                update((current) => ({ ...current, language: event.target.value as Settings['language'] }))
              }
            >
              {LANGUAGES.map((language) => (
                <option key={language} value={language}>
                  {t(`language.${language}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="choice-group">
          <legend className="field-label">{t('settings.appearance.theme')}</legend>
          <div className="segmented" data-testid="theme-select">
            {THEMES.map((theme) => (
              <label key={theme} className={`segment ${settings.theme === theme ? 'is-checked' : ''}`}>
                <input
                  type="radio"
                  name="theme"
                  value={theme}
                  data-testid={`theme-${theme}`}
                  checked={settings.theme === theme}
                  onChange={() => update((current) => ({ ...current, theme }))}
                />
                {t(`settings.appearance.${theme}`)}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
    </SettingsSection>
  );
}
