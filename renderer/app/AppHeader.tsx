// The top bar: the app's name, the three tabs, the connection status, and the keyboard shortcuts help. Renderer.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../components/Icon.js';
import { Logo } from '../components/Logo.js';
import { opensShortcutHelp } from '../lib/shortcuts.js';
import { showTab, useUiStore, type Tab } from '../state/ui-store.js';
import { ShortcutsHelp } from './ShortcutsHelp.js';

const TABS: { tab: Tab; icon: IconName }[] = [
  { tab: 'run', icon: 'sparkle' },
  { tab: 'sessions', icon: 'history' },
  { tab: 'settings', icon: 'server' },
];

export function AppHeader() {
  const { t } = useTranslation();
  const current = useUiStore((state) => state.tab);
  const connection = useUiStore((state) => state.connection);
  const settingsUnsaved = useUiStore((state) => state.settingsUnsaved);
  const list = useRef<HTMLDivElement>(null);
  const [helpOpen, setHelpOpen] = useState(false);

  // `?` opens the shortcuts help from anywhere but a text field, and not over another dialog.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('[role="dialog"]')) return;
      const { key, ctrlKey, metaKey, altKey } = event;
      if (!opensShortcutHelp({ key, ctrlKey, metaKey, altKey, typing: isTyping(event.target) })) return;
      event.preventDefault();
      setHelpOpen(true);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  // Arrow keys move between tabs (WAI-ARIA tabs pattern); Tab leaves the tab list.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = TABS.findIndex(({ tab }) => tab === current);
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!.tab;
    showTab(next);
    list.current?.querySelector<HTMLElement>(`#tab-${next}`)?.focus();
  };

  return (
    <header className="app-header">
      <div className="brand">
        <Logo />
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <div className="tabs" role="tablist" aria-label={t('app.navigation')} ref={list} onKeyDown={onKeyDown}>
        {TABS.map(({ tab, icon }) => (
          <button
            key={tab}
            id={`tab-${tab}`}
            className="tab"
            role="tab"
            type="button"
            aria-selected={tab === current}
            aria-controls={`panel-${tab}`}
            tabIndex={tab === current ? 0 : -1}
            data-testid={`${tab}-tab`}
            data-unsaved={tab === 'settings' ? settingsUnsaved : undefined}
            onClick={() => showTab(tab)}
          >
            <Icon name={icon} />
            {t(`app.tabs.${tab}`)}
            {tab === 'settings' && settingsUnsaved && (
              <span className="tab-unsaved-dot" title={t('settings.unsaved')}>
                <span className="visually-hidden">{t('settings.unsaved')}</span>
              </span>
            )}
          </button>
        ))}
      </div>
      <div className={`connection connection-${connection}`} data-testid="connection-status" role="status">
        <span className="connection-dot" aria-hidden="true" />
        {t(`app.connection.${connection}`)}
      </div>
      <button
        type="button"
        className="icon-button shortcuts-button"
        data-testid="shortcuts-button"
        aria-label={t('app.shortcuts.title')}
        title={t('app.shortcuts.button')}
        aria-haspopup="dialog"
        onClick={() => setHelpOpen(true)}
      >
        ?
      </button>
      {helpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
    </header>
  );
}

/** Whether keys typed at `target` go into a field (so `?` is a character there, not a command). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
