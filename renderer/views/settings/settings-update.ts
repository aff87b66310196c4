// The callback the settings sections use to change the draft. Renderer.
import type { Settings } from '../../../src/host/protocol/settings.js';

/** Applies a change to the Settings view's draft. */
export type UpdateSettings = (change: (current: Settings) => Settings) => void;

/** What every settings section takes. */
export interface SectionProps {
  settings: Settings;
  update: UpdateSettings;
}

/** Stores one change at once (besides making it in the draft); resolves true once stored. */
export type CommitSettings = (change: (current: Settings) => Settings) => Promise<boolean>;
