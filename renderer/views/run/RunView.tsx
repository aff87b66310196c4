// The run view: macOS permissions (when missing), the task form, run controls and locate on the left, the live
// timeline on the right. Renderer.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { currentRun } from '../../state/app-state.js';
import { useAppStore } from '../../state/app-store.js';
import { ConfirmationDialog } from './ConfirmationDialog.js';
import { LocatePanel } from './LocatePanel.js';
import { PermissionsPanel } from './PermissionsPanel.js';
import { RunControls } from './RunControls.js';
import { RunForm } from './RunForm.js';
import { Timeline } from './Timeline.js';
import { useRunCommand } from './use-run-command.js';

export function RunView({ active }: { active: boolean }) {
  // A small slice: the view must not re-render on every streamed delta of the run.
  const run = useAppStore(
    useShallow((state) => {
      const current = currentRun(state);
      return current
        ? { runId: current.runId, phase: current.phase, task: current.task, confirmation: current.confirmation }
        : null;
    }),
  );
  const live = run !== null && run.phase !== 'ended';
  const runId = run?.runId ?? null;
  const commands = useRunCommand(runId);
  const { send } = commands;

  // Escape stops the run wherever focus is in the app; dialogs handle their own Escape first.
  useEffect(() => {
    if (!live) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) void send('run.stop');
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [live, send]);

  return (
    <div className="run-view">
      <aside className="run-sidebar">
        <PermissionsPanel active={active} />
        <RunForm busy={live} focusOnShow={active} />
        {run && live && <RunControls phase={run.phase} task={run.task} commands={commands} />}
        <LocatePanel />
      </aside>
      <Timeline />
      {run?.confirmation && <ConfirmationDialog runId={run.runId} confirmation={run.confirmation} />}
    </div>
  );
}
