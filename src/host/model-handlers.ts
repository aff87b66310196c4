// The AgentHost's model commands: is a folder usable, and downloading the shipped model with progress. Node only.
import type { HostHandlers } from './host-service.js';
import type { ModelDownloads } from './model-downloads.js';

type ModelHandlers = Pick<HostHandlers, 'model.status' | 'model.download' | 'model.stopDownload'>;

export function modelHandlers(downloads: ModelDownloads): ModelHandlers {
  return {
    'model.status': async ({ modelDir, variant }) => {
      // Loaded on demand: onnxruntime-node is heavy and only local-model users need it.
      const [{ checkModelFolder }, { availableProviders }] = await Promise.all([
        import('../engine/model-folder.js'),
        import('../engine/providers.js'),
      ]);
      const check = await checkModelFolder(modelDir, variant);
      return {
        valid: check.valid,
        errors: check.errors,
        providers: await availableProviders(),
        estimatedBytes: check.estimatedBytes,
      };
    },
    'model.download': (request) => downloads.start(request),
    'model.stopDownload': async ({ downloadId }) => (await downloads.stop(downloadId), { ok: true }),
  };
}
