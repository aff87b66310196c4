"""A tiny random Glm4vForConditionalGeneration checkpoint: GLM-4.1V's structure at toy sizes, fixed seed.

Its tokenizer, chat template and preprocessor config are the ones `deskhand model tiny` writes (a byte-level BPE with
every GLM special token and a small vocabulary), so the embedding table stays small enough to commit.
"""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import torch
from transformers import Glm4vConfig, Glm4vForConditionalGeneration

TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "chat_template.jinja", "generation_config.json")


def tiny_config(token_ids: dict, vocab_size: int) -> Glm4vConfig:
    """Vision depth 2, 2 decoder layers, 4 query / 2 KV heads (GQA), head_dim 32 with partial rotary 16 dims: the
    real mrope_section [8, 12, 12] (32 pairs) scaled by 8/32 to [2, 3, 3]."""
    text = {
        "vocab_size": vocab_size,
        "hidden_size": 128,
        "intermediate_size": 256,
        "num_hidden_layers": 2,
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "max_position_embeddings": 4096,
        "rms_norm_eps": 1e-5,
        "rope_parameters": {
            "rope_type": "default",
            "rope_theta": 10000.0,
            "partial_rotary_factor": 0.5,
            "mrope_section": [2, 3, 3],
        },
        "pad_token_id": token_ids["pad_token_id"],
        "eos_token_id": token_ids["eos_token_id"],
    }
    vision = {
        "depth": 2,
        "hidden_size": 32,
        "num_heads": 2,
        "image_size": 56,
        "patch_size": 14,
        "temporal_patch_size": 2,
        "spatial_merge_size": 2,
        "out_hidden_size": 128,
        "intermediate_size": 256,
        "rms_norm_eps": 1e-5,
    }
    keys = ("image_token_id", "image_start_token_id", "image_end_token_id", "video_token_id")
    return Glm4vConfig(
        text_config=text,
        vision_config=vision,
        tie_word_embeddings=False,
        eos_token_id=token_ids["eos_token_id"],
        **{key: token_ids[key] for key in keys},
        video_start_token_id=token_ids["video_start_token_id"],
        video_end_token_id=token_ids["video_end_token_id"],
    )


def randomise(model: torch.nn.Module, seed: int) -> None:
    """Weights at a scale that keeps activations near unit size, so logits are far from ties (HF's 0.02 init makes
    every logit nearly equal and greedy tokens a coin toss between runtimes)."""
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, parameter in model.named_parameters():
            noise = torch.randn(parameter.shape, generator=generator)
            if parameter.ndim == 1:
                scale, centre = (0.1, 1.0) if "norm" in name else (0.1, 0.0)
                parameter.copy_(centre + scale * noise)
            else:
                fan_in = math.prod(parameter.shape[1:])
                scale = 1.0 if "embed" in name else 1 / math.sqrt(fan_in)
                parameter.copy_(noise * scale)


def build_tiny_checkpoint(tokenizer_dir: Path, out_dir: Path, seed: int = 7) -> Path:
    """Writes a checkpoint folder (safetensors + configs + tokenizer files) that `python -m models.export` takes."""
    node_config = json.loads((tokenizer_dir / "config.json").read_text())
    vocab_size = node_config["text_config"]["vocab_size"]
    token_ids = {key: node_config[key] for key in node_config if key.endswith("token_id")}
    config = tiny_config(token_ids, vocab_size)
    torch.manual_seed(seed)
    model = Glm4vForConditionalGeneration(config).eval()
    randomise(model, seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out_dir)
    for name in TOKENIZER_FILES:
        shutil.copyfile(tokenizer_dir / name, out_dir / name)
    # The real GLM-4.1V preprocessor keys with a toy pixel budget: images of at most 24 merged tokens.
    preprocessor = json.loads((tokenizer_dir / "preprocessor_config.json").read_text())
    preprocessor["image_processor_type"] = "Glm4vImageProcessor"
    preprocessor["processor_class"] = "Glm4vProcessor"
    (out_dir / "preprocessor_config.json").write_text(json.dumps(preprocessor, indent=2) + "\n")
    return out_dir
