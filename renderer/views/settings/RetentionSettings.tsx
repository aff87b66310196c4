// Sessions: how many old sessions to keep, by count and by size; both optional, checked by the settings schema.
// Renderer.
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../src/host/protocol/settings.js';
import { Field } from '../../components/Field.js';
import { invalidRetentionLimits, retentionFromInput, retentionInputText } from '../../lib/retention-input.js';
import { appMethods } from '../../transport/app-methods.js';
import type { SectionProps } from './settings-update.js';
import { SettingsSection } from './SettingsSection.js';

export function RetentionSettings({ settings, update }: SectionProps) {
  const { t } = useTranslation();
  const { retention } = settings;
  const invalid = invalidRetentionLimits(settings);
  const setLimit = (change: Partial<Settings['retention']>) =>
    update((current) => ({ ...current, retention: { ...current.retention, ...change } }));

  return (
    <SettingsSection
      title={t('settings.retention.title')}
      hint={t('settings.retention.hint')}
      testId="retention-settings"
    >
      <div className="field-grid field-grid-2">
        <Field
          label={t('settings.retention.keepSessions')}
          hint={t('settings.retention.keepSessionsHint')}
          error={invalid.includes('keepSessions') ? t('settings.retention.keepSessionsInvalid') : null}
          errorTestId="retention-sessions-error"
        >
          {(props) => (
            <input
              {...props}
              className="input"
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              placeholder={t('settings.retention.noLimit')}
              data-testid="retention-sessions-input"
              value={retentionInputText(retention.keepSessions)}
              onChange={(event) =>
                setLimit({ keepSessions: retentionFromInput(event.target.value, event.target.validity.badInput) })
              }
            />
          )}
        </Field>
        <Field
          label={t('settings.retention.keepGb')}
          hint={t('settings.retention.keepGbHint')}
          error={invalid.includes('keepGb') ? t('settings.retention.keepGbInvalid') : null}
          errorTestId="retention-gb-error"
        >
          {(props) => (
            <input
              {...props}
              className="input"
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
              placeholder={t('settings.retention.noLimit')}
              data-testid="retention-gb-input"
              value={retentionInputText(retention.keepGb)}
              onChange={(event) =>
                setLimit({ keepGb: retentionFromInput(event.target.value, event.target.validity.badInput) })
              }
            />
          )}
        </Field>
      </div>
      <p className="muted small" data-testid="retention-location">
        {appMethods() ? t('settings.retention.locationApp') : t('settings.retention.locationServe')}
      </p>
    </SettingsSection>
  );
}
