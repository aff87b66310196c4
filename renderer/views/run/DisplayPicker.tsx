// Which display a run captures and acts on (displays.list); the default is the primary one. Renderer.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisplayInfo } from '../../../src/host/protocol/host-api.js';
import { errorMessage } from '../../components/ErrorNotice.js';
import { Field } from '../../components/Field.js';
import { useHost } from '../../host/host-context.js';
import { chooseDisplay, useUiStore } from '../../state/ui-store.js';

export function DisplayPicker() {
  const { t } = useTranslation();
  const client = useHost();
  const connected = useUiStore((state) => state.connection === 'open');
  const displayId = useUiStore((state) => state.displayId);
  const [displays, setDisplays] = useState<DisplayInfo[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!connected) return;
    let live = true;
    client.call('displays.list', {}).then(
      (list) => live && (setDisplays(list), setError(null)),
      (caught: unknown) => live && setError(errorMessage(caught)),
    );
    return () => {
      live = false;
    };
  }, [client, connected]);

  const label = (display: DisplayInfo) =>
    t(display.primary ? 'run.displayPrimary' : 'run.displayOption', {
      id: display.id,
      width: Math.round(display.bounds.width),
      height: Math.round(display.bounds.height),
    });

  return (
    <>
      <Field label={t('run.display')}>
        {(props) => (
          <select
            {...props}
            className="input select"
            data-testid="display-select"
            value={displayId}
            onChange={(event) => chooseDisplay(event.target.value)}
          >
            <option value="">{t('run.displayDefault')}</option>
            {displays.map((display) => (
              <option key={display.id} value={display.id}>
                {label(display)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {error && (
        <p className="field-error" role="alert" data-testid="display-error">
          {error}
        </p>
      )}
    </>
  );
}
