// Settings: model servers, agent loop, safety, sessions, secrets, shortcuts, language and theme; one Save for all
// (secrets act at once, as they are never part of settings). Renderer.
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { invalidFields } from '../../lib/settings-draft.js';
import { useUiStore } from '../../state/ui-store.js';
import { AppearanceSettings } from './AppearanceSettings.js';
import { BackendSettings } from './BackendSettings.js';
import { LoopSettings } from './LoopSettings.js';
import { SafetySettings } from './SafetySettings.js';
import { RetentionSettings } from './RetentionSettings.js';
import { SaveBar } from './SaveBar.js';
import { SecretsSettings } from './SecretsSettings.js';
import { ShortcutSettings } from './ShortcutSettings.js';
import { useSettingsDraft } from './use-settings-draft.js';

export function SettingsView() {
  const { t } = useTranslation();
  const loadError = useUiStore((state) => state.settingsError);
  const { draft, dirty, pending, error, justSaved, update, save, revert } = useSettingsDraft();

  if (!draft) {
    return (
      <div className="settings-view">
        {loadError ? (
          <ErrorNotice message={`${t('errors.settingsLoad')} ${loadError}`} />
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </div>
    );
  }
  const invalid = invalidFields(draft);

  return (
    <div className="settings-view">
      <div className="settings-content">
        <h1 className="page-title">{t('settings.title')}</h1>
        <BackendSettings settings={draft} update={update} />
        <LoopSettings settings={draft} update={update} />
        <SafetySettings settings={draft} update={update} />
        <RetentionSettings settings={draft} update={update} />
        <SecretsSettings />
        <ShortcutSettings settings={draft} update={update} />
        <AppearanceSettings settings={draft} update={update} />
      </div>
      <SaveBar
        dirty={dirty}
        pending={pending}
        justSaved={justSaved}
        error={error ?? (invalid.length > 0 ? t('settings.invalid', { fields: invalid.join(', ') }) : null)}
        canSave={dirty && invalid.length === 0 && !pending}
        onSave={save}
        onRevert={revert}
      />
    </div>
  );
}
