// How to get text into the focused window, by its X window class: terminals must never see a bare Ctrl+V. Pure.

/** 'paste': the platform's paste chord; 'shift-paste': Ctrl+Shift+V (most terminals); 'keys': type key by key. */
export type PasteStyle = 'paste' | 'shift-paste' | 'keys';

/** Terminals without a paste chord by default (xterm, rxvt, st): Ctrl+V reaches the shell as quoted-insert. */
const KEY_TYPED_TERMINALS = ['xterm', 'uxterm', 'rxvt', 'urxvt', 'st-256color', 'st', 'aterm', 'eterm'];

/** Terminals whose paste chord is Ctrl+Shift+V. */
const SHIFT_PASTE_TERMINALS = [
  'gnome-terminal',
  'gnome-terminal-server',
  'org.gnome.console',
  'kgx',
  'konsole',
  'xfce4-terminal',
  'lxterminal',
  'mate-terminal',
  'qterminal',
  'tilix',
  'terminator',
  'kitty',
  'alacritty',
  'wezterm',
  'org.wezfurlong.wezterm',
  'foot',
  'terminology',
  'sakura',
  'guake',
  'tilda',
  'deepin-terminal',
  'io.elementary.terminal',
  'ptyxis',
];

/** The style for a window class (either part of WM_CLASS, any case); unknown or missing classes paste normally. */
export function pasteStyleForWindowClass(windowClass: string | null): PasteStyle {
  const name = windowClass?.trim().toLowerCase() ?? '';
  if (KEY_TYPED_TERMINALS.includes(name)) return 'keys';
  if (SHIFT_PASTE_TERMINALS.includes(name)) return 'shift-paste';
  return 'paste';
}
