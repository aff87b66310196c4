// The banner shown while the page cannot reach the host (browser mode reconnects with backoff), with what to do when
// it does not come back. Renderer.
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.js';
import { useUiStore } from '../state/ui-store.js';

export function ConnectionBanner() {
  const { t } = useTranslation();
  const connection = useUiStore((state) => state.connection);
  if (connection === 'open') return null;
  return (
    <div className="banner banner-warning" role="status" data-testid="connection-banner">
      <Icon name="refresh" className="spin" />
      <span className="banner-text">
        {connection === 'closed' ? t('app.connection.banner') : t('app.connection.bannerConnecting')}
        {connection === 'closed' && (
          <span className="banner-hint" data-testid="connection-hint">
            {t('app.connection.bannerHint')}
          </span>
        )}
      </span>
    </div>
  );
}
