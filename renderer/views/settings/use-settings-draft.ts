// The Settings view's working copy: edits stay local until Save (settings.set). Renderer.
import { useEffect, useState } from 'react';
import type { Settings } from '../../../src/host/protocol/settings.js';
import { errorMessage } from '../../components/ErrorNotice.js';
import { useHost } from '../../host/host-context.js';
import { sameSettings } from '../../lib/settings-draft.js';
import { setSettings, useAppStore } from '../../state/app-store.js';

export function useSettingsDraft() {
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

  const update = (change: (current: Settings) => Settings) => {
    setJustSaved(false);
    setDraft((current) => (current ? change(current) : current));
  };

  const save = async () => {
    if (!draft) return;
    setPending(true);
    setError(null);
    try {
      const stored = await client.call('settings.set', draft);
      setSettings(stored);
      setBase(stored);
      setDraft(stored);
      setJustSaved(true);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setPending(false);
    }
  };

  const revert = () => {
    setDraft(base);
    setError(null);
  };

  return { draft, dirty, pending, error, justSaved, update, save, revert };
}
