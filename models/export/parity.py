"""The reference run (transformers' Glm4vForConditionalGeneration in PyTorch) and the same prompt through an
exported folder with onnxruntime, for the parity fixtures."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnxruntime as ort
import torch
from transformers import AutoTokenizer, Glm4vForConditionalGeneration
from transformers.models.glm4v.image_processing_pil_glm4v import Glm4vImageProcessorPil
from transformers.models.glm4v.processing_glm4v import Glm4vProcessor
from transformers.models.glm4v.video_processing_glm4v import Glm4vVideoProcessor

from .variants import SUFFIXES


def load_processor(checkpoint: Path) -> Glm4vProcessor:
    """The official processor with the PIL image backend (HF's reference path for Glm4vImageProcessor)."""
    return Glm4vProcessor(
        image_processor=Glm4vImageProcessorPil.from_pretrained(checkpoint),
        tokenizer=AutoTokenizer.from_pretrained(checkpoint),
        video_processor=Glm4vVideoProcessor(),
        chat_template=(checkpoint / "chat_template.jinja").read_text(),
    )


def reference_run(checkpoint: Path, images, prompt: str, decode_steps: int, greedy_tokens: int) -> dict:
    """One user turn in the official chat template: prefill logits, the logits of the first decode steps, and the
    greedy tokens (argmax, no stop token: exactly `greedy_tokens` of them)."""
    processor = load_processor(checkpoint)
    model = Glm4vForConditionalGeneration.from_pretrained(checkpoint, dtype=torch.float32).eval()
    content = [*({"type": "image"} for _ in images), {"type": "text", "text": prompt}]
    text = processor.apply_chat_template([{"role": "user", "content": content}], add_generation_prompt=True, tokenize=False)
    inputs = processor(text=[text], images=list(images), return_tensors="pt")
    position_ids, rope_delta = model.model.get_rope_index(
        inputs["input_ids"], inputs["mm_token_type_ids"], inputs["image_grid_thw"]
    )
    tokens, decode_logits = [], []
    with torch.no_grad():
        output = model(**inputs, use_cache=True)
        prefill = output.logits[0, -1].clone()
        logits = prefill
        for step in range(greedy_tokens):
            token = int(torch.argmax(logits))
            tokens.append(token)
            if step == greedy_tokens - 1:
                break
            output = model(input_ids=torch.tensor([[token]]), cache=output.past_key_values, use_cache=True)
            logits = output.logits[0, -1]
            if step < decode_steps:
                decode_logits.append(logits.numpy().copy())
    return {
        "input_ids": inputs["input_ids"][0].numpy(),
        "pixel_values": inputs["pixel_values"].numpy(),
        "image_grid_thw": inputs["image_grid_thw"].numpy(),
        "position_ids": position_ids[:, 0].numpy(),
        "rope_delta": int(rope_delta.reshape(-1)[0]),
        "prefill_logits": prefill.numpy(),
        "decode_logits": decode_logits,
        "greedy_tokens": tokens,
    }


class OnnxFolder:
    """The three graphs of one variant, run as the Node engine runs them (src/engine/prefill.ts, kv-cache.ts)."""

    def __init__(self, model_dir: Path, variant: str, image_token_id: int):
        load = lambda graph: ort.InferenceSession(  # noqa: E731
            str(model_dir / "onnx" / f"{graph}{SUFFIXES[variant]}.onnx"), providers=["CPUExecutionProvider"]
        )
        self.embed, self.vision, self.decoder = load("embed_tokens"), load("vision_encoder"), load("decoder_model_merged")
        self.image_token_id = image_token_id
        self.past_names = [i.name for i in self.decoder.get_inputs() if i.name.startswith("past_key_values.")]

    def prefill(self, case: dict) -> tuple[np.ndarray, dict]:
        ids = case["input_ids"].astype(np.int64)
        embeds = self.embed.run(None, {"input_ids": ids[None]})[0]
        features = self.vision.run(
            None, {"pixel_values": case["pixel_values"], "image_grid_thw": case["image_grid_thw"].astype(np.int64)}
        )[0]
        embeds[0, ids == self.image_token_id] = features
        kv_heads, head_dim = self.decoder.get_inputs()[3].shape[1], self.decoder.get_inputs()[3].shape[3]
        past = {name: np.zeros((1, kv_heads, 0, head_dim), np.float32) for name in self.past_names}
        return self.run(embeds, case["position_ids"][:, None, :].astype(np.int64), past)

    def step(self, token: int, position: int, past: dict) -> tuple[np.ndarray, dict]:
        embeds = self.embed.run(None, {"input_ids": np.array([[token]], np.int64)})[0]
        return self.run(embeds, np.full((3, 1, 1), position, np.int64), past)

    def run(self, embeds, positions, past) -> tuple[np.ndarray, dict]:
        total = positions.shape[2] + next(iter(past.values())).shape[2]
        feeds = {"inputs_embeds": embeds, "attention_mask": np.ones((1, total), np.int64), "position_ids": positions}
        outputs = self.decoder.run(None, {**feeds, **past})
        presents = dict(zip(self.past_names, outputs[1:]))
        return outputs[0][0, -1], presents


def onnx_run(model_dir: Path, variant: str, case: dict, decode_steps: int, greedy_tokens: int) -> dict:
    """Max abs logit differences against the reference (prefill; decode steps fed the reference's tokens) and the
    variant's own greedy tokens."""
    import json

    config = json.loads((model_dir / "config.json").read_text())
    folder = OnnxFolder(model_dir, variant, config["image_token_id"])
    prefill, start_past = folder.prefill(case)
    length = len(case["input_ids"])
    position = lambda cached: cached + case["rope_delta"]  # noqa: E731
    prefill_diff = float(np.abs(prefill - case["prefill_logits"]).max())
    decode_diff, past = 0.0, start_past
    for step in range(decode_steps):
        logits, past = folder.step(case["greedy_tokens"][step], position(length + step), past)
        decode_diff = max(decode_diff, float(np.abs(logits - case["decode_logits"][step]).max()))
    tokens, logits, past = [], prefill, start_past
    for step in range(greedy_tokens):
        tokens.append(int(np.argmax(logits)))
        if step < greedy_tokens - 1:
            logits, past = folder.step(tokens[-1], position(length + step), past)
    same = [a == b for a, b in zip(tokens, case["greedy_tokens"])]
    return {
        "prefillLogitsMaxAbsDiff": prefill_diff,
        "decodeLogitsMaxAbsDiff": decode_diff,
        "greedyTokens": tokens,
        "greedyTokensIdentical": all(same),
        "firstDifferentToken": None if all(same) else same.index(False),
    }
