// Lists the displays of an X11 desktop (xrandr monitors or outputs, with a nut-js fallback) and resolves display ids.
// Node only.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { z } from 'zod';
import { displayBoundsInInputSpace } from './coordinates.js';
import { DesktopSetupError } from './errors.js';
import { loadNut } from './nut.js';
import { assertX11Session } from './session-type.js';
import type { Display, Rect } from './types.js';

const execFileAsync = promisify(execFile);
const TOOL_TIMEOUT_MS = 2000;

/** One connected, active RandR output as `xrandr --current` prints it; bounds in physical pixels. */
export interface XrandrOutput {
  name: string;
  bounds: Rect;
  primary: boolean;
}

/** Reads each line `pattern` matches: its named groups name, width, height, x, y, and primary or flags (`*`). */
function parseRandrLines(text: string, pattern: RegExp): XrandrOutput[] {
  const found: XrandrOutput[] = [];
  for (const line of text.split('\n')) {
    const groups = pattern.exec(line)?.groups;
    if (!groups) continue;
    found.push({
      name: groups.name ?? '',
      primary: groups.primary !== undefined || (groups.flags?.includes('*') ?? false),
      bounds: { x: Number(groups.x), y: Number(groups.y), width: Number(groups.width), height: Number(groups.height) },
    });
  }
  return found;
}

const OUTPUT_LINE =
  /^(?<name>\S+) connected (?<primary>primary )?(?<width>\d+)x(?<height>\d+)(?<x>[+-]\d+)(?<y>[+-]\d+)/;

/** Parses `xrandr --current`: connected outputs with a mode (rotation is already applied to WxH). */
export function parseXrandrOutputs(text: string): XrandrOutput[] {
  return parseRandrLines(text, OUTPUT_LINE);
}

const MONITOR_LINE =
  /^\s*\d+:\s+(?<flags>[+*]*)(?<name>\S+)\s+(?<width>\d+)\/\d+x(?<height>\d+)\/\d+(?<x>[+-]\d+)(?<y>[+-]\d+)/;

/**
 * Parses `xrandr --listmonitors`: RandR 1.5 monitors, one per active output (named after it) plus any the user
 * defined with `xrandr --setmonitor`, e.g. the halves of one wide panel. `*` marks the primary, `+` an automatic one.
 */
export function parseXrandrMonitors(text: string): XrandrOutput[] {
  return parseRandrLines(text, MONITOR_LINE);
}

/**
 * Orders outputs primary first, then left to right and top to bottom, so that index 0 is the primary display.
 * Xvfb flags no output as primary: the first one is then treated as primary.
 */
export function toDisplays(outputs: XrandrOutput[], scaleFactor: number): Display[] {
  const anyPrimary = outputs.some((output) => output.primary);
  const displays = outputs.map((output, index) => ({
    id: output.name,
    bounds: displayBoundsInInputSpace(output.bounds, scaleFactor, 'physical'),
    scaleFactor,
    primary: anyPrimary ? output.primary : index === 0,
  }));
  return displays.sort(
    (a, b) => Number(b.primary) - Number(a.primary) || a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y,
  );
}

const ScaleFactor = z.coerce.number().min(0.5).max(8);

/** The X11 scale factor: DESKHAND_SCALE_FACTOR, else GDK_SCALE, else Xft.dpi/96 from `xrdb -query`, else 1. */
export function parseScaleFactor(env: NodeJS.ProcessEnv, xrdbQuery: string): number {
  for (const value of [env.DESKHAND_SCALE_FACTOR, env.GDK_SCALE]) {
    if (value === undefined || value.trim() === '') continue;
    const parsed = ScaleFactor.safeParse(value);
    if (parsed.success) return parsed.data;
  }
  const dpi = /^Xft\.dpi:\s*([\d.]+)/m.exec(xrdbQuery)?.[1];
  const parsed = ScaleFactor.safeParse(dpi === undefined ? undefined : Number(dpi) / 96);
  return parsed.success ? parsed.data : 1;
}

async function runTool(file: string, args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(file, args, { timeout: TOOL_TIMEOUT_MS, encoding: 'utf8' });
  return stdout;
}

async function readScaleFactor(): Promise<number> {
  const hasEnvScale = Boolean(process.env.DESKHAND_SCALE_FACTOR ?? process.env.GDK_SCALE);
  const xrdb = hasEnvScale ? '' : await runTool('xrdb', ['-query']).catch(() => '');
  return parseScaleFactor(process.env, xrdb);
}

async function nutScreenDisplay(scaleFactor: number): Promise<Display[]> {
  const { screen } = await loadNut();
  const bounds = { x: 0, y: 0, width: await screen.width(), height: await screen.height() };
  return [{ id: 'screen', bounds, scaleFactor, primary: true }];
}

async function readXrandr(args: string[], parse: (text: string) => XrandrOutput[]): Promise<XrandrOutput[]> {
  return runTool('xrandr', args)
    .then(parse)
    .catch((): XrandrOutput[] => []);
}

/**
 * Lists the X11 displays: RandR monitors, else active outputs (an xrandr older than 1.5), else one display of
 * nut-js's screen size when xrandr fails or lists none. Refuses a Wayland session, where X11 sees only XWayland.
 */
export async function listDisplays(): Promise<Display[]> {
  assertX11Session(process.env);
  const scaleFactor = await readScaleFactor();
  let outputs = await readXrandr(['--listmonitors'], parseXrandrMonitors);
  if (outputs.length === 0) outputs = await readXrandr(['--current'], parseXrandrOutputs);
  return outputs.length > 0 ? toDisplays(outputs, scaleFactor) : nutScreenDisplay(scaleFactor);
}

/**
 * Finds a display by id, or by its index in `displays` ("0" is the primary); none given means the primary.
 * Throws an error that lists the available ids.
 */
export function findDisplay(displays: Display[], idOrIndex?: string | number): Display {
  const key = String(idOrIndex ?? 0).trim();
  const byId = displays.find((display) => display.id === key);
  if (byId) return byId;
  const byIndex = /^\d+$/.test(key) ? displays[Number(key)] : undefined;
  if (byIndex) return byIndex;
  const available = displays.map((display, index) => `${index}: ${display.id}`).join(', ') || 'none';
  throw new DesktopSetupError(`Unknown display "${key}". Available displays (index: id): ${available}`);
}
