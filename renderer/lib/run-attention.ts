// What the tab (or window) title and the favicon say about the agent: idle, running, paused, or waiting for the
// user to confirm an action. Pure; renderer.
import type { RunPhase } from '../state/app-state.js';

export type Attention = 'idle' | 'running' | 'paused' | 'taken-over' | 'waiting';

/** The attention state of the current run: a confirmation waiting wins; an ended run (or none) is idle. */
export function attentionOf(run: { phase: RunPhase; confirmation: unknown } | null): Attention {
  if (!run || run.phase === 'ended') return 'idle';
  if (run.confirmation) return 'waiting';
  return run.phase;
}

/** A glyph in front of the title, so the state shows even in a narrow tab. */
const GLYPHS: Record<Exclude<Attention, 'idle'>, string> = {
  running: '▶',
  paused: '⏸',
  'taken-over': '✋',
  waiting: '⚠',
};

/** "Deskhand" when idle; "▶ Running — Deskhand" and the like otherwise (`label` is the state in the UI language). */
export function documentTitle(attention: Attention, appName: string, label: string): string {
  return attention === 'idle' ? appName : `${GLYPHS[attention]} ${label} — ${appName}`;
}

/** The app icon (renderer/favicon.svg) without its <svg> wrapper, drawn in a 32 × 32 view box. */
export const APP_ICON_BODY =
  '<rect x="2" y="4" width="28" height="20" rx="4" fill="#4b5bdc"/><path d="M12 28h8M16 24v4" stroke="#4b5bdc" stroke-width="2.5" stroke-linecap="round"/><path d="M13 9.5l8 3.2-3.2 1.3-1.3 3.2z" fill="#fff"/>';

/** The badge in the icon's corner: colour and mark per state. */
const BADGES: Record<Exclude<Attention, 'idle'>, { fill: string; mark: string }> = {
  // A play triangle on green: the agent is driving the desktop.
  running: { fill: '#1f8a5b', mark: '<path d="M22.4 18.6v7.8l6.4-3.9z" fill="#fff"/>' },
  // Two bars on grey: paused.
  paused: { fill: '#5f6877', mark: '<path d="M22.3 19.2v6.6M26.7 19.2v6.6" stroke="#fff" stroke-width="2.4"/>' },
  'taken-over': { fill: '#5f6877', mark: '<path d="M22.3 19.2v6.6M26.7 19.2v6.6" stroke="#fff" stroke-width="2.4"/>' },
  // An exclamation mark on amber: the run waits for the user.
  waiting: {
    fill: '#d97706',
    mark: '<path d="M24.5 18.7v4.4" stroke="#fff" stroke-width="2.6" stroke-linecap="round"/><circle cx="24.5" cy="26.3" r="1.4" fill="#fff"/>',
  },
};

/** The favicon for a state as SVG markup; null for idle (the page's own icon stays). */
export function faviconSvg(attention: Attention): string | null {
  if (attention === 'idle') return null;
  const badge = BADGES[attention];
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
    APP_ICON_BODY +
    `<circle cx="24.5" cy="22.5" r="7" fill="${badge.fill}" stroke="#fff" stroke-width="1.5"/>` +
    badge.mark +
    '</svg>'
  );
}

/** A data: URL of `svg` (the page's CSP allows data: images). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
