// Where downloaded models live by default: the OS's app-data folder, beside sessions (see src/sessions/paths.ts). Node only.
import { join } from 'node:path';
import { appDataDir } from '../app-dirs.js';

/** The folder that holds one subfolder per downloaded model. */
export function defaultModelsDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return env.DESKHAND_MODELS_DIR || join(appDataDir(env, platform), 'models');
}

/** `deskhand/GLM-4.1V-9B-Thinking-ONNX` + `q4f16` → `GLM-4.1V-9B-Thinking-ONNX-q4f16`. */
export function modelFolderName(repo: string, variant: string): string {
  return `${repo.split('/').at(-1)}-${variant}`;
}
