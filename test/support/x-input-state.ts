// Which keys and mouse buttons the X server holds down for the XTEST devices (what nut-js and xdotool drive). Node.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Held keys and buttons on `env.DISPLAY`, e.g. ['button[1]', 'key[54]']; needs `xinput`. */
export async function heldInputs(env: NodeJS.ProcessEnv): Promise<string[]> {
  const held: string[] = [];
  for (const device of ['Virtual core XTEST pointer', 'Virtual core XTEST keyboard']) {
    const { stdout } = await execFileAsync('xinput', ['query-state', device], { env });
    for (const match of stdout.matchAll(/\b((?:key|button)\[\d+\])=down/g)) held.push(match[1]!);
  }
  return held;
}
