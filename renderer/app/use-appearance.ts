// Applies the theme and language settings to the document (CSS variables switch on data-theme). Renderer.
import { useEffect } from 'react';
import { setLanguage } from '../i18n/i18n.js';
import { useAppStore } from '../state/app-store.js';

export function useAppearance(): void {
  const theme = useAppStore((state) => state.settings?.theme ?? 'system');
  const language = useAppStore((state) => state.settings?.language ?? 'en');

  useEffect(() => {
    // 'system' leaves it to prefers-color-scheme (styles/tokens.css).
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(() => setLanguage(language), [language]);
}
