// What the model sees: the full screenshot is stored, a pixel budget only shrinks the model's copy and its history.
import { describe, expect, it } from 'vitest';
import { modelImageScale, observe } from '../../../src/agent/observe.js';
import type { Frame } from '../../../src/desktop/types.js';
import { FakeOperator } from '../../support/fake-agent-parts.js';

class LargeScreen extends FakeOperator {
  override async capture(): Promise<Frame> {
    const [width, height] = [1920, 1080];
    return {
      pixels: Buffer.alloc(width * height * 4, 90),
      width,
      height,
      channelOrder: 'bgra',
      capturedAt: Date.now(),
    } as Frame;
  }
}

describe('modelImageScale', () => {
  it('keeps frames within the budget, and shrinks larger ones to it with their aspect', () => {
    expect(modelImageScale({ width: 1920, height: 1080 }, null)).toBe(1);
    expect(modelImageScale({ width: 1280, height: 800 }, 1920 * 1080)).toBe(1);
    const scale = modelImageScale({ width: 3840, height: 2160 }, 1920 * 1080);
    expect(scale).toBeCloseTo(0.5, 10);
  });
});

describe('observe', () => {
  it('sends the full frame when there is no budget', async () => {
    const observation = await observe(new LargeScreen(), 'fake-0', new AbortController().signal);
    expect([observation.modelImage.width, observation.modelImage.height]).toEqual([1920, 1080]);
    expect(observation.modelImage).toBe(observation.image);
    expect([(await observation.historyImage).width, (await observation.historyImage).height]).toEqual([960, 540]);
    // Lossless by default, history included; JPEG only when asked for.
    expect([observation.image.mime, (await observation.historyImage).mime]).toEqual(['image/png', 'image/png']);
    const jpeg = await observe(new LargeScreen(), 'fake-0', new AbortController().signal, null, 'jpeg');
    expect([jpeg.image.mime, (await jpeg.historyImage).mime]).toEqual(['image/jpeg', 'image/jpeg']);
  });

  it('floors odd history sizes as the official agent does (w // 2)', async () => {
    const budget = 1367 * 769;
    const observation = await observe(new LargeScreen(), 'fake-0', new AbortController().signal, budget);
    const { width, height } = observation.modelImage;
    const history = await observation.historyImage;
    expect([history.width, history.height]).toEqual([Math.floor(width / 2), Math.floor(height / 2)]);
  });

  it('stores the full frame but sends a copy within the budget, and history at half of that', async () => {
    const budget = 1280 * 720;
    const observation = await observe(new LargeScreen(), 'fake-0', new AbortController().signal, budget);
    expect([observation.image.width, observation.image.height]).toEqual([1920, 1080]);
    const { width, height } = observation.modelImage;
    expect([width, height]).toEqual([1280, 720]);
    expect(observation.modelImage.data.length).toBeLessThan(observation.image.data.length);
    const history = await observation.historyImage;
    expect([history.width, history.height]).toEqual([640, 360]);
  });
});
