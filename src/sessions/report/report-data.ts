// The view model of an HTML report: what a viewer may see of a session, frames inlined, secrets and paths removed.
// Node only.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { z } from 'zod';
import { Outcome, StepTimings } from '../../run-protocol/run-events.js';
import { FRAME_NAME } from '../archive/archive-layout.js';
import type { SessionDetail } from '../reader.js';
import { sessionFileInside } from '../session-file-inside.js';
import type { StepRecord } from '../schema.js';
import { describeAction } from '../../glm/describe-action.js';

/** A point to draw on the frame, in the frame's own pixels (the image may be embedded smaller). */
export const ReportTarget = z.object({ x: z.number(), y: z.number(), role: z.enum(['point', 'from', 'to']) });

export const ReportStep = z.object({
  step: z.number().int(),
  startedAt: z.string(),
  /** The frame as a data: URL, or null when it is missing or unreadable. */
  image: z.string().startsWith('data:image/').nullable(),
  frameSize: z.object({ width: z.number().int(), height: z.number().int() }),
  action: z.string(),
  actionName: z.string(),
  targets: z.array(ReportTarget),
  thinking: z.string(),
  explanation: z.string(),
  memory: z.string(),
  error: z.string().nullable(),
  /** carried out, not carried out, or declined by the user. */
  status: z.enum(['acted', 'not acted', 'declined']),
  timings: StepTimings,
  usage: z.object({ promptTokens: z.number().nullable(), completionTokens: z.number().nullable() }),
});
export type ReportStep = z.infer<typeof ReportStep>;

export const ReportData = z.object({
  id: z.string(),
  task: z.string(),
  outcome: Outcome.nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  backend: z.object({ kind: z.string(), model: z.string() }),
  display: z.object({ width: z.number(), height: z.number(), scaleFactor: z.number() }),
  deskhandVersion: z.string(),
  steps: z.array(ReportStep),
  warnings: z.array(z.string()),
});
export type ReportData = z.infer<typeof ReportData>;

export interface ReportOptions {
  /** Scrubs every free text (see report-redaction.ts). */
  redact: (text: string) => string;
  /** Frames wider than this are re-encoded as JPEG this wide; null embeds the recorded bytes unchanged. */
  maxFrameWidth: number | null;
  jpegQuality?: number;
}

/** Builds the report's data from a session read from disk. */
export async function buildReportData(detail: SessionDetail, options: ReportOptions): Promise<ReportData> {
  const { info } = detail;
  const redact = options.redact;
  const steps: ReportStep[] = [];
  for (const step of detail.steps) steps.push(await reportStep(detail.dir, step, options));
  return ReportData.parse({
    id: info.id,
    task: redact(info.task),
    outcome: info.outcome && { kind: info.outcome.kind, message: redact(info.outcome.message) },
    startedAt: info.startedAt,
    endedAt: info.endedAt,
    backend: { kind: info.backend.kind, model: redact(info.backend.model) },
    display: { ...info.display.bounds, scaleFactor: info.display.scaleFactor },
    deskhandVersion: info.deskhandVersion,
    steps,
    warnings: detail.warnings.map(redact),
  });
}

async function reportStep(dir: string, step: StepRecord, options: ReportOptions): Promise<ReportStep> {
  const redact = options.redact;
  return {
    step: step.step,
    startedAt: step.startedAt,
    image: await frameDataUrl(dir, step.frame, options),
    frameSize: step.frameSize,
    action: redact(describeAction(step.action)),
    actionName: step.action.name,
    targets: targetsOf(step),
    thinking: redact(step.thinking),
    explanation: redact(step.explanation),
    memory: redact(step.memory),
    error: step.error === null ? null : redact(step.error),
    status: step.declined ? 'declined' : step.acted ? 'acted' : 'not acted',
    timings: step.timings,
    usage: step.usage,
  };
}

function targetsOf(step: StepRecord): ReportStep['targets'] {
  const { point, endPoint } = step.action;
  if (point && endPoint) {
    return [
      { x: point[0], y: point[1], role: 'from' },
      { x: endPoint[0], y: endPoint[1], role: 'to' },
    ];
  }
  return point ? [{ x: point[0], y: point[1], role: 'point' }] : [];
}

/** Only the session's own frames are read: steps.jsonl of an imported session is not trusted to name a path. */
async function frameDataUrl(dir: string, frame: string, options: ReportOptions): Promise<string | null> {
  if (!FRAME_NAME.test(frame)) return null;
  const file = await sessionFileInside(dir, frame);
  const data = file === null ? null : await readFile(file).catch(() => null);
  if (data === null) return null;
  try {
    const image = sharp(data);
    const { width, format } = await image.metadata();
    if (options.maxFrameWidth !== null && (width ?? 0) > options.maxFrameWidth) {
      const smaller = await image
        .resize({ width: options.maxFrameWidth })
        .jpeg({ quality: options.jpegQuality ?? 70 })
        .toBuffer();
      return `data:image/jpeg;base64,${smaller.toString('base64')}`;
    }
    if (format !== 'jpeg' && format !== 'png') return null;
    return `data:image/${format};base64,${data.toString('base64')}`;
  } catch {
    return null;
  }
}
