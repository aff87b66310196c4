"""python -m models.export.measure_real: exports GLM-4.1V-9B-Thinking's real architecture with random weights, one
decoder layer at real size and the real 24-block vision tower, then extrapolates the full folder sizes per variant.

No weights are downloaded: the point is the real graph structure, export time and peak memory on this machine.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

import torch
from transformers import Glm4vConfig, Glm4vForConditionalGeneration

from .__main__ import export_folder

# GLM-4.1V-9B-Thinking (research/glm41v.md, onnx-export.md §0); the decoder here has `LAYERS` of its 40 layers.
REAL_LAYERS, VOCAB, HIDDEN = 40, 151_552, 4096
LAYERS, SMALL_VOCAB = 1, 1024
BYTES_PER_PARAMETER_EMBED = {"fp32": 4, "fp16": 2, "q4f16": 2}


def real_config(layers: int, vocab: int) -> Glm4vConfig:
    text = {
        "vocab_size": vocab,
        "hidden_size": HIDDEN,
        "intermediate_size": 13696,
        "num_hidden_layers": layers,
        "num_attention_heads": 32,
        "num_key_value_heads": 2,
        "rms_norm_eps": 1e-5,
        "max_position_embeddings": 65536,
        "rope_parameters": {"rope_type": "default", "rope_theta": 10000.0, "partial_rotary_factor": 0.5, "mrope_section": [8, 12, 12]},
    }
    return Glm4vConfig(text_config=text, vision_config={}, tie_word_embeddings=False)


def write_checkpoint(folder: Path, tokenizer_dir: Path) -> Glm4vForConditionalGeneration:
    torch.manual_seed(0)
    model = Glm4vForConditionalGeneration(real_config(LAYERS, SMALL_VOCAB)).eval()
    model.save_pretrained(folder)
    for name in ("tokenizer.json", "tokenizer_config.json", "chat_template.jinja", "preprocessor_config.json"):
        (folder / name).write_bytes((tokenizer_dir / name).read_bytes())
    return model


def main() -> int:
    from .reference import node_tokenizer_folder

    report = {}
    with tempfile.TemporaryDirectory(dir="/var/tmp") as scratch_name:
        scratch = Path(scratch_name)
        model = write_checkpoint(scratch / "checkpoint", node_tokenizer_folder(scratch))
        vision_params = sum(p.numel() for p in model.model.visual.parameters())
        layer_params = sum(p.numel() for p in model.model.language_model.layers[0].parameters())
        decoder_params = layer_params * LAYERS + sum(p.numel() for p in model.lm_head.parameters()) + HIDDEN
        del model
        started = time.perf_counter()
        export = export_folder(scratch / "checkpoint", scratch / "out", ["fp32", "fp16", "q4f16"], "a/b", "main", False)
        report["export_seconds"] = round(time.perf_counter() - started, 1)
        report["export_seconds_by_step"] = {k: round(v, 1) for k, v in export["seconds"].items()}
        report["peak_rss_gb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6, 2)
        report["params"] = {"vision": vision_params, "decoder_layer": layer_params}
        sizes = export["bytes"]
        report["graph_bytes"] = sizes
        full = {}
        for variant, suffix in (("fp32", ""), ("fp16", "_fp16"), ("q4f16", "_q4f16")):
            decoder = sizes[f"decoder_model_merged{suffix}.onnx"] + sizes.get(f"decoder_model_merged{suffix}.onnx_data", 0)
            per_parameter = decoder / decoder_params
            full_decoder = per_parameter * (layer_params * REAL_LAYERS + VOCAB * HIDDEN + HIDDEN)
            vision = sizes[f"vision_encoder{suffix}.onnx"] + sizes.get(f"vision_encoder{suffix}.onnx_data", 0)
            embed = VOCAB * HIDDEN * BYTES_PER_PARAMETER_EMBED[variant]
            full[variant] = {
                "decoder_gb": round(full_decoder / 1e9, 2),
                "vision_gb": round(vision / 1e9, 2),
                "embed_gb": round(embed / 1e9, 2),
                "total_gb": round((full_decoder + vision + embed) / 1e9, 2),
                "decoder_bytes_per_parameter": round(per_parameter, 3),
            }
        report["extrapolated_full_folder"] = full
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
