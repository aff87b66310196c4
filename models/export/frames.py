"""Screenshot-like frames and the reference preprocessing and rope-index cases for the parity fixtures."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import torch
from PIL import Image, ImageDraw
from transformers import Glm4vForConditionalGeneration
from transformers.models.glm4v.image_processing_pil_glm4v import Glm4vImageProcessorPil, smart_resize

# GLM-4.1V's pixel budget (research/glm41v.md §image preprocessing): at most 6144 merged tokens per image.
GLM41V_PREPROCESSOR = {"size": {"shortest_edge": 12544, "longest_edge": 9633792}, "resample": 3}
FRAME_SIZES = [(1920, 1080), (1366, 768), (1470, 956), (3840, 2160), (50, 50), (4000, 200)]
ROPE_GRIDS = [(1, 4, 6), (1, 2, 2), (1, 6, 4), (1, 8, 2), (1, 2, 8)]


def screenshot_like(width: int, height: int, seed: int) -> Image.Image:
    """A desktop-like frame: flat panels, a title bar, rows of small text, thin borders, buttons and a gradient,
    i.e. the small glyphs and one-pixel edges that resampling must keep."""
    rng = random.Random(seed)
    image = Image.new("RGB", (width, height), (236, 239, 244))
    draw = ImageDraw.Draw(image)
    bar = max(2, height // 30)
    draw.rectangle([0, 0, width, bar], fill=(46, 52, 64))
    for x in range(0, width, 7):
        shade = 80 + (x * 150) // max(1, width)
        draw.line([x, height - bar, x + 6, height - bar], fill=(shade, 120, 200 - shade // 2))
    for _ in range(max(2, (width * height) // 120_000)):
        left, top = rng.randrange(0, max(1, width - 20)), rng.randrange(bar, max(bar + 1, height - 20))
        right = min(width - 1, left + rng.randrange(20, max(21, width // 3)))
        bottom = min(height - 1, top + rng.randrange(15, max(16, height // 3)))
        fill = tuple(rng.randrange(180, 256) for _ in range(3))
        draw.rectangle([left, top, right, bottom], fill=fill, outline=(60, 60, 60))
        for row in range(top + 4, bottom - 10, 14):
            words = " ".join(rng.choice(["File", "Edit", "OK", "Cancel", "Name", "Save", "3.14", "A|b"]) for _ in range(6))
            draw.text((left + 4, row), words, fill=(20, 20, 20))
        draw.rectangle([right - 40, bottom - 14, right - 4, bottom - 3], fill=(52, 120, 246))
    return image


def preprocessing_cases(out: Path) -> dict:
    """Each frame, its reference-resized copy (PNG, lossless) and the reference pixel_values' summary."""
    from .reference import float_summary

    processor = Glm4vImageProcessorPil(**GLM41V_PREPROCESSOR)
    frames_dir = out / "frames"
    frames_dir.mkdir(exist_ok=True)
    cases = []
    for index, (width, height) in enumerate(FRAME_SIZES):
        frame = screenshot_like(width, height, seed=10 + index)
        name = f"{width}x{height}"
        frame.save(frames_dir / f"{name}.png", optimize=True)
        result = processor(images=[frame], return_tensors="np")
        pixel_values, grid = result["pixel_values"], result["image_grid_thw"][0].tolist()
        size = GLM41V_PREPROCESSOR["size"]
        resized_h, resized_w = smart_resize(2, height, width, 2, 28, size["shortest_edge"], size["longest_edge"])
        resized = frame.resize((resized_w, resized_h), Image.Resampling.BICUBIC)
        # The committed resized PNG must be exactly what the processor normalised, or the Node check proves nothing.
        rebuilt = processor.normalize(processor.rescale(np.asarray(resized).transpose(2, 0, 1), 1 / 255), processor.image_mean, processor.image_std)
        patches, _, _ = processor.patchify(rebuilt, 14, 2, 2)
        assert np.abs(patches - pixel_values).max() < 1e-6, f"{name}: resized copy differs from the processor's"
        resized.save(frames_dir / f"{name}-resized.png", optimize=True)
        cases.append(
            {
                "width": width,
                "height": height,
                "frame": f"frames/{name}.png",
                "resized": f"frames/{name}-resized.png",
                "resizedWidth": resized_w,
                "resizedHeight": resized_h,
                "grid": grid,
                "pixelValues": float_summary(pixel_values),
            }
        )
    return {"preprocessorConfig": GLM41V_PREPROCESSOR, "frames": cases}


def rope_index_cases(checkpoint: Path) -> list[dict]:
    """transformers' get_rope_index for prompts with 1, 2 and 5 images between text runs."""
    model = Glm4vForConditionalGeneration.from_pretrained(checkpoint)
    config = model.config
    cases = []
    for count in (1, 2, 5):
        ids = [298, 300, 303, 10]
        for index, (t, h, w) in enumerate(ROPE_GRIDS[:count]):
            ids += [config.image_start_token_id] + [config.image_token_id] * (t * h * w // 4)
            ids += [config.image_end_token_id] + list(range(40, 40 + index + 2))
        ids += [304, 10]
        input_ids = torch.tensor([ids])
        token_types = (input_ids == config.image_token_id).to(torch.int64)
        grids = torch.tensor(ROPE_GRIDS[:count])
        positions, delta = model.model.get_rope_index(input_ids, token_types, grids)
        cases.append(
            {
                "images": count,
                "inputIds": ids,
                "grids": grids.tolist(),
                "positionIds": positions[:, 0].tolist(),
                "ropeDelta": int(delta.reshape(-1)[0]),
            }
        )
    return cases
