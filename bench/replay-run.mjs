// A replay run on the desktop named by DISPLAY with the real loop, nut-js operator and recorder: the model is the
// only part replaced. Shared by the step-overhead and soak benchmarks. Node only.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** `steps` hovers back and forth between two points (so the stuck check stays quiet), then DONE. */
export function hoverAnswers(steps, { reasoning, memory }) {
  const lines = [];
  for (let step = 1; step <= steps; step++) {
    const point = step % 2 ? '[300,200]' : '[700,400]';
    lines.push({
      reasoning: reasoning(step),
      answer: `<answer>Look at the next cell.\n<|begin_of_box|>hover(start_box='${point}', element_info='cell')<|end_of_box|>\nMemory:\n${memory(step)}</answer>`,
    });
  }
  lines.push({ answer: '<answer>Checked everything.\n<|begin_of_box|>DONE()<|end_of_box|></answer>' });
  return lines.map((line) => JSON.stringify(line)).join('\n');
}

/** Runs `answers` (replay JSONL) to the end in `work`; returns the run's result and where its session lies. */
export async function runReplay({ work, task, answers, maxSteps, onEvent, ...loopOptions }) {
  const { runAgent } = await import('../dist/src/agent/run-loop.js');
  const { createReplayBackend } = await import('../dist/src/backends/replay.js');
  const { createNutOperator } = await import('../dist/src/desktop/nut-operator.js');
  const { SessionRecorder } = await import('../dist/src/sessions/recorder.js');
  const { newSessionInfo } = await import('../dist/src/sessions/new-session.js');
  const replayFile = join(work, 'answers.jsonl');
  await writeFile(replayFile, answers);
  const backend = await createReplayBackend(replayFile);
  const operator = await createNutOperator({ capture: 'nut' });
  const [display] = await operator.displays();
  const sessionsDir = join(work, 'sessions');
  const recorder = await SessionRecorder.create(
    sessionsDir,
    newSessionInfo({ task, backend, baseUrl: null, display, maxSteps }),
  );
  const result = await runAgent({
    task,
    backend,
    operator,
    display,
    recorder,
    maxSteps,
    signal: new AbortController().signal,
    onEvent,
    ...loopOptions,
  });
  return { result, sessionsDir, sessionId: recorder.id };
}
