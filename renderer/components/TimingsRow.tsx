// One step's timings: time to first token, generation time, tokens and tokens per second (when known), act, settle.
// Renderer.
import { useTranslation } from 'react-i18next';
import { formatDuration, formatRate, type TimingFacts } from '../lib/step-timings.js';

export function TimingsRow({ facts }: { facts: TimingFacts }) {
  const { t } = useTranslation();
  const items: { key: string; label: string; value: string }[] = [];
  if (facts.firstTokenMs !== null)
    items.push({ key: 'ttft', label: t('timings.firstToken'), value: formatDuration(facts.firstTokenMs) });
  if (facts.generationMs !== null)
    items.push({ key: 'generation', label: t('timings.generation'), value: formatDuration(facts.generationMs) });
  if (facts.tokens !== null)
    items.push({ key: 'tokens', label: '', value: t('timings.tokens', { count: facts.tokens }) });
  if (facts.tokensPerSecond !== null)
    items.push({
      key: 'tps',
      label: '',
      value: t('timings.tokensPerSecond', { value: formatRate(facts.tokensPerSecond) }),
    });
  if (facts.actMs !== null) items.push({ key: 'act', label: t('timings.act'), value: formatDuration(facts.actMs) });
  if (facts.settleMs !== null)
    items.push({ key: 'settle', label: t('timings.settle'), value: formatDuration(facts.settleMs) });

  // The row keeps its height while empty, so the card does not jump when the numbers arrive.
  return (
    <dl className="timings" data-testid="step-timings" aria-label={t('timings.label')}>
      {items.length === 0 && <span className="timings-empty">{t('common.none')}</span>}
      {items.map((item) => (
        <div key={item.key} className="timing" data-timing={item.key}>
          {item.label && <dt>{item.label}</dt>}
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
