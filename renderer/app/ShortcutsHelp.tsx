// The keyboard shortcuts help: every key the app answers to, grouped by where it works; opened from the header's `?`
// button or the `?` key. Renderer.
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../components/Modal.js';
import { shortcutList, type ShortcutGroup } from '../lib/shortcuts.js';
import { useAppStore } from '../state/app-store.js';

const GROUPS: ShortcutGroup[] = ['everywhere', 'run', 'sessions'];
/** What serve and the CLI listen for; the desktop app uses the accelerator from Settings › Shortcuts instead. */
const FIXED_EMERGENCY_STOP = 'Ctrl+Shift+Escape';

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const configured = useAppStore((state) => state.settings?.shortcuts.emergencyStop);
  const emergencyStop = window.deskhand && configured ? configured : FIXED_EMERGENCY_STOP;
  const shortcuts = shortcutList(emergencyStop);

  return (
    <Modal
      title={t('app.shortcuts.title')}
      onCancel={onClose}
      testId="shortcuts-dialog"
      footer={
        <button type="button" className="button" data-autofocus onClick={onClose}>
          {t('common.close')}
        </button>
      }
    >
      <p className="muted shortcuts-intro">{t('app.shortcuts.intro')}</p>
      {GROUPS.map((group) => (
        <section key={group} className="shortcuts-group">
          <h3>{t(`app.shortcuts.groups.${group}`)}</h3>
          <dl className="shortcuts-list">
            {shortcuts
              .filter((shortcut) => shortcut.group === group)
              .map((shortcut) => (
                <div key={shortcut.id} className="shortcut-row" data-testid="shortcut-row" data-shortcut={shortcut.id}>
                  <dt>{t(`app.shortcuts.actions.${shortcut.id}`)}</dt>
                  <dd>
                    {shortcut.keys.map((chord, index) => (
                      <Fragment key={chord.join('+')}>
                        {index > 0 && <span className="shortcut-or">{t('app.shortcuts.or')}</span>}
                        {chord.map((key) => (
                          <kbd key={key} className="key">
                            {key}
                          </kbd>
                        ))}
                      </Fragment>
                    ))}
                  </dd>
                </div>
              ))}
          </dl>
        </section>
      ))}
    </Modal>
  );
}
