// The app shell: header with tabs, connection and error banners, the open view, the first-run wizard; the title and
// favicon say when the agent drives the desktop. Renderer.
import { useAppStore } from '../state/app-store.js';
import { useUiStore } from '../state/ui-store.js';
import { RunView } from '../views/run/RunView.js';
import { SessionsView } from '../views/sessions/SessionsView.js';
import { SettingsView } from '../views/settings/SettingsView.js';
import { SetupWizard } from '../views/wizard/SetupWizard.js';
import { AppHeader } from './AppHeader.js';
import { ConnectionBanner } from './ConnectionBanner.js';
import { HostErrorBanner } from './HostErrorBanner.js';
import { useAppearance } from './use-appearance.js';
import { useRunAttention } from './use-run-attention.js';

export function App() {
  useAppearance();
  useRunAttention();
  const tab = useUiStore((state) => state.tab);
  const showWizard = useAppStore((state) => state.settings !== null && !state.settings.setupDone);
  const wizardSkipped = useUiStore((state) => state.wizardSkipped);

  return (
    <div className="app">
      <AppHeader />
      <ConnectionBanner />
      <HostErrorBanner />
      <main className="app-main">
        {/* The run view stays mounted so the live timeline keeps its scroll position. */}
        <div className="view-slot" id="panel-run" role="tabpanel" aria-labelledby="tab-run" hidden={tab !== 'run'}>
          <RunView active={tab === 'run'} />
        </div>
        {tab === 'sessions' && (
          <div className="view-slot" id="panel-sessions" role="tabpanel" aria-labelledby="tab-sessions">
            <SessionsView />
          </div>
        )}
        {tab === 'settings' && (
          <div className="view-slot" id="panel-settings" role="tabpanel" aria-labelledby="tab-settings">
            <SettingsView />
          </div>
        )}
      </main>
      {showWizard && !wizardSkipped && <SetupWizard />}
    </div>
  );
}
