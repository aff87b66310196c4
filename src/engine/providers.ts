// Which onnxruntime execution providers this install can use. Node only.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

interface Backend {
  name: string;
  bundled: boolean;
}

/** Bundled providers always; CUDA only when its libraries were installed beside the binding (README "GPU"). */
export async function availableProviders(): Promise<string[]> {
  const ort = (await import('onnxruntime-node')) as unknown as { listSupportedBackends?: () => Backend[] };
  const backends = ort.listSupportedBackends?.() ?? [{ name: 'cpu', bundled: true }];
  const binding = join(
    dirname(createRequire(import.meta.url).resolve('onnxruntime-node')),
    '..',
    'bin',
    'napi-v6',
    process.platform,
    process.arch,
  );
  const installed = (name: string) => name === 'cuda' && existsSync(join(binding, 'libonnxruntime_providers_cuda.so'));
  return backends.filter((backend) => backend.bundled || installed(backend.name)).map((backend) => backend.name);
}
