// View state that is no host's business: the open tab, the connection, the run form's choices. Renderer.
import { create } from 'zustand';
import type { ConnectionStatus } from '../transport/websocket.js';

export type Tab = 'run' | 'sessions' | 'settings';

/** The backend the run form uses: a saved preset's id, or an ad-hoc OpenAI-compatible server. */
export interface BackendChoice {
  /** A preset id, `openai` for the inline server, or '' for "the active preset". */
  selected: string;
  baseUrl: string;
  model: string;
}

export interface UiState {
  tab: Tab;
  connection: ConnectionStatus;
  backend: BackendChoice;
  /** '' means the host's default (the primary display). */
  displayId: string;
  /** Why settings.get failed, if it did. */
  settingsError: string | null;
  /** The first-run wizard was skipped (remembered in localStorage). */
  wizardSkipped: boolean;
  /** The Settings view holds edits that are not stored yet. */
  settingsUnsaved: boolean;
  /** The tab asked for while Settings had unsaved edits: the view asks Save, Discard or Cancel first. */
  leavingTo: Tab | null;
}

const WIZARD_SKIPPED_KEY = 'deskhand.wizardSkipped';

function readWizardSkipped(): boolean {
  try {
    return localStorage.getItem(WIZARD_SKIPPED_KEY) === '1';
  } catch {
    return false;
  }
}

export const useUiStore = create<UiState>(() => ({
  tab: 'run',
  connection: 'connecting',
  backend: { selected: '', baseUrl: 'http://127.0.0.1:8000/v1', model: '' },
  displayId: '',
  settingsError: null,
  wizardSkipped: readWizardSkipped(),
  settingsUnsaved: false,
  leavingTo: null,
}));

/** Opens a tab; leaving Settings with unsaved edits only records the request, so the view can ask first. */
export function showTab(tab: Tab): void {
  const { tab: current, settingsUnsaved } = useUiStore.getState();
  if (current === 'settings' && tab !== 'settings' && settingsUnsaved) return useUiStore.setState({ leavingTo: tab });
  useUiStore.setState({ tab, leavingTo: null });
}

export function markSettingsUnsaved(settingsUnsaved: boolean): void {
  if (useUiStore.getState().settingsUnsaved !== settingsUnsaved) useUiStore.setState({ settingsUnsaved });
}

/** Ends a leave request: to the asked tab once the edits are saved or discarded, or nowhere (Cancel). */
export function endLeave(go: boolean): void {
  const { leavingTo } = useUiStore.getState();
  if (go && leavingTo) useUiStore.setState({ tab: leavingTo, leavingTo: null, settingsUnsaved: false });
  else useUiStore.setState({ leavingTo: null });
}

export function setConnection(connection: ConnectionStatus): void {
  useUiStore.setState({ connection });
}

export function chooseBackend(update: Partial<BackendChoice>): void {
  useUiStore.setState((state) => ({ backend: { ...state.backend, ...update } }));
}

export function chooseDisplay(displayId: string): void {
  useUiStore.setState({ displayId });
}

export function setSettingsError(settingsError: string | null): void {
  useUiStore.setState({ settingsError });
}

/** "Skip for now": the wizard stays away on this device until setup is done from Settings. */
export function skipWizard(): void {
  try {
    localStorage.setItem(WIZARD_SKIPPED_KEY, '1');
  } catch {
    // Storage may be unavailable (private mode); the skip then lasts until the page reloads.
  }
  useUiStore.setState({ wizardSkipped: true });
}
