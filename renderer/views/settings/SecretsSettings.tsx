// Secrets for {{secret:NAME}}: managed in the OS keychain inside the desktop app; in browser mode, how to hand them
// to `deskhand serve` instead. Acts at once, apart from the settings draft (secrets are never part of settings).
// Renderer.
import { useTranslation } from 'react-i18next';
import { secretPlaceholder } from '../../lib/secret-names.js';
import { appMethods } from '../../transport/app-methods.js';
import { SecretsManager } from './SecretsManager.js';
import { SettingsSection } from './SettingsSection.js';

const EXAMPLE_NAME = 'PASSWORD';

export function SecretsSettings() {
  const { t } = useTranslation();
  const client = appMethods();
  const example = secretPlaceholder(EXAMPLE_NAME);

  return (
    <SettingsSection title={t('settings.secrets.title')} testId="secrets-settings">
      <div className="secrets-usage" data-testid="secrets-usage">
        <p>
          {t('settings.secrets.usage')} <code className="inline-code">{example}</code>
        </p>
        <p className="muted small">{t('settings.secrets.privacy')}</p>
      </div>
      {client ? (
        <SecretsManager client={client} />
      ) : (
        <div className="secrets-browser" data-testid="secrets-browser-guide">
          <p>{t('settings.secrets.browserIntro')}</p>
          <pre className="code-block">
            <code>{`MY_PASSWORD='…' deskhand serve --secret ${EXAMPLE_NAME}=MY_PASSWORD`}</code>
          </pre>
          <p className="muted small">{t('settings.secrets.browserDetails', { example })}</p>
        </div>
      )}
    </SettingsSection>
  );
}
