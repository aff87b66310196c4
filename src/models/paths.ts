// Where downloaded models live by default: the OS's app-data folder, beside sessions (see src/sessions/paths.ts). Node only.
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The folder that holds one subfolder per downloaded model. */
export function defaultModelsDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.DESKHAND_MODELS_DIR) return env.DESKHAND_MODELS_DIR;
  const home = env.HOME ?? homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Deskhand', 'models');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Deskhand', 'models');
  // XDG says a relative XDG_DATA_HOME is invalid and must be ignored.
  const dataHome =
    env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : join(home, '.local', 'share');
  return join(dataHome, 'deskhand', 'models');
}

/** `deskhand/GLM-4.1V-9B-Thinking-ONNX` + `q4f16` → `GLM-4.1V-9B-Thinking-ONNX-q4f16`. */
export function modelFolderName(repo: string, variant: string): string {
  return `${repo.split('/').at(-1)}-${variant}`;
}
