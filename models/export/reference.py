"""python -m models.export.reference: re-creates the committed parity fixtures from the transformers reference.

Builds the tiny random checkpoint, exports it with this exporter, and writes test/fixtures/glm41v-export/: the
exported folder, the model's reference outputs (PyTorch) for one and two screenshot-like images, the onnxruntime
(Python) figures of every variant against them, the reference image processor on real-sized frames, and
get_rope_index for 1, 2 and 5 images. `npm test` checks Deskhand's Node engine against these files without Python.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import torch

from .__main__ import export_folder
from .parity import reference_run, onnx_run
from .tiny import build_tiny_checkpoint
from .frames import screenshot_like, preprocessing_cases, rope_index_cases

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "test" / "fixtures" / "glm41v-export"
PROMPT = "Click the OK button in the dialog, then type hello into the name field."
DECODE_STEPS = 8
GREEDY_TOKENS = 32


def float_summary(values: np.ndarray) -> dict:
    flat = np.ascontiguousarray(values, dtype=np.float32).reshape(-1)
    return {
        "count": int(flat.size),
        "sha256": hashlib.sha256(flat.tobytes()).hexdigest(),
        "sum": float(flat.astype(np.float64).sum()),
        "first": [float(v) for v in flat[:64]],
    }


def node_tokenizer_folder(scratch: Path) -> Path:
    folder = scratch / "node-tiny"
    subprocess.run(["node", str(ROOT / "bin" / "deskhand"), "model", "tiny", "--out", str(folder)], check=True)
    return folder


def model_cases(out: Path, checkpoint: Path, model_dir: Path) -> list[dict]:
    images = [screenshot_like(320, 200, seed=1), screenshot_like(200, 150, seed=2)]
    names = []
    for index, image in enumerate(images):
        names.append(f"screen-{index + 1}.png")
        image.save(out / names[-1])
    cases = []
    for count in (1, 2):
        case = reference_run(checkpoint, images[:count], PROMPT, DECODE_STEPS, GREEDY_TOKENS)
        pixel_file = f"pixel-values-{count}.f32"
        case["pixel_values"].astype("<f4").tofile(out / pixel_file)
        runtime = {
            variant: onnx_run(model_dir, variant, case, DECODE_STEPS, GREEDY_TOKENS)
            for variant in ("fp32", "fp16", "q4f16")
        }
        cases.append(
            {
                "name": f"{count}-image" + ("s" if count > 1 else ""),
                "images": names[:count],
                "prompt": PROMPT,
                "inputIds": case["input_ids"].tolist(),
                "imageGridThw": case["image_grid_thw"].tolist(),
                "pixelValues": {"file": pixel_file, **float_summary(case["pixel_values"])},
                "positionIds": case["position_ids"].tolist(),
                "ropeDelta": int(case["rope_delta"]),
                "prefillLogits": case["prefill_logits"].tolist(),
                "decodeLogits": [step.tolist() for step in case["decode_logits"]],
                "greedyTokens": case["greedy_tokens"],
                "onnxruntimePython": runtime,
            }
        )
    return cases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m models.export.reference", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    torch.manual_seed(0)
    out: Path = args.out
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        checkpoint = build_tiny_checkpoint(node_tokenizer_folder(scratch), scratch / "checkpoint")
        if out.exists():
            shutil.rmtree(out)
        out.mkdir(parents=True)
        model_dir = out / "model"
        export = export_folder(checkpoint, model_dir, ["fp32", "fp16", "q4f16"], "deskhand/tiny-glm41v-test", "main", False)
        reference = {
            "generatedBy": "python -m models.export.reference",
            "versions": versions(),
            "export": export["bytes"],
            "cases": model_cases(out, checkpoint, model_dir),
            "preprocessing": preprocessing_cases(out),
            "ropeIndex": rope_index_cases(checkpoint),
        }
    (out / "reference.json").write_text(json.dumps(reference) + "\n")
    for case in reference["cases"]:
        print(case["name"], json.dumps(case["onnxruntimePython"]))
    return 0


def versions() -> dict:
    import onnx
    import onnxruntime
    import PIL
    import transformers

    return {
        "torch": torch.__version__.split("+")[0],
        "transformers": transformers.__version__,
        "onnx": onnx.__version__,
        "onnxruntime": onnxruntime.__version__,
        "pillow": PIL.__version__,
    }


if __name__ == "__main__":
    sys.exit(main())
