// The callback the settings sections use to change the draft. Renderer.
import type { Settings } from '../../../src/host/protocol/settings.js';

/** Applies a change to the Settings view's draft. */
export type UpdateSettings = (change: (current: Settings) => Settings) => void;

/** What every settings section takes. */
export interface SectionProps {
  settings: Settings;
  update: UpdateSettings;
}
