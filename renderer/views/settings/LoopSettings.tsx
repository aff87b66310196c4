// Agent loop settings: step budget, history screenshots (0–4), settle wait, screenshot size, max tokens. Renderer.
import { useTranslation } from 'react-i18next';
import { MAX_MAX_TOKENS, MIN_MAX_TOKENS, type Settings } from '../../../src/host/protocol/settings.js';
import { Field, type FieldProps } from '../../components/Field.js';
import type { SectionProps } from './settings-update.js';
import { SettingsSection } from './SettingsSection.js';

/** Budgets offered for the model's screenshot: 1080p, about 1 MP (the engine's default), and half of that. */
const MAX_PIXEL_CHOICES = [1920 * 1080, 1280 * 800, 1024 * 640] as const;

function formatMegapixels(pixels: number): string {
  return `${(pixels / 1_000_000).toFixed(1)} MP`;
}

type FieldControlProps = Parameters<FieldProps['children']>[0];

/** A number box that shows an unfinished entry (NaN while the user types) as empty; validation happens on save. */
function NumberInput({
  range: [min, max, step],
  testId,
  value,
  onChange,
  ...props
}: FieldControlProps & {
  range: readonly [min: number, max: number, step: number];
  testId: string;
  value: number;
  onChange: (value: number) => void;
}) {
  return (
    <input
      {...props}
      className="input"
      type="number"
      min={min}
      max={max}
      step={step}
      data-testid={testId}
      value={Number.isNaN(value) ? '' : value}
      onChange={(event) => onChange(event.target.valueAsNumber)}
    />
  );
}

export function LoopSettings({ settings, update }: SectionProps) {
  const { t } = useTranslation();
  const setLoop = (change: Partial<Settings['loop']>) =>
    update((current) => ({ ...current, loop: { ...current.loop, ...change } }));
  const { loop } = settings;

  return (
    <SettingsSection title={t('settings.loop.title')} testId="loop-settings">
      <div className="field-grid field-grid-3">
        <Field label={t('settings.loop.maxSteps')} hint={t('settings.loop.maxStepsHint')}>
          {(props) => (
            <NumberInput
              {...props}
              range={[1, 1000, 1]}
              testId="max-steps-input"
              value={loop.maxSteps}
              onChange={(maxSteps) => setLoop({ maxSteps })}
            />
          )}
        </Field>
        <Field
          label={t('settings.loop.maxTokens')}
          hint={t('settings.loop.maxTokensHint', { min: MIN_MAX_TOKENS, max: MAX_MAX_TOKENS })}
        >
          {(props) => (
            <NumberInput
              {...props}
              range={[MIN_MAX_TOKENS, MAX_MAX_TOKENS, 256]}
              testId="max-tokens-input"
              value={loop.maxTokens}
              onChange={(maxTokens) => setLoop({ maxTokens })}
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
            <NumberInput
              {...props}
              range={[0, 10000, 100]}
              testId="settle-input"
              value={loop.settleCapMs}
              onChange={(settleCapMs) => setLoop({ settleCapMs })}
            />
          )}
        </Field>
        <Field label={t('settings.loop.maxPixels')} hint={t('settings.loop.maxPixelsHint')}>
          {(props) => (
            <select
              {...props}
              className="input"
              data-testid="max-pixels-select"
              value={loop.maxPixels === null ? '' : String(loop.maxPixels)}
              onChange={(event) =>
                setLoop({ maxPixels: event.target.value === '' ? null : Number(event.target.value) })
              }
            >
              <option value="">{t('settings.loop.maxPixelsFull')}</option>
              {loop.maxPixels !== null && !(MAX_PIXEL_CHOICES as readonly number[]).includes(loop.maxPixels) && (
                <option value={String(loop.maxPixels)}>{formatMegapixels(loop.maxPixels)}</option>
              )}
              {MAX_PIXEL_CHOICES.map((pixels) => (
                <option key={pixels} value={String(pixels)}>
                  {formatMegapixels(pixels)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('settings.loop.imageFormat')} hint={t('settings.loop.imageFormatHint')}>
          {(props) => (
            <select
              {...props}
              className="input"
              data-testid="image-format-select"
              value={loop.imageFormat}
              onChange={(event) => setLoop({ imageFormat: event.target.value === 'jpeg' ? 'jpeg' : 'png' })}
            >
              <option value="png">{t('settings.loop.imageFormatPng')}</option>
              <option value="jpeg">{t('settings.loop.imageFormatJpeg')}</option>
            </select>
          )}
        </Field>
      </div>
    </SettingsSection>
  );
}
