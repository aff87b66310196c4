// The model manifest: which files of a Hugging Face repo make up each variant, with their sizes and sha256. Node only.
import { z } from 'zod';
import type { ModelVariant } from '../engine/model-folder.js';

/** The variants a manifest may list; the same names and suffixes as the engine's VARIANT_SUFFIXES. */
export const MANIFEST_VARIANTS = ['q4f16', 'fp16', 'fp32'] as const satisfies readonly ModelVariant[];

/** Where the manifest is explained to people: every refusal points there. */
export const MANIFEST_README = 'models/README.md';

/** A Hugging Face repo id, `owner/name`. */
export const REPO_ID = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;

// A file path is joined onto the output folder, so a hostile manifest must not reach outside it.
const SAFE_SEGMENT = /^(?!\.{1,2}$)[A-Za-z0-9._+@-]+$/;
const RelativePath = z.string().refine((path) => path.split('/').every((segment) => SAFE_SEGMENT.test(segment)), {
  message: 'must be a relative path of plain names (letters, digits, . _ + @ -), with no "..", "." or empty parts',
});

const ManifestFile = z.object({
  path: RelativePath,
  /** Bytes; null only while the manifest awaits its export. */
  size: z.number().int().nonnegative().nullable(),
  /** Lower-case hex; null only while the manifest awaits its export. */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits')
    .nullable(),
});

export const ModelManifest = z
  .object({
    formatVersion: z.literal(1),
    /** "awaiting-export": the file list is known but nothing is published yet, so sizes and hashes are null. */
    status: z.enum(['published', 'awaiting-export']).default('published'),
    repo: z.string().regex(REPO_ID, 'must be a Hugging Face repo id, "owner/name"'),
    /** A branch or tag name, or a commit hash (pin a commit for reproducible downloads). */
    revision: z.string().regex(/^[\w.-]+$/, 'must be a branch, tag or commit, e.g. "main"'),
    variants: z.partialRecord(z.enum(MANIFEST_VARIANTS), z.array(ManifestFile).min(1)),
  })
  .superRefine((manifest, context) => {
    for (const [variant, files] of Object.entries(manifest.variants)) {
      const seen = new Set<string>();
      files.forEach((file, index) => {
        const at = ['variants', variant, index];
        if (seen.has(file.path))
          context.addIssue({ code: 'custom', path: at, message: `${file.path} is listed twice` });
        seen.add(file.path);
        if (manifest.status !== 'published') return;
        for (const key of ['size', 'sha256'] as const) {
          if (file[key] === null)
            context.addIssue({ code: 'custom', path: [...at, key], message: 'required once the export is published' });
        }
      });
    }
  });
export type ModelManifest = z.infer<typeof ModelManifest>;
export type ManifestVariant = (typeof MANIFEST_VARIANTS)[number];

/** One file to fetch, with everything needed to verify it. */
export interface PublishedFile {
  path: string;
  size: number;
  sha256: string;
}

/** A manifest that cannot be used as asked: a configuration problem (exit 2), never a network one. */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}

/** Parses manifest text; `source` (a file name) starts every message. */
export function parseManifest(text: string, source: string): ModelManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ManifestError(`${source}: not valid JSON`);
  }
  const parsed = ModelManifest.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ManifestError(`${source}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
}

/** What to do while no export is published: make one, or fetch one someone hosts. */
export function noPublishedExport(repo: string): string {
  return (
    `${repo} has no published export yet, so there is nothing to download. Export the checkpoint you have with ` +
    '`python -m models.export CHECKPOINT --out DIR` and use DIR as the model folder (--model-dir DIR, or Settings → ' +
    'On this computer → Model folder); or download an export hosted on a mirror by passing its manifest.json with ' +
    `--manifest FILE (DESKHAND_MODEL_MANIFEST for the app). See ${MANIFEST_README}.`
  );
}

/** The files of one variant, refusing a manifest whose export is not published yet. */
export function publishedFiles(manifest: ModelManifest, variant: ManifestVariant): PublishedFile[] {
  if (manifest.status === 'awaiting-export') {
    throw new ManifestError(noPublishedExport(manifest.repo));
  }
  const files = manifest.variants[variant];
  if (!files) {
    const listed = Object.keys(manifest.variants).join(', ');
    throw new ManifestError(`The manifest of ${manifest.repo} has no ${variant} variant (it lists: ${listed}).`);
  }
  // The schema already requires size and sha256 once published; this narrows the type.
  return files.map(({ path, size, sha256 }) => ({ path, size: size!, sha256: sha256! }));
}
