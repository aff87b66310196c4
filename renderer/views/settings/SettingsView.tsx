// Settings: model servers, agent loop, safety, sessions, secrets, shortcuts, language and theme; one Save for all
// (secrets and a backend's Apply act at once). Unsaved edits are marked and cannot be left silently. Renderer.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { invalidFields } from '../../lib/settings-draft.js';
import { endLeave, markSettingsUnsaved, useUiStore } from '../../state/ui-store.js';
import { AppearanceSettings } from './AppearanceSettings.js';
import { BackendSettings } from './BackendSettings.js';
import { LeaveSettingsDialog } from './LeaveSettingsDialog.js';
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
  const leavingTo = useUiStore((state) => state.leavingTo);
  const { draft, dirty, pending, error, justSaved, update, save, commit, revert } = useSettingsDraft();
  useLeaveGuard(dirty);

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
  const canSave = dirty && invalid.length === 0 && !pending;

  return (
    <div className="settings-view">
      <div className="settings-content">
        <h1 className="page-title">{t('settings.title')}</h1>
        <BackendSettings settings={draft} update={update} commit={commit} />
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
        canSave={canSave}
        onSave={() => void save()}
        onRevert={revert}
      />
      {leavingTo && (
        <LeaveSettingsDialog
          pending={pending}
          canSave={canSave}
          onSave={() => void save().then((stored) => stored && endLeave(true))}
          onDiscard={() => {
            revert();
            endLeave(true);
          }}
          onCancel={() => endLeave(false)}
        />
      )}
    </div>
  );
}

/** Tells the tabs whether edits are unsaved, and asks the browser to confirm a reload or close while they are. */
function useLeaveGuard(dirty: boolean): void {
  useEffect(() => {
    markSettingsUnsaved(dirty);
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
  useEffect(() => () => markSettingsUnsaved(false), []);
}
