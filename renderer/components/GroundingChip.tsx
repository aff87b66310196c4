// The chip of a grounding (Find on screen) result: what was found and where, or that nothing was; never the red
// "none" of an answer without an action. Renderer.
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon.js';

/** `label`: what the chip names (the query, where a status beside it already says found); default found / not. */
export function GroundingChip({ box, label }: { box: readonly number[] | null; label?: string }) {
  const { t } = useTranslation();
  return (
    <span
      className={`action-chip ${box ? 'action-chip-success' : 'action-chip-neutral'}`}
      data-testid="grounding-chip"
      data-found={box ? 'true' : 'false'}
      title={t('locate.title')}
    >
      <Icon name={box ? 'target' : 'search'} />
      <span className="grounding-chip-label">{label ?? t(box ? 'locate.found' : 'locate.nothingFound')}</span>
      {box && (
        <span className="action-chip-detail">
          {' · '}[{box.join(', ')}]
        </span>
      )}
    </span>
  );
}
