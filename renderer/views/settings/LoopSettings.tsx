// Agent loop settings: step budget, history screenshots (0–4), settle wait. Renderer.
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../src/host/protocol/settings.js';
import { Field } from '../../components/Field.js';
import type { SectionProps } from './settings-update.js';
import { SettingsSection } from './SettingsSection.js';

export function LoopSettings({ settings, update }: SectionProps) {
  const { t } = useTranslation();
  const setLoop = (change: Partial<Settings['loop']>) =>
    update((current) => ({ ...current, loop: { ...current.loop, ...change } }));
  const { loop } = settings;

  return (
    <SettingsSection title={t('settings.loop.title')}>
      <div className="field-grid field-grid-3">
        <Field label={t('settings.loop.maxSteps')} hint={t('settings.loop.maxStepsHint')}>
          {(props) => (
            <input
              {...props}
              className="input"
              type="number"
              min={1}
              max={1000}
              step={1}
              data-testid="max-steps-input"
              value={Number.isNaN(loop.maxSteps) ? '' : loop.maxSteps}
              onChange={(event) => setLoop({ maxSteps: event.target.valueAsNumber })}
            />
          )}
        </Field>
        <Field label={t('settings.loop.historyImages')} hint={t('settings.loop.historyImagesHint')}>
          {(props) => (
            <div className="range-field">
              <input
                {...props}
                className="range"
                type="range"
                min={0}
                max={4}
                step={1}
                data-testid="history-images-input"
                value={loop.historyImages}
                onChange={(event) => setLoop({ historyImages: event.target.valueAsNumber })}
              />
              <output className="range-value">{loop.historyImages}</output>
            </div>
          )}
        </Field>
        <Field label={t('settings.loop.settle')} hint={t('settings.loop.settleHint')}>
          {(props) => (
            <input
              {...props}
              className="input"
              type="number"
              min={0}
              max={10000}
              step={100}
              data-testid="settle-input"
              value={Number.isNaN(loop.settleCapMs) ? '' : loop.settleCapMs}
              onChange={(event) => setLoop({ settleCapMs: event.target.valueAsNumber })}
            />
          )}
        </Field>
      </div>
    </SettingsSection>
  );
}
