// Saved model servers: the default one, add, edit, remove. Renderer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackendPreset } from '../../../src/host/protocol/settings.js';
import { Icon } from '../../components/Icon.js';
import { screenshotDestination } from '../../lib/screenshot-destination.js';
import { PresetEditor } from './PresetEditor.js';
import type { CommitSettings, SectionProps } from './settings-update.js';
import { SettingsSection } from './SettingsSection.js';

/** Which preset is being edited: its id, 'new', or none. */
type Editing = string | 'new' | null;

export function BackendSettings({ settings, update, commit }: SectionProps & { commit: CommitSettings }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const presets = settings.backends;
  const privacyNote = (preset: BackendPreset) => {
    const { key, values } = screenshotDestination(preset);
    return t(`settings.privacy.${key}`, values);
  };

  // Apply stores the backend at once: it looks final, so it is (the editor stays open if storing fails).
  const apply = async (preset: BackendPreset) => {
    const stored = await commit((current) => {
      const exists = current.backends.some((existing) => existing.id === preset.id);
      const backends = exists
        ? current.backends.map((existing) => (existing.id === preset.id ? preset : existing))
        : [...current.backends, preset];
      return { ...current, backends, activeBackendId: current.activeBackendId ?? preset.id };
    });
    if (stored) setEditing(null);
  };

  const remove = (id: string) =>
    update((current) => {
      const backends = current.backends.filter((preset) => preset.id !== id);
      const activeBackendId = current.activeBackendId === id ? (backends[0]?.id ?? null) : current.activeBackendId;
      return { ...current, backends, activeBackendId };
    });

  return (
    <SettingsSection title={t('settings.backends.title')} hint={t('settings.backends.hint')} testId="backend-settings">
      {presets.length === 0 && editing !== 'new' && <p className="muted">{t('settings.backends.empty')}</p>}
      <ul className="preset-list">
        {presets.map((preset) =>
          editing === preset.id ? (
            <li key={preset.id}>
              <PresetEditor
                preset={preset}
                presets={presets}
                onApply={(preset) => void apply(preset)}
                onCancel={() => setEditing(null)}
              />
            </li>
          ) : (
            <li key={preset.id} className="preset-row" data-testid="backend-preset">
              <label className="preset-default" title={t('settings.backends.makeActive')}>
                <input
                  type="radio"
                  name="active-backend"
                  checked={settings.activeBackendId === preset.id}
                  onChange={() => update((current) => ({ ...current, activeBackendId: preset.id }))}
                />
                <span className="visually-hidden">{t('settings.backends.makeActive')}</span>
              </label>
              <div className="preset-info">
                <span className="preset-name">
                  {preset.name}
                  {settings.activeBackendId === preset.id && (
                    <span className="badge badge-accent">{t('settings.backends.active')}</span>
                  )}
                </span>
                <span className="preset-meta">
                  {preset.kind === 'local'
                    ? `${preset.modelDir} · ${preset.device} · ${preset.variant}`
                    : `${preset.baseUrl}${preset.model ? ` · ${preset.model}` : ''}${preset.keyRef ? ` · ${preset.keyRef}` : ''}`}
                </span>
                <span className="preset-meta" data-testid="screenshot-destination">
                  {privacyNote(preset)}
                </span>
              </div>
              <button type="button" className="button button-ghost button-small" onClick={() => setEditing(preset.id)}>
                <Icon name="edit" />
                {t('common.edit')}
              </button>
              <button
                type="button"
                className="button button-ghost button-small button-danger-text"
                onClick={() => remove(preset.id)}
              >
                <Icon name="trash" />
                {t('common.remove')}
              </button>
            </li>
          ),
        )}
      </ul>
      <p className="muted">{t('settings.privacy.sessions')}</p>
      {editing === 'new' ? (
        <PresetEditor
          preset={null}
          presets={presets}
          onApply={(preset) => void apply(preset)}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <button type="button" className="button" data-testid="backend-add" onClick={() => setEditing('new')}>
          <Icon name="plus" />
          {t('settings.backends.add')}
        </button>
      )}
    </SettingsSection>
  );
}
