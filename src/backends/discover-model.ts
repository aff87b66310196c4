// Asks an OpenAI-compatible server which model it serves, so `--model` can be left out. Node only.
import { endpointUrl } from '../url-secrets.js';
import { z } from 'zod';

/** Used when neither the user nor the server's /models names the model. */
export const FALLBACK_MODEL = 'glm-4.1v-9b-thinking';

const ModelList = z.object({ data: z.array(z.object({ id: z.string() })).min(1) });

/** The first model id from GET {baseUrl}/models, or null when the server does not say (the caller falls back). */
export async function discoverModel(
  baseUrl: string,
  apiKey: string | undefined,
  timeoutMs = 3000,
): Promise<string | null> {
  try {
    const response = await fetch(endpointUrl(baseUrl, 'models'), {
      headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return null;
    const parsed = ModelList.safeParse(await response.json());
    return parsed.success ? parsed.data.data[0]!.id : null;
  } catch {
    return null;
  }
}

/** The model to request: the one given, else what the server lists first, else FALLBACK_MODEL. */
export async function resolveModelName(
  given: string | undefined,
  baseUrl: string,
  apiKey: string | undefined,
): Promise<string> {
  return given ?? (await discoverModel(baseUrl, apiKey)) ?? FALLBACK_MODEL;
}
