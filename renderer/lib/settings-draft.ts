// Checks and compares the Settings view's draft before it is saved. Pure; renderer.
import { Settings } from '../../src/host/protocol/settings.js';

/** The draft's invalid fields as dotted paths (e.g. `loop.maxSteps`); empty when it may be saved. */
export function invalidFields(draft: Settings): string[] {
  const result = Settings.safeParse(draft);
  if (result.success) return [];
  return [...new Set(result.error.issues.map((issue) => issue.path.join('.')))];
}

/** Whether two settings say the same (key order aside). */
export function sameSettings(a: Settings | null, b: Settings | null): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}
