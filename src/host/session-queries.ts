// Sessions as the host API shows them: filtered rows, one session's steps, deletion. Node only.
import { LISTED_TASK_CHARS, truncated } from '../sessions/field-limits.js';
import { rm } from 'node:fs/promises';
import { listSessions, readSession, SessionNotFoundError } from '../sessions/reader.js';
import type { SessionInfo, StepRecord } from '../sessions/schema.js';
import { parseGroundingBox } from '../glm/grounding.js';
import type { HOST_METHODS, SessionRow, StepView } from './protocol/host-api.js';
import { HostError } from './dispatcher.js';
import type { z } from 'zod';

type SessionFilter = z.infer<(typeof HOST_METHODS)['sessions.list']['params']>;

export function toSessionRow(info: SessionInfo): SessionRow {
  return {
    id: info.id,
    task: truncated(info.task, LISTED_TASK_CHARS),
    backend: info.backend.kind,
    model: info.backend.model,
    startedAt: info.startedAt,
    endedAt: info.endedAt,
    outcome: info.outcome?.kind ?? 'interrupted',
    steps: info.steps,
    ...(info.conversationId !== undefined && { conversationId: info.conversationId }),
  };
}

export async function querySessions(sessionsDir: string, filter: SessionFilter): Promise<SessionRow[]> {
  const { sessions } = await listSessions(sessionsDir);
  const query = filter.query?.toLowerCase();
  return sessions
    .map(({ info }) => toSessionRow(info))
    .filter((row) => !query || row.task.toLowerCase().includes(query) || row.id.includes(query))
    .filter((row) => !filter.outcome || row.outcome === filter.outcome)
    .filter((row) => !filter.backend || row.backend === filter.backend || row.model === filter.backend)
    .filter((row) => !filter.since || row.startedAt >= filter.since)
    .slice(filter.offset ?? 0, (filter.offset ?? 0) + (filter.limit ?? 5000));
}

export async function getSession(sessionsDir: string, sessionId: string) {
  try {
    const detail = await readSession(sessionsDir, sessionId);
    const steps: StepView[] = detail.steps.map((step) => ({
      step: step.step,
      frame: step.frame,
      frameSize: step.frameSize,
      thinking: step.thinking,
      explanation: step.explanation,
      action: step.action,
      error: step.error,
      acted: step.acted,
      ...(step.declined ? { declined: true } : {}),
      timings: step.timings,
      usage: step.usage,
      ...withGrounding(detail.info, step),
    }));
    return { session: toSessionRow(detail.info), steps, warnings: detail.warnings };
  } catch (error) {
    // The reader's message names the sessions folder; the UI only needs to know the id is gone.
    if (error instanceof SessionNotFoundError) throw new HostError('not-found', `No session "${sessionId}".`);
    throw error;
  }
}

/** Locate sessions record a one-step session with this task prefix (src/host/locate.ts). */
const LOCATE_TASK_PREFIX = 'Locate: ';

/**
 * The grounding of a locate step: as recorded, or for a locate session recorded before grounding was, read from the
 * answer (a one-step "Locate: …" session whose step has no action).
 */
function withGrounding(info: SessionInfo, step: StepRecord): Pick<StepView, 'grounding'> {
  if (step.grounding) return { grounding: step.grounding };
  const olderLocate =
    info.task.startsWith(LOCATE_TASK_PREFIX) && info.maxSteps === 1 && step.step === 1 && step.action.name === 'none';
  if (!olderLocate) return {};
  return { grounding: { query: info.task.slice(LOCATE_TASK_PREFIX.length), box: parseGroundingBox(step.raw) } };
}

export async function deleteSession(
  sessionsDir: string,
  sessionId: string,
  activeSessionId: string | null,
): Promise<void> {
  if (sessionId === activeSessionId)
    throw new HostError('busy', 'That session is still recording; stop the run first.');
  const { dir, info } = await readSession(sessionsDir, sessionId).catch((error: unknown) => {
    throw error instanceof SessionNotFoundError ? new HostError('not-found', `No session "${sessionId}".`) : error;
  });
  if (info.id !== sessionId) throw new HostError('not-found', `No session "${sessionId}".`);
  await rm(dir, { recursive: true, force: true });
}

/** Throws not-found unless a session has exactly this id (no prefix match); the message names no folder. */
export async function requireSession(sessionsDir: string, sessionId: string): Promise<void> {
  const found = await readSession(sessionsDir, sessionId).catch(() => null);
  if (found?.info.id !== sessionId) throw new HostError('not-found', `No session "${sessionId}".`);
}
