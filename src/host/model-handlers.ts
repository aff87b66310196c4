// The AgentHost's model commands: is a folder usable, and downloading the shipped model with progress. Node only.
import type { HostHandlers } from './host-service.js';
import type { ModelDownloads } from './model-downloads.js';

type ModelHandlers = Pick<HostHandlers, 'model.status' | 'model.download' | 'model.stopDownload'>;

export function modelHandlers(downloads: ModelDownloads): ModelHandlers {
  return {
    'model.status': async ({ modelDir, variant, device }) => {
      // Loaded on demand: onnxruntime-node is heavy and only local-model users need it.
      const [{ checkModelFolder, preferredVariant, presentVariants }, { availableProviders }] = await Promise.all([
        import('../engine/model-folder.js'),
        import('../engine/providers.js'),
      ]);
      const [providers, variants] = await Promise.all([availableProviders(), presentVariants(modelDir)]);
      // As the engine picks: the named device, else the fastest provider this install has.
      const loadsOn = device && device !== 'auto' ? device : (providers.find((name) => name !== 'cpu') ?? 'cpu');
      const checked = variant ?? preferredVariant(variants, loadsOn);
      const check = await checkModelFolder(modelDir, checked);
      return {
        valid: check.valid,
        errors: check.errors,
        providers,
        estimatedBytes: check.estimatedBytes,
        variant: checked,
        variants,
      };
    },
    'model.download': (request) => downloads.start(request),
    'model.stopDownload': async ({ downloadId }) => (await downloads.stop(downloadId), { ok: true }),
  };
}
