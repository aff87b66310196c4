// A host-wide error event (not tied to one call), shown until dismissed. Renderer.
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.js';
import { dismissHostError, useAppStore } from '../state/app-store.js';

export function HostErrorBanner() {
  const { t } = useTranslation();
  const message = useAppStore((state) => state.hostError);
  if (!message) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="host-error">
      <Icon name="alert" />
      <span className="banner-text">
        <strong>{t('app.hostError')}:</strong> {message}
      </span>
      <button type="button" className="button button-ghost button-small" onClick={dismissHostError}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}
