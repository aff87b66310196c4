// Which model server a run uses: a saved preset, or an OpenAI-compatible server typed in for this run. Renderer.
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field.js';
import { effectiveBackend, INLINE_BACKEND } from '../../lib/backend-choice.js';
import { useAppStore } from '../../state/app-store.js';
import { chooseBackend, useUiStore } from '../../state/ui-store.js';

export function BackendPicker() {
  const { t } = useTranslation();
  const settings = useAppStore((state) => state.settings);
  const choice = useUiStore((state) => state.backend);
  const selected = effectiveBackend(choice.selected, settings);

  return (
    <div className="backend-picker">
      <Field label={t('run.backend')}>
        {(props) => (
          <select
            {...props}
            className="input select"
            data-testid="backend-select"
            value={selected}
            onChange={(event) => chooseBackend({ selected: event.target.value })}
          >
            {settings?.backends.map((preset) => (
              <option key={preset.id} value={preset.id}>
                {preset.name}
              </option>
            ))}
            <option value={INLINE_BACKEND}>{t('run.inlineBackend')}</option>
          </select>
        )}
      </Field>
      {selected === INLINE_BACKEND && (
        <>
          <Field label={t('run.baseUrl')}>
            {(props) => (
              <input
                {...props}
                className="input"
                type="url"
                data-testid="base-url-input"
                placeholder={t('run.baseUrlPlaceholder')}
                value={choice.baseUrl}
                onChange={(event) => chooseBackend({ baseUrl: event.target.value })}
              />
            )}
          </Field>
          <Field label={t('run.model')}>
            {(props) => (
              <input
                {...props}
                className="input"
                data-testid="model-input"
                placeholder={t('run.modelPlaceholder')}
                value={choice.model}
                onChange={(event) => chooseBackend({ model: event.target.value })}
              />
            )}
          </Field>
        </>
      )}
    </div>
  );
}
