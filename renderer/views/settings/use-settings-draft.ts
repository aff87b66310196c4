// The Settings view's working copy: edits stay local until Save (settings.set); a backend's Apply stores at once.
// Renderer.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../src/host/protocol/settings.js';
import { errorMessage } from '../../components/ErrorNotice.js';
import { useHost } from '../../host/host-context.js';
import { invalidFields, sameSettings } from '../../lib/settings-draft.js';
import { setSettings, useAppStore } from '../../state/app-store.js';
import type { UpdateSettings } from './settings-update.js';

export function useSettingsDraft() {
  const { t } = useTranslation();
  const client = useHost();
  const saved = useAppStore((state) => state.settings);
  const [base, setBase] = useState<Settings | null>(saved);
  const [draft, setDraft] = useState<Settings | null>(saved);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [justSaved, setJustSaved] = useState(false);
  const dirty = !sameSettings(draft, base);

  // Settings changed elsewhere (another window, the wizard): follow them unless there are unsaved edits.
  useEffect(() => {
    if (!dirty && !sameSettings(saved, base)) {
      setBase(saved);
      setDraft(saved);
    }
  }, [saved, base, dirty]);

  const update: UpdateSettings = (change) => {
    setJustSaved(false);
    setDraft((current) => (current ? change(current) : current));
  };

  /** Stores `next` and returns what the host stored, or null (the error shows on the Save bar). */
  const store = async (next: Settings): Promise<Settings | null> => {
    const invalid = invalidFields(next);
    if (invalid.length > 0) {
      setError(t('settings.invalid', { fields: invalid.join(', ') }));
      return null;
    }
    setPending(true);
    setError(null);
    try {
      const stored = await client.call('settings.set', next);
      setSettings(stored);
      setBase(stored);
      setJustSaved(true);
      return stored;
    } catch (caught) {
      setError(errorMessage(caught));
      return null;
    } finally {
      setPending(false);
    }
  };

  const save = async (): Promise<boolean> => {
    if (!draft) return false;
    const stored = await store(draft);
    if (stored) setDraft(stored);
    return stored !== null;
  };

  /**
   * Stores one change at once (a backend's Apply) on top of what is stored, and makes it in the draft too, so other
   * unsaved edits stay unsaved and are not stored behind the user's back.
   */
  const commit = async (change: (current: Settings) => Settings): Promise<boolean> => {
    if (!base) return false;
    const stored = await store(change(base));
    if (stored) setDraft((current) => (current ? change(current) : stored));
    return stored !== null;
  };

  const revert = () => {
    setDraft(base);
    setError(null);
  };

  return { draft, dirty, pending, error, justSaved, update, save, commit, revert };
}
