// A compact label for an action: icon, name, then keys / text / scroll / element ("left_click · OK button"). Renderer.
import { useTranslation } from 'react-i18next';
import type { Action } from '../../src/host/protocol/host-api.js';
import { actionDetails, actionIcon } from '../lib/action-summary.js';
import { Icon } from './Icon.js';

export function ActionChip({ action }: { action: Action }) {
  const { t } = useTranslation();
  const details = actionDetails(action);
  const tone =
    action.name === 'done' ? 'success' : action.name === 'fail' || action.name === 'none' ? 'danger' : 'accent';
  return (
    <span
      className={`action-chip action-chip-${tone}`}
      data-testid="action-chip"
      data-action={action.name}
      title={t(`action.names.${action.name}`)}
    >
      <Icon name={actionIcon(action)} />
      <span className="action-chip-name">{action.name}</span>
      {details.map((detail, index) => (
        <span key={index} className="action-chip-detail">
          {' · '}
          {detail}
        </span>
      ))}
    </span>
  );
}
