// The manifest schema: published manifests need every size and hash, paths stay inside the folder, the shipped one awaits its export.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODEL_GRAPHS, VARIANT_SUFFIXES } from '../../../src/engine/model-folder.js';
import {
  MANIFEST_VARIANTS,
  ManifestError,
  parseManifest,
  publishedFiles,
  type ModelManifest,
} from '../../../src/models/manifest.js';

const SHIPPED = resolve(import.meta.dirname, '../../../models/glm-4.1v-9b-thinking.manifest.json');
const HASH = 'ab'.repeat(32);

function manifestText(
  overrides: Record<string, unknown> = {},
  files: unknown[] = [{ path: 'config.json', size: 2, sha256: HASH }],
) {
  return JSON.stringify({
    formatVersion: 1,
    repo: 'owner/name',
    revision: 'main',
    variants: { q4f16: files },
    ...overrides,
  });
}

function parseError(text: string): string {
  try {
    parseManifest(text, 'm.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ManifestError);
    return (error as Error).message;
  }
  throw new Error('the manifest was accepted');
}

describe('model manifest', () => {
  it('parses a published manifest, defaulting the status', () => {
    expect(parseManifest(manifestText(), 'm.json')).toEqual({
      formatVersion: 1,
      status: 'published',
      repo: 'owner/name',
      revision: 'main',
      variants: { q4f16: [{ path: 'config.json', size: 2, sha256: HASH }] },
    });
  });

  it('requires size and sha256 of every file once published', () => {
    expect(parseError(manifestText({}, [{ path: 'onnx/a.onnx', size: 1, sha256: null }]))).toBe(
      'm.json: variants.q4f16.0.sha256: required once the export is published',
    );
  });

  it.each(['../escape.onnx', '/etc/passwd', 'onnx//a.onnx', 'onnx/./a.onnx', 'onnx\\a.onnx', ''])(
    'refuses the path %j, which could reach outside the output folder',
    (path) => {
      expect(parseError(manifestText({}, [{ path, size: 1, sha256: HASH }]))).toMatch(
        /^m\.json: variants\.q4f16\.0\.path: must be a relative path/,
      );
    },
  );

  it('refuses a file listed twice, a bad hash, an unknown variant, a bad repo and bad JSON', () => {
    const file = { path: 'a.json', size: 1, sha256: HASH };
    expect(parseError(manifestText({}, [file, file]))).toBe('m.json: variants.q4f16.1: a.json is listed twice');
    expect(parseError(manifestText({}, [{ ...file, sha256: 'ABC' }]))).toMatch(
      /sha256: must be 64 lower-case hex digits/,
    );
    expect(parseError(manifestText({ variants: { int3: [file] } }))).toMatch(/^m\.json: variants/);
    expect(parseError(manifestText({ repo: 'no-slash' }))).toMatch(/repo: must be a Hugging Face repo id/);
    expect(parseError('{')).toBe('m.json: not valid JSON');
  });

  it('lists the same variants as the engine', () => {
    expect([...MANIFEST_VARIANTS].sort()).toEqual(Object.keys(VARIANT_SUFFIXES).sort());
  });

  it('hands out the files of a published variant and names the variants it has', () => {
    const manifest = parseManifest(manifestText(), 'm.json');
    expect(publishedFiles(manifest, 'q4f16')).toEqual([{ path: 'config.json', size: 2, sha256: HASH }]);
    expect(() => publishedFiles(manifest, 'fp16')).toThrow(
      'The manifest of owner/name has no fp16 variant (it lists: q4f16).',
    );
  });
});

describe('the shipped GLM-4.1V manifest', () => {
  const load = async (): Promise<ModelManifest> => parseManifest(await readFile(SHIPPED, 'utf8'), SHIPPED);

  it('awaits its export: the file lists are there, no size or hash is invented', async () => {
    const manifest = await load();
    expect(manifest).toMatchObject({ status: 'awaiting-export', repo: 'deskhand/GLM-4.1V-9B-Thinking-ONNX' });
    const files = Object.values(manifest.variants).flat();
    expect(files.every((file) => file.size === null && file.sha256 === null)).toBe(true);
  });

  it.each(['q4f16', 'fp16'] as const)(
    "lists the %s files the exporter writes for the real model: three graphs, the decoder's weights outside",
    async (variant) => {
      const paths = (await load()).variants[variant]!.map((file) => file.path);
      const suffix = VARIANT_SUFFIXES[variant];
      expect(paths).toEqual([
        'config.json',
        'generation_config.json',
        'preprocessor_config.json',
        'tokenizer.json',
        'tokenizer_config.json',
        'chat_template.jinja',
        ...MODEL_GRAPHS.map((graph) => `onnx/${graph}${suffix}.onnx`),
        `onnx/decoder_model_merged${suffix}.onnx_data`,
      ]);
    },
  );

  it('is refused for download with a message that says what to do instead', async () => {
    const manifest = await load();
    const refusal = () => publishedFiles(manifest, 'q4f16');
    expect(refusal).toThrow(/^deskhand\/GLM-4\.1V-9B-Thinking-ONNX has no published export yet/);
    expect(refusal).toThrow(/`python -m models\.export CHECKPOINT --out DIR` and use DIR as the model folder/);
    expect(refusal).toThrow(/--model-dir DIR, or Settings → On this computer → Model folder/);
    expect(refusal).toThrow(/passing its manifest\.json with --manifest FILE \(DESKHAND_MODEL_MANIFEST for the app\)/);
    expect(refusal).toThrow(/See models\/README\.md\.$/);
  });
});
