// After a run ends: a follow-up instruction that continues its context (run.start with continueRunId). Renderer.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Icon } from '../../components/Icon.js';
import { useStartRun } from './use-start-run.js';

export function FollowUpForm({ continueRunId }: { continueRunId: string }) {
  const { t } = useTranslation();
  const [instruction, setInstruction] = useState('');
  const { start, pending, error } = useStartRun();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!instruction.trim() || pending) return;
    if (await start(instruction, continueRunId)) setInstruction('');
  };

  return (
    <form className="follow-up" onSubmit={submit} aria-label={t('run.followUp')}>
      <div className="follow-up-row">
        <input
          className="input"
          data-testid="follow-up-input"
          aria-label={t('run.followUp')}
          placeholder={t('run.followUpPlaceholder')}
          maxLength={4000}
          value={instruction}
          onChange={(event) => setInstruction(event.target.value)}
        />
        <button
          type="submit"
          className="button button-primary"
          data-testid="follow-up-button"
          disabled={!instruction.trim() || pending}
        >
          <Icon name="play" />
          {t('run.followUpButton')}
        </button>
      </div>
      <ErrorNotice message={error} testId="follow-up-error" />
    </form>
  );
}
