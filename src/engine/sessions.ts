// Loads a model folder's three ONNX graphs into onnxruntime-node sessions on the chosen execution provider. Node only.
import { join } from 'node:path';
import { InferenceSession } from 'onnxruntime-node';
import { VARIANT_SUFFIXES, type ModelVariant } from './model-folder.js';
import { availableProviders } from './providers.js';

/** What the caller asks for; 'auto' picks the first GPU provider that loads, else the CPU. */
export type EngineDevice = 'auto' | 'cuda' | 'dml' | 'webgpu' | 'coreml' | 'cpu';

/** The order 'auto' tries GPU providers in; availableProviders() already leaves out the ones this platform lacks. */
const AUTO_ORDER = ['cuda', 'dml', 'coreml', 'webgpu'] as const;

export interface ModelSessions {
  embed: InferenceSession;
  vision: InferenceSession;
  decoder: InferenceSession;
  /** The provider the vision encoder and decoder run on ('cpu' when nothing else loaded). */
  device: Exclude<EngineDevice, 'auto'>;
  /** Why 'auto' ended on the CPU, in words the caller can show; null when it did not. */
  fallbackReason: string | null;
}

/** The caller asked for a provider this install lacks: a setup problem, not a crash. */
export class DeviceUnavailableError extends Error {
  override readonly name = 'DeviceUnavailableError';
}

/** Creates the sessions of `dir`'s `variant` (a decoder of `layers` layers) on `device`; 'auto' tries GPUs in turn. */
export async function loadSessions(
  dir: string,
  device: EngineDevice,
  variant: ModelVariant,
  layers: number,
): Promise<ModelSessions> {
  const available = await availableProviders();
  if (device !== 'auto') {
    if (!available.includes(device)) {
      throw new DeviceUnavailableError(
        `The execution provider "${device}" is not available in this onnxruntime-node install ` +
          `(${platform()} has: ${available.join(', ')}).`,
      );
    }
    return { ...(await createSessions(dir, device, variant, layers)), device, fallbackReason: null };
  }
  const failures: string[] = [];
  for (const provider of AUTO_ORDER.filter((name) => available.includes(name))) {
    try {
      return { ...(await createSessions(dir, provider, variant, layers)), device: provider, fallbackReason: null };
    } catch (error) {
      failures.push(`${provider}: ${firstLine(error)}`);
    }
  }
  const fallbackReason =
    failures.length > 0
      ? `No GPU provider could load the model (${failures.join('; ')}); running on the CPU.`
      : `This onnxruntime-node install has no GPU provider for ${platform()}; running on the CPU.`;
  return { ...(await createSessions(dir, 'cpu', variant, layers)), device: 'cpu', fallbackReason };
}

async function createSessions(
  dir: string,
  provider: Exclude<EngineDevice, 'auto'>,
  variant: ModelVariant,
  layers: number,
) {
  const file = (graph: string) => join(dir, 'onnx', `${graph}${VARIANT_SUFFIXES[variant]}.onnx`);
  // embed_tokens is one Gather whose output is merged with image features in JS: keep it (and its 1.2 GB table for
  // the 9B model) on the CPU, as onnx-export.md §2 recommends for transformers.js's per-file device map.
  const embed = await InferenceSession.create(file('embed_tokens'), sessionOptions('cpu'));
  const created: InferenceSession[] = [embed];
  try {
    const vision = await InferenceSession.create(file('vision_encoder'), sessionOptions(provider));
    created.push(vision);
    const decoder = await InferenceSession.create(file('decoder_model_merged'), {
      ...sessionOptions(provider),
      ...(provider === 'webgpu' ? { preferredOutputLocation: presentsOnGpu(layers) } : {}),
    });
    return { embed, vision, decoder };
  } catch (error) {
    await Promise.all(created.map((session) => session.release()));
    throw error;
  }
}

/**
 * On WebGPU the KV cache can stay on the GPU between steps: transformers.js (models/session.js) asks for the
 * decoder's present.* outputs as 'gpu-buffer', the only provider where onnxruntime-node supports that
 * (onnx-export.md §4). The names are the graph contract's (graph-contract.ts).
 */
function presentsOnGpu(layers: number): Record<string, 'gpu-buffer'> {
  const names = Array.from({ length: layers }, (_, layer) => [`present.${layer}.key`, `present.${layer}.value`]);
  return Object.fromEntries(names.flat().map((name) => [name, 'gpu-buffer' as const]));
}

const platform = () => `${process.platform}/${process.arch}`;

function sessionOptions(provider: Exclude<EngineDevice, 'auto'>): InferenceSession.SessionOptions {
  // The CPU stays listed after a GPU provider so nodes it cannot run fall back instead of failing the load.
  const executionProviders = provider === 'cpu' ? ['cpu'] : [provider, 'cpu'];
  return { executionProviders, graphOptimizationLevel: 'all', logSeverityLevel: 3 };
}

/** A provider failure in one line: onnxruntime's own sentence, not its source path ("…cc:136 …"). */
function firstLine(error: unknown): string {
  const line = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
  const sentence = /\b(?:Failed|Cannot|Could not|Unable)\b.*$/.exec(line)?.[0] ?? line;
  return sentence.length > 200 ? `${sentence.slice(0, 199)}…` : sentence;
}
