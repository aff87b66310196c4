// The top bar: the app's name, the three tabs, and the connection status. Renderer.
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../components/Icon.js';
import { Logo } from '../components/Logo.js';
import { showTab, useUiStore, type Tab } from '../state/ui-store.js';

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
    </header>
  );
}
