// The schema of test/fixtures/glm41v-export/reference.json (written by python -m models.export.reference).
import { z } from 'zod';

const FloatSummary = z.object({
  count: z.number().int(),
  sha256: z.string(),
  sum: z.number(),
  first: z.array(z.number()),
});

const RuntimeFigures = z.object({
  prefillLogitsMaxAbsDiff: z.number(),
  decodeLogitsMaxAbsDiff: z.number(),
  greedyTokens: z.array(z.number().int()),
  greedyTokensIdentical: z.boolean(),
  firstDifferentToken: z.number().int().nullable(),
});

export const ReferenceFixture = z.object({
  versions: z.record(z.string(), z.string()),
  cases: z.array(
    z.object({
      name: z.string(),
      images: z.array(z.string()),
      prompt: z.string(),
      inputIds: z.array(z.number().int()),
      imageGridThw: z.array(z.tuple([z.number().int(), z.number().int(), z.number().int()])),
      pixelValues: FloatSummary.extend({ file: z.string() }),
      positionIds: z.array(z.array(z.number().int())).length(3),
      ropeDelta: z.number().int(),
      prefillLogits: z.array(z.number()),
      decodeLogits: z.array(z.array(z.number())),
      greedyTokens: z.array(z.number().int()),
      onnxruntimePython: z.object({ fp32: RuntimeFigures, fp16: RuntimeFigures, q4f16: RuntimeFigures }),
    }),
  ),
  preprocessing: z.object({
    preprocessorConfig: z.record(z.string(), z.unknown()),
    frames: z.array(
      z.object({
        width: z.number().int(),
        height: z.number().int(),
        frame: z.string(),
        resized: z.string(),
        resizedWidth: z.number().int(),
        resizedHeight: z.number().int(),
        grid: z.tuple([z.number().int(), z.number().int(), z.number().int()]),
        pixelValues: FloatSummary,
      }),
    ),
  }),
  ropeIndex: z.array(
    z.object({
      images: z.number().int(),
      inputIds: z.array(z.number().int()),
      grids: z.array(z.tuple([z.number().int(), z.number().int(), z.number().int()])),
      positionIds: z.array(z.array(z.number().int())).length(3),
      ropeDelta: z.number().int(),
    }),
  ),
});
