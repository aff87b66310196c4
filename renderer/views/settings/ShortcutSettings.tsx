// Shortcuts: the emergency-stop accelerator (a global shortcut in the desktop app). Renderer.
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field.js';
import type { SectionProps } from './settings-update.js';
import { SettingsSection } from './SettingsSection.js';

export function ShortcutSettings({ settings, update }: SectionProps) {
  const { t } = useTranslation();
  return (
    <SettingsSection title={t('settings.shortcuts.title')}>
      <Field
        label={t('settings.shortcuts.emergencyStop')}
        hint={t('settings.shortcuts.emergencyStopHint')}
        className="field-narrow"
      >
        {(props) => (
          <input
            {...props}
            className="input mono"
            data-testid="emergency-stop-input"
            maxLength={60}
            spellCheck={false}
            value={settings.shortcuts.emergencyStop}
            onChange={(event) =>
              update((current) => ({ ...current, shortcuts: { emergencyStop: event.target.value } }))
            }
          />
        )}
      </Field>
    </SettingsSection>
  );
}
