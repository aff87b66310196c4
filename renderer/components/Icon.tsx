// Small line icons drawn inline (no icon font, nothing fetched). Renderer.
import type { ReactNode } from 'react';
import type { ActionIcon } from '../lib/action-summary.js';

export type IconName =
  | ActionIcon
  | 'play'
  | 'pause'
  | 'stop'
  | 'previous'
  | 'next'
  | 'hand'
  | 'search'
  | 'trash'
  | 'plus'
  | 'chevron'
  | 'check'
  | 'alert'
  | 'close'
  | 'refresh'
  | 'monitor'
  | 'server'
  | 'target'
  | 'arrow-down'
  | 'download'
  | 'chip'
  | 'edit'
  | 'sparkle'
  | 'history'
  | 'follow-up'
  | 'clock';

const PATHS: Record<IconName, ReactNode> = {
  download: <path d="M12 4v11M7 10.5l5 5 5-5M5 20h14" />,
  chip: (
    <>
      <rect x="6" y="6" width="12" height="12" rx="2" />
      <path d="M9 2.5v3.5M15 2.5v3.5M9 18v3.5M15 18v3.5M2.5 9H6M2.5 15H6M18 9h3.5M18 15h3.5" />
    </>
  ),
  click: (
    <>
      <path d="M9 9l10 4-4 1.6L13.4 19z" />
      <path d="M7.5 3.5v2M3.5 7.5h2M4.8 4.8l1.4 1.4M10.2 4.8L8.8 6.2" />
    </>
  ),
  'right-click': (
    <>
      <rect x="6" y="3" width="12" height="18" rx="6" />
      <path d="M12 3v6h6" fill="currentColor" fillOpacity="0.35" />
    </>
  ),
  'double-click': (
    <>
      <path d="M9 9l10 4-4 1.6L13.4 19z" />
      <circle cx="7" cy="7" r="3.5" />
    </>
  ),
  hover: <path d="M6 3l12 7.5-5.2 1.3L10 17z" />,
  drag: (
    <>
      <circle cx="6" cy="18" r="2" />
      <path d="M7.5 16.5L18 6M12 6h6v6" />
    </>
  ),
  keyboard: (
    <>
      <rect x="2.5" y="6" width="19" height="12" rx="2" />
      <path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10" />
    </>
  ),
  type: <path d="M5 6V4.5h14V6M12 4.5v15M9 19.5h6" />,
  'scroll-up': <path d="M12 19V5M6 11l6-6 6 6" />,
  'scroll-down': <path d="M12 5v14M6 13l6 6 6-6" />,
  wait: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 7.5V12l3 2" />
    </>
  ),
  done: <path d="M5 12.5l4.5 4.5L19 7.5" />,
  fail: <path d="M6.5 6.5l11 11M17.5 6.5l-11 11" />,
  none: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M9.5 9.5a2.5 2.5 0 113.5 2.3c-.6.3-1 .8-1 1.5M12 16.5h.01" />
    </>
  ),
  play: <path d="M7 4.5v15l12-7.5z" fill="currentColor" />,
  pause: <path d="M8 5v14M16 5v14" strokeWidth="3" />,
  stop: <rect x="6" y="6" width="12" height="12" rx="1.5" fill="currentColor" />,
  previous: <path d="M15 6l-6 6 6 6" />,
  next: <path d="M9 6l6 6-6 6" />,
  hand: (
    <path d="M8 12V5.5a1.5 1.5 0 013 0V11m0-6.5a1.5 1.5 0 013 0V11m0-5a1.5 1.5 0 013 0v7c0 4-2.5 7-6.5 7-3 0-4.5-1.5-6-4l-2-3.5a1.5 1.5 0 012.5-1.6L8 14" />
  ),
  search: (
    <>
      <circle cx="11" cy="11" r="6.5" />
      <path d="M16 16l4.5 4.5" />
    </>
  ),
  trash: <path d="M4.5 7h15M9.5 7V4.5h5V7M6.5 7l1 12.5h9l1-12.5M10 11v5M14 11v5" />,
  plus: <path d="M12 5v14M5 12h14" />,
  chevron: <path d="M9 6l6 6-6 6" />,
  'follow-up': <path d="M6 4v7a3 3 0 0 0 3 3h9M14 10l4 4-4 4" />,
  check: <path d="M5 12.5l4.5 4.5L19 7.5" />,
  alert: (
    <>
      <path d="M12 3.5l9.5 16.5h-19z" />
      <path d="M12 10v4.5M12 17.5h.01" />
    </>
  ),
  close: <path d="M6.5 6.5l11 11M17.5 6.5l-11 11" />,
  refresh: <path d="M19.5 12a7.5 7.5 0 11-2.2-5.3M19.5 4.5v4h-4" />,
  monitor: (
    <>
      <rect x="3" y="4" width="18" height="12.5" rx="1.5" />
      <path d="M9 20h6M12 16.5V20" />
    </>
  ),
  server: (
    <>
      <rect x="3.5" y="4" width="17" height="7" rx="1.5" />
      <rect x="3.5" y="13" width="17" height="7" rx="1.5" />
      <path d="M7.5 7.5h.01M7.5 16.5h.01" />
    </>
  ),
  target: (
    <>
      <circle cx="12" cy="12" r="7.5" />
      <circle cx="12" cy="12" r="2.5" />
      <path d="M12 2v3M12 19v3M2 12h3M19 12h3" />
    </>
  ),
  'arrow-down': <path d="M12 5v14M6 13l6 6 6-6" />,
  edit: <path d="M4.5 19.5l1-4.5L16 4.5l3.5 3.5L9 18.5zM13.5 7l3.5 3.5" />,
  sparkle: <path d="M12 3.5l2 6.5 6.5 2-6.5 2-2 6.5-2-6.5-6.5-2 6.5-2z" />,
  clock: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 7.5V12l3 2" />
    </>
  ),
  history: (
    <>
      <path d="M4.5 12a7.5 7.5 0 102.2-5.3L4.5 9" />
      <path d="M4.5 4.5V9H9M12 8v4.5l3 1.5" />
    </>
  ),
};

/** A 1em line icon in the current text colour; decorative unless `label` is given. */
export function Icon({ name, label, className }: { name: IconName; label?: string; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  );
}
