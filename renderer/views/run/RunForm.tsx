// The task form: instruction, model server, display, and Run (Ctrl/Cmd+Enter). Renderer.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Field } from '../../components/Field.js';
import { Icon } from '../../components/Icon.js';
import { BackendPicker } from './BackendPicker.js';
import { DisplayPicker } from './DisplayPicker.js';
import { useStartRun } from './use-start-run.js';

export function RunForm({ busy, focusOnShow }: { busy: boolean; focusOnShow: boolean }) {
  const { t } = useTranslation();
  const [instruction, setInstruction] = useState('');
  const { start, retry, pending, error } = useStartRun();
  const input = useRef<HTMLTextAreaElement>(null);
  const canRun = instruction.trim().length > 0 && !busy && !pending;

  useEffect(() => {
    if (focusOnShow) input.current?.focus();
  }, [focusOnShow]);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (canRun) await start(instruction);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <form className="card run-form" onSubmit={submit} onKeyDown={onKeyDown} aria-label={t('run.title')}>
      <h2 className="card-title">{t('run.title')}</h2>
      <Field label={t('run.instruction')}>
        {(props) => (
          <textarea
            {...props}
            ref={input}
            className="input textarea"
            rows={4}
            maxLength={4000}
            data-testid="instruction-input"
            placeholder={t('run.instructionPlaceholder')}
            value={instruction}
            onChange={(event) => setInstruction(event.target.value)}
          />
        )}
      </Field>
      <BackendPicker />
      <DisplayPicker />
      <ErrorNotice message={error} testId="run-error" />
      {error && !pending && (
        <button type="button" className="button" data-testid="run-retry" disabled={busy} onClick={() => void retry()}>
          {t('errors.retry')}
        </button>
      )}
      <button
        type="submit"
        className="button button-primary button-block"
        data-testid="run-button"
        title={t('app.shortcuts.withKeys', { label: t('run.start'), keys: t('run.shortcutHint') })}
        disabled={!canRun}
      >
        <Icon name="play" />
        {pending ? t('run.starting') : t('run.start')}
        <kbd className="kbd">{t('run.shortcutHint')}</kbd>
      </button>
    </form>
  );
}
