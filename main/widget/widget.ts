// The run widget page: step, thought, Pause, Take over, Stop, Allow/Deny. Runs in the widget window's renderer.
import type { DeskhandApi } from '../preload/deskhand-api.js';
import { applyRunEvent, type ActiveRun } from '../run/active-run.js';
import { widgetView, type WidgetView } from './widget-view.js';

const api = (window as unknown as { deskhand: DeskhandApi }).deskhand;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`widget.html lacks #${id}`);
  return found as T;
}

const ui = {
  status: element('status'),
  step: element('step'),
  thought: element('thought'),
  confirm: element('confirm'),
  reason: element('reason'),
  approve: element<HTMLButtonElement>('approve'),
  deny: element<HTMLButtonElement>('deny'),
  pause: element<HTMLButtonElement>('pause'),
  takeOver: element<HTMLButtonElement>('take-over'),
  stop: element<HTMLButtonElement>('stop'),
  error: element('error'),
};

let run: ActiveRun | null = null;
let view: WidgetView = widgetView(null);

function render(): void {
  view = widgetView(run);
  ui.status.textContent = view.status;
  ui.step.textContent = view.step;
  ui.thought.textContent = view.thought;
  ui.pause.textContent = view.pause.label;
  ui.takeOver.textContent = view.takeOver.label;
  ui.confirm.hidden = view.confirmation === null;
  ui.reason.textContent = view.confirmation?.reason ?? '';
  for (const button of [ui.pause, ui.takeOver, ui.stop, ui.approve, ui.deny]) button.disabled = !view.enabled;
}

async function call(method: string, params: Record<string, unknown>): Promise<void> {
  if (run === null) return;
  const reply = await api.invoke(method, { runId: run.runId, ...params });
  ui.error.textContent = 'error' in reply ? reply.error.message : '';
}

function answer(approve: boolean): void {
  const confirmation = view.confirmation;
  if (confirmation === null || run === null) return;
  run = { ...run, confirmation: null };
  render();
  void call('run.confirm', { confirmationId: confirmation.confirmationId, approve });
}

ui.pause.addEventListener('click', () => void call(view.pause.method, {}));
ui.takeOver.addEventListener('click', () => void call(view.takeOver.method, {}));
ui.stop.addEventListener('click', () => void call('run.stop', {}));
ui.approve.addEventListener('click', () => answer(true));
ui.deny.addEventListener('click', () => answer(false));

api.onEvent((event) => {
  const next = applyRunEvent(run, event);
  if (next === run) return;
  if (next?.runId !== run?.runId) ui.error.textContent = '';
  run = next;
  render();
});
render();
