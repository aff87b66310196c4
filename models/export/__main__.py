"""python -m models.export CHECKPOINT --out DIR: a GLM-4.1V checkpoint folder → Deskhand's ONNX model folder.

Writes into a scratch folder beside --out and renames it into place at the end, so an interrupted or failed export
leaves nothing half-written. See models/README.md.
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from .folder import GRAPHS, ExportError, check_checkpoint, check_disk, copy_folder_files, write_manifest
from .variants import SUFFIXES, write_variant

VARIANTS = ("fp32", "fp16", "q4f16")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m models.export", description=__doc__.split("\n")[0])
    parser.add_argument("checkpoint", type=Path, help="a Glm4vForConditionalGeneration checkpoint folder")
    parser.add_argument("--out", type=Path, required=True, help="the model folder to write (must not exist)")
    parser.add_argument("--variants", default="q4f16,fp16", help="comma-separated: fp32, fp16, q4f16 (default q4f16,fp16)")
    parser.add_argument("--repo", default="deskhand/GLM-4.1V-9B-Thinking-ONNX", help="the repo id manifest.json names")
    parser.add_argument("--revision", default="main", help="the revision manifest.json names (pin a commit)")
    parser.add_argument("--force", action="store_true", help="replace an existing --out folder")
    args = parser.parse_args(argv)
    args.variants = [name.strip() for name in args.variants.split(",") if name.strip()]
    unknown = [name for name in args.variants if name not in VARIANTS]
    if unknown or not args.variants:
        parser.error(f"--variants takes fp32, fp16 and q4f16, got {args.variants}")
    return args


def export_folder(checkpoint: Path, out: Path, variants: list[str], repo: str, revision: str, force: bool) -> dict:
    """The whole export; returns timings and file sizes. Raises ExportError for problems the user can fix."""
    check_checkpoint(checkpoint)
    if out.exists() and any(out.iterdir()) and not force:
        raise ExportError(f"{out} exists and is not empty: choose another --out or pass --force to replace it.")
    out.parent.mkdir(parents=True, exist_ok=True)
    import torch
    from transformers import Glm4vForConditionalGeneration

    from .graphs import export_graphs

    started = time.perf_counter()
    model = Glm4vForConditionalGeneration.from_pretrained(checkpoint, dtype=torch.float32).eval()
    check_disk(out.parent, sum(p.numel() for p in model.parameters()), variants)
    scratch = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.partial-"))
    try:
        traced = export_graphs(model, scratch / "trace")
        del model
        gc.collect()
        timings = {"trace_s": time.perf_counter() - started}
        folder = scratch / "folder"
        (folder / "onnx").mkdir(parents=True)
        for variant in [name for name in variants if name != "fp32"]:
            variant_started = time.perf_counter()
            for graph in GRAPHS:
                write_variant(traced[graph], variant, folder / "onnx")
            timings[f"{variant}_s"] = time.perf_counter() - variant_started
        if "fp32" in variants:
            # The trace is the fp32 variant: moved, not written again (41 GB for the real model).
            for graph in GRAPHS:
                for part in traced[graph].parent.glob(f"{traced[graph].name}*"):
                    part.rename(folder / "onnx" / part.name)
        copy_folder_files(checkpoint, folder)
        write_manifest(folder, {variant: SUFFIXES[variant] for variant in variants}, repo, revision)
        if out.exists():
            shutil.rmtree(out)
        folder.rename(out)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    sizes = {path.name: path.stat().st_size for path in sorted((out / "onnx").iterdir())}
    return {"out": str(out), "seconds": timings, "bytes": sizes}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        report = export_folder(args.checkpoint, args.out, args.variants, args.repo, args.revision, args.force)
    except ExportError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Stopped; nothing was written.", file=sys.stderr)
        return 4
    print(json.dumps(report, indent=2))
    print(f"Check it with: bin/deskhand model check {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
