// The Sessions settings' two optional limits as text fields: empty means no limit. Pure; renderer.
import type { Settings } from '../../src/host/protocol/settings.js';
import { invalidFields } from './settings-draft.js';

export type RetentionLimit = keyof Settings['retention'];

/** What a limit's input shows: nothing for no limit (null) or a value that could not be read (NaN). */
export function retentionInputText(value: number | null): string {
  return value === null || Number.isNaN(value) ? '' : String(value);
}

/**
 * The limit an input holds: null when empty, NaN when it cannot be read. A number input reports "" for half-typed
 * text such as "-" (`badInput`); NaN keeps that from passing as "no limit", so the schema refuses it and Save waits.
 */
export function retentionFromInput(text: string, badInput = false): number | null {
  if (badInput) return Number.NaN;
  const trimmed = text.trim();
  return trimmed === '' ? null : Number(trimmed);
}

/** The retention limits the settings schema refuses in this draft. */
export function invalidRetentionLimits(draft: Settings): RetentionLimit[] {
  const invalid = invalidFields(draft);
  return (['keepSessions', 'keepGb'] as const).filter((limit) => invalid.includes(`retention.${limit}`));
}
