"""The exported folder: checks on the checkpoint, the copied configs and tokenizer, and manifest.json."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

ARCHITECTURE = "Glm4vForConditionalGeneration"
REQUIRED_FILES = ("config.json", "tokenizer.json", "tokenizer_config.json", "preprocessor_config.json")
OPTIONAL_FILES = ("generation_config.json", "special_tokens_map.json", "chat_template.jinja")
GRAPHS = ("embed_tokens", "vision_encoder", "decoder_model_merged")
# Bytes per parameter each variant writes (q4f16: int4 weights + an fp16 scale per 32, the rest fp16).
BYTES_PER_PARAMETER = {"fp32": 4.0, "fp16": 2.0, "q4f16": 0.75}


class ExportError(Exception):
    """A problem with the input or the output folder, worded as what to do."""


def check_checkpoint(checkpoint: Path) -> dict:
    """The checkpoint's config; raises ExportError for a missing file or another architecture."""
    if not checkpoint.is_dir():
        raise ExportError(f"{checkpoint} is not a folder: pass a Hugging Face checkpoint folder of GLM-4.1V.")
    missing = [name for name in REQUIRED_FILES if not (checkpoint / name).is_file()]
    if missing:
        raise ExportError(f"{checkpoint} lacks {', '.join(missing)}: download the whole checkpoint folder.")
    config = json.loads((checkpoint / "config.json").read_text())
    architectures = config.get("architectures") or []
    if ARCHITECTURE not in architectures or config.get("model_type") != "glm4v":
        found = ", ".join(architectures) or config.get("model_type", "unknown")
        raise ExportError(
            f"{checkpoint} holds {found}, not {ARCHITECTURE} (model_type glm4v): this exporter writes GLM-4.1V and "
            "GLM-4.6V-Flash checkpoints only."
        )
    if not (checkpoint / "chat_template.jinja").is_file():
        tokenizer_config = json.loads((checkpoint / "tokenizer_config.json").read_text())
        if not isinstance(tokenizer_config.get("chat_template"), str):
            raise ExportError(f"{checkpoint} has no chat template (chat_template.jinja or tokenizer_config.json).")
    if not any(checkpoint.glob("*.safetensors")) and not any(checkpoint.glob("*.bin")):
        raise ExportError(f"{checkpoint} has no weights (*.safetensors): download the whole checkpoint folder.")
    return config


def check_disk(out_parent: Path, parameters: int, variants: list[str]) -> int:
    """The bytes the export needs: the fp32 trace (always written first; it becomes the fp32 variant) plus each
    other variant, and 5% for graphs and configs. Raises ExportError when they do not fit."""
    needed = int(parameters * (4 + sum(BYTES_PER_PARAMETER[v] for v in variants if v != "fp32")) * 1.05)
    free = shutil.disk_usage(out_parent).free
    if free < needed:
        raise ExportError(
            f"The export needs about {needed / 1e9:.1f} GB in {out_parent} and {free / 1e9:.1f} GB are free: "
            "free some space, pick fewer --variants, or choose another --out."
        )
    return needed


def copy_folder_files(checkpoint: Path, out_dir: Path) -> None:
    """Copies the configs and tokenizer files; a chat template kept inside tokenizer_config.json is written out."""
    for name in (*REQUIRED_FILES, *OPTIONAL_FILES):
        if (checkpoint / name).is_file():
            shutil.copyfile(checkpoint / name, out_dir / name)
    if not (out_dir / "chat_template.jinja").is_file():
        template = json.loads((checkpoint / "tokenizer_config.json").read_text())["chat_template"]
        (out_dir / "chat_template.jinja").write_text(template)


def describe_file(folder: Path, path: str) -> dict:
    digest = hashlib.sha256()
    with open(folder / path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return {"path": path, "size": (folder / path).stat().st_size, "sha256": digest.hexdigest()}


def variant_files(out_dir: Path, variant: str, suffix: str) -> list[str]:
    shared = sorted(name for name in (*REQUIRED_FILES, *OPTIONAL_FILES) if (out_dir / name).is_file())
    graphs = []
    for graph in GRAPHS:
        name = f"{graph}{suffix}.onnx"
        graphs.append(f"onnx/{name}")
        graphs += sorted(f"onnx/{extra.name}" for extra in (out_dir / "onnx").glob(f"{name}_data*"))
    return shared + graphs


def write_manifest(out_dir: Path, variants: dict[str, str], repo: str, revision: str) -> Path:
    """manifest.json in the format `deskhand model download --manifest` reads (src/models/manifest.ts)."""
    manifest = {
        "formatVersion": 1,
        "status": "published",
        "repo": repo,
        "revision": revision,
        "variants": {
            variant: [describe_file(out_dir, path) for path in variant_files(out_dir, variant, suffix)]
            for variant, suffix in variants.items()
        },
    }
    path = out_dir / "manifest.json"
    path.write_text(json.dumps(manifest, indent=2) + "\n")
    return path
