// Asks what to do with unsaved settings when the user opens another tab: Save, Discard or Cancel. Renderer.
import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Modal.js';

export interface LeaveSettingsDialogProps {
  pending: boolean;
  canSave: boolean;
  onSave: () => void;
  onDiscard: () => void;
  onCancel: () => void;
}

export function LeaveSettingsDialog({ pending, canSave, onSave, onDiscard, onCancel }: LeaveSettingsDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      title={t('settings.leave.title')}
      testId="settings-leave-dialog"
      onCancel={onCancel}
      footer={
        <>
          <button type="button" className="button button-ghost" data-testid="settings-leave-cancel" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button button-danger-text"
            data-testid="settings-leave-discard"
            disabled={pending}
            onClick={onDiscard}
          >
            {t('settings.leave.discard')}
          </button>
          <button
            type="button"
            className="button button-primary"
            data-testid="settings-leave-save"
            data-autofocus
            disabled={pending || !canSave}
            onClick={onSave}
          >
            {pending ? t('settings.saving') : t('settings.save')}
          </button>
        </>
      }
    >
      <p>{canSave ? t('settings.leave.body') : t('settings.leave.bodyInvalid')}</p>
    </Modal>
  );
}
