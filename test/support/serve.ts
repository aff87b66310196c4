// Runs `deskhand serve` as a child process and reads the URL it prints. Node only (tests).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { DESKHAND_BIN } from './cli.js';

export interface ServedUi {
  url: string;
  child: ChildProcess;
  stderr(): string;
  stop(): Promise<void>;
}

export async function startServe(args: string[], env: NodeJS.ProcessEnv): Promise<ServedUi> {
  const child = spawn(process.execPath, [DESKHAND_BIN, 'serve', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL: ${stderr}`)), 30_000);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /^Deskhand UI: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      resolve(match[1]!);
    });
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`serve exited ${code}: ${stderr}`))));
  });
  return {
    url,
    child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
