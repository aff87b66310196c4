// Shows in the tab (or window) title and the favicon that the agent is driving the desktop, or waits for the user.
// The Electron window takes its title from the page's. Renderer.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { attentionOf, documentTitle, faviconSvg, svgDataUrl } from '../lib/run-attention.js';
import { currentRun } from '../state/app-state.js';
import { useAppStore } from '../state/app-store.js';

export function useRunAttention(): void {
  const { t } = useTranslation();
  const attention = useAppStore((state) => attentionOf(currentRun(state)));

  useEffect(() => {
    const label = attention === 'idle' ? '' : t(`attention.${attention}`);
    document.title = documentTitle(attention, t('app.name'), label);
  }, [attention, t]);

  useEffect(() => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
    if (!link) return;
    const own = link.getAttribute('href');
    const svg = faviconSvg(attention);
    if (svg === null) return;
    link.setAttribute('href', svgDataUrl(svg));
    return () => {
      if (own !== null) link.setAttribute('href', own);
    };
  }, [attention]);
}
