// One step's timings: time to first token, tokens per second (when known), act, settle. Renderer.
import { useTranslation } from 'react-i18next';
import { formatDuration, type TimingFacts } from '../lib/step-timings.js';

export function TimingsRow({ facts }: { facts: TimingFacts }) {
  const { t } = useTranslation();
  const items: { key: string; label: string; value: string }[] = [];
  if (facts.firstTokenMs !== null)
    items.push({ key: 'ttft', label: t('timings.firstToken'), value: formatDuration(facts.firstTokenMs) });
  if (facts.tokensPerSecond !== null)
    items.push({
      key: 'tps',
      label: '',
      value: t('timings.tokensPerSecond', { value: facts.tokensPerSecond.toFixed(1) }),
    });
  if (facts.actMs !== null) items.push({ key: 'act', label: t('timings.act'), value: formatDuration(facts.actMs) });
  if (facts.settleMs !== null)
    items.push({ key: 'settle', label: t('timings.settle'), value: formatDuration(facts.settleMs) });

  // The row keeps its height while empty, so the card does not jump when the numbers arrive.
  return (
    <dl className="timings" data-testid="step-timings" aria-label={t('timings.label')}>
      {items.length === 0 && <span className="timings-empty">{t('common.none')}</span>}
      {items.map((item) => (
        <div key={item.key} className="timing">
          {item.label && <dt>{item.label}</dt>}
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
