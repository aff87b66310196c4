// Reads a model manifest from a URL: the manifest.json of an exported folder that a mirror hosts. Node only.
import { ManifestError, parseManifest, type ModelManifest } from './manifest.js';

/** A manifest lists a few dozen files; anything far larger is not one. */
export const MAX_MANIFEST_BYTES = 1_000_000;
const FETCH_TIMEOUT_MS = 20_000;

/** Fetches and validates the manifest; every problem is a ManifestError naming the URL without query or userinfo. */
export async function fetchManifest(manifestUrl: string, signal?: AbortSignal): Promise<ModelManifest> {
  const url = URL.canParse(manifestUrl) ? new URL(manifestUrl) : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ManifestError(`The manifest URL must be an http(s) URL of a manifest.json, got "${manifestUrl}".`);
  }
  const shown = `${url.origin}${url.pathname}`;
  const timeout = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  let text: string;
  try {
    const response = await fetch(url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    if (!response.ok) throw new ManifestError(`Cannot fetch the manifest ${shown}: HTTP ${response.status}.`);
    text = await readLimited(response, shown);
  } catch (error) {
    if (error instanceof ManifestError || signal?.aborted) throw error;
    throw new ManifestError(`Cannot fetch the manifest ${shown}: ${(error as Error).message}`);
  }
  return parseManifest(text, shown);
}

/** Where a hosted export's files are: beside its manifest.json (the folder the exporter wrote, served as it is). */
export function exportFolderUrl(manifestUrl: string): string {
  return new URL('.', manifestUrl).href;
}

async function readLimited(response: Response, shown: string): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_MANIFEST_BYTES) throw new ManifestError(`${shown} is ${declared} bytes: too big for a manifest.`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_MANIFEST_BYTES) throw new ManifestError(`${shown} is too big for a manifest.`);
  return new TextDecoder().decode(bytes);
}
