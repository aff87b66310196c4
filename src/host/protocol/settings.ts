// The app's settings, as stored and as the UI edits them. Pure: no Node, no DOM.
import { z } from 'zod';
import { ConfirmationPolicy } from '../../run-protocol/confirmation.js';

/** An OpenAI-compatible model server. API keys are never part of settings: see `keyRef`. */
export const ServerConnection = z.object({
  kind: z.literal('openai'),
  /** An OpenAI-compatible base URL ending in /v1 (vLLM, SGLang, llama-server) or Zhipu's API URL. */
  baseUrl: z.string().url().max(500),
  /** Served model name; empty means "ask the server's /models". */
  model: z.string().max(200),
  /** Where the key lives: `env:VAR` (CLI and browser mode) or `keychain:ID` (the app's OS keychain); null for none. */
  keyRef: z
    .string()
    .regex(/^(env:[A-Za-z_][A-Za-z0-9_]*|keychain:[A-Za-z0-9_-]+)$/)
    .nullable(),
});

export const LOCAL_DEVICES = ['auto', 'cuda', 'dml', 'webgpu', 'coreml', 'cpu'] as const;
export const LOCAL_VARIANTS = ['q4f16', 'fp16', 'fp32'] as const;

/** The model on this machine: an ONNX folder in the engine's layout, run in-process by onnxruntime-node. */
export const LocalConnection = z.object({
  kind: z.literal('local'),
  modelDir: z.string().trim().min(1).max(1000),
  /** Execution provider; 'auto' takes the fastest this install has and falls back to the CPU. */
  device: z.enum(LOCAL_DEVICES),
  /** Which graphs of the folder to load: q4f16 needs the least memory, fp32 is the reference. */
  variant: z.enum(LOCAL_VARIANTS),
});
export type LocalConnection = z.infer<typeof LocalConnection>;

/** How to reach a model, without a name: what run.start and backend.test take inline. */
export const BackendConnection = z.discriminatedUnion('kind', [ServerConnection, LocalConnection]);
export type BackendConnection = z.infer<typeof BackendConnection>;

const PresetIdentity = { id: z.string().min(1).max(64), name: z.string().min(1).max(80) };

/** A backend the user has set up and named. */
export const BackendPreset = z.discriminatedUnion('kind', [
  ServerConnection.extend(PresetIdentity),
  LocalConnection.extend(PresetIdentity),
]);
export type BackendPreset = z.infer<typeof BackendPreset>;

/** Bounds of "max tokens per step": an action needs a few hundred tokens; GLM-4.1V's context is 64k. */
export const MIN_MAX_TOKENS = 256;
export const MAX_MAX_TOKENS = 32_768;

export { ConfirmationPolicy };

export const Settings = z.object({
  backends: z.array(BackendPreset).max(50),
  activeBackendId: z.string().nullable(),
  loop: z.object({
    maxSteps: z.number().int().min(1).max(1000),
    /** History screenshots sent with each request (the model was trained with up to 4). */
    historyImages: z.number().int().min(0).max(4),
    /** Longest wait for the screen to settle after an action, ms. */
    settleCapMs: z.number().int().min(0).max(10_000),
    /** Largest screenshot sent to the model (width × height, smaller copies keep the aspect); null: full size. */
    maxPixels: z.number().int().min(100_000).max(50_000_000).nullable().default(null),
    /** How screenshots are encoded for the model: PNG is lossless (the official agent's); JPEG for slow links. */
    imageFormat: z.enum(['png', 'jpeg']).default('png'),
    /** Most tokens the model may write in one step (thinking and answer); a reply past it is cut. */
    maxTokens: z.number().int().min(MIN_MAX_TOKENS).max(MAX_MAX_TOKENS).default(8192),
  }),
  safety: z.object({ confirmation: ConfirmationPolicy }),
  /** Old sessions are removed when a run starts, beyond these limits; null for no limit. */
  retention: z.object({
    keepSessions: z.number().int().min(1).max(1_000_000).nullable(),
    keepGb: z.number().positive().max(1_000_000).nullable(),
  }),
  shortcuts: z.object({ emergencyStop: z.string().min(1).max(60) }),
  language: z.enum(['en', 'zh']),
  theme: z.enum(['system', 'light', 'dark']),
  /** True once the first-run wizard ended with a working backend. */
  setupDone: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  backends: [],
  activeBackendId: null,
  loop: { maxSteps: 30, historyImages: 4, settleCapMs: 1500, maxPixels: null, imageFormat: 'png', maxTokens: 8192 },
  safety: { confirmation: 'risky' },
  retention: { keepSessions: null, keepGb: null },
  shortcuts: { emergencyStop: 'CommandOrControl+Shift+Escape' },
  language: 'en',
  theme: 'system',
  setupDone: false,
};
