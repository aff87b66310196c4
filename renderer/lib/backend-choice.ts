// Turns the run form's backend choice into run.start's `backend`, and names presets. Pure; renderer.
import type { RunStartParams } from '../../src/host/protocol/host-api.js';
import type { BackendPreset, Settings } from '../../src/host/protocol/settings.js';

/** The select's value for an ad-hoc OpenAI-compatible server. */
export const INLINE_BACKEND = 'openai';

/** What the select shows: the chosen preset if it still exists, else the active preset, else the first, else inline. */
export function effectiveBackend(selected: string, settings: Settings | null): string {
  const presets = settings?.backends ?? [];
  if (selected === INLINE_BACKEND || presets.some((preset) => preset.id === selected)) return selected;
  const active = presets.find((preset) => preset.id === settings?.activeBackendId);
  return (active ?? presets[0])?.id ?? INLINE_BACKEND;
}

/** run.start's and locate's `backend`, or null when the inline server has no URL yet. */
export function runBackend(
  selected: string,
  inline: { baseUrl: string; model: string },
  settings: Settings | null,
): RunStartParams['backend'] | null {
  const choice = effectiveBackend(selected, settings);
  if (choice !== INLINE_BACKEND) return { presetId: choice };
  const baseUrl = inline.baseUrl.trim();
  if (!baseUrl) return null;
  return { kind: 'openai', baseUrl, model: inline.model.trim(), keyRef: null };
}

/** `env:NAME` for an environment variable name, null when empty. */
export function keyRefFromEnv(name: string): string | null {
  const trimmed = name.trim();
  return trimmed ? `env:${trimmed}` : null;
}

/** The variable name of an `env:` key reference; '' for none or a keychain reference. */
export function envFromKeyRef(keyRef: string | null): string {
  return keyRef?.startsWith('env:') ? keyRef.slice(4) : '';
}

/** A new preset id from its name, unique among `existing`. */
export function newPresetId(name: string, existing: readonly BackendPreset[]): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'backend';
  const taken = new Set(existing.map((preset) => preset.id));
  if (!taken.has(base)) return base;
  let suffix = 2;
  while (taken.has(`${base}-${suffix}`)) suffix++;
  return `${base}-${suffix}`;
}
