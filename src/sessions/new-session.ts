// The first session.json of a run, the same for the CLI, the app host and locate. Node only.
import { DEFAULT_IMAGE_FORMAT, type ImageFormat } from '../desktop/encode.js';
import type { Display } from '../desktop/types.js';
import { VERSION } from '../version.js';
import { newSessionId, redactUrl } from './paths.js';
import { SESSION_FORMAT_VERSION, type SessionInfo } from './schema.js';

export function newSessionInfo(run: {
  task: string;
  backend: Pick<SessionInfo['backend'], 'kind' | 'model'>;
  baseUrl: string | null;
  display: Pick<Display, 'id' | 'bounds' | 'scaleFactor'>;
  maxSteps: number;
  imageFormat?: ImageFormat;
  /** The earlier session this run continues, and the first session of that conversation. */
  followUp?: { of: string; conversationId: string };
  maxTokens?: number;
}): SessionInfo {
  return {
    formatVersion: SESSION_FORMAT_VERSION,
    id: newSessionId(),
    task: run.task,
    backend: { kind: run.backend.kind, model: run.backend.model, baseUrl: redactUrl(run.baseUrl) },
    display: { id: run.display.id, bounds: run.display.bounds, scaleFactor: run.display.scaleFactor },
    maxSteps: run.maxSteps,
    imageFormat: run.imageFormat ?? DEFAULT_IMAGE_FORMAT,
    ...(run.followUp && { followUpOf: run.followUp.of, conversationId: run.followUp.conversationId }),
    ...(run.maxTokens === undefined ? {} : { maxTokens: run.maxTokens }),
    startedAt: new Date().toISOString(),
    endedAt: null,
    outcome: null,
    steps: 0,
    deskhandVersion: VERSION,
  };
}
