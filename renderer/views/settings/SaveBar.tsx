// The Settings view's footer: unsaved/saved state, errors, Revert and Save. Renderer.
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Icon } from '../../components/Icon.js';

export interface SaveBarProps {
  dirty: boolean;
  pending: boolean;
  justSaved: boolean;
  error: string | null;
  canSave: boolean;
  onSave: () => void;
  onRevert: () => void;
}

export function SaveBar({ dirty, pending, justSaved, error, canSave, onSave, onRevert }: SaveBarProps) {
  const { t } = useTranslation();
  return (
    <div className="save-bar">
      <div className="save-bar-inner">
        <div className="save-bar-status" role="status" data-testid="settings-status">
          {dirty ? (
            <span className="unsaved-marker" data-testid="settings-unsaved-marker">
              <span className="unsaved-dot" aria-hidden="true" />
              {t('settings.unsaved')}
            </span>
          ) : (
            justSaved && (
              <span className="saved">
                <Icon name="check" />
                {t('settings.saved')}
              </span>
            )
          )}
        </div>
        <ErrorNotice message={error} testId="settings-error" />
        <button type="button" className="button button-ghost" disabled={!dirty || pending} onClick={onRevert}>
          {t('settings.revert')}
        </button>
        <button
          type="button"
          className="button button-primary"
          data-testid="settings-save"
          disabled={!canSave}
          onClick={onSave}
        >
          {pending ? t('settings.saving') : t('settings.save')}
        </button>
      </div>
    </div>
  );
}
