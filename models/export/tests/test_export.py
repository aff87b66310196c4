"""The exporter's own tests (pytest; needs models/export/requirements.txt): each variant exports, `deskhand model
check` accepts it, manifest.json's hashes match, fp32 matches the reference, and bad input fails cleanly."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import pytest

from models.export.__main__ import export_folder, main
from models.export.folder import ExportError
from models.export.parity import onnx_run, reference_run
from models.export.reference import ROOT, node_tokenizer_folder
from models.export.frames import screenshot_like
from models.export.tiny import build_tiny_checkpoint

VARIANTS = ["fp32", "fp16", "q4f16"]


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory) -> Path:
    scratch = tmp_path_factory.mktemp("tiny")
    return build_tiny_checkpoint(node_tokenizer_folder(scratch), scratch / "checkpoint")


@pytest.fixture(scope="module")
def exported(checkpoint, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("export") / "model"
    export_folder(checkpoint, out, VARIANTS, "someone/tiny", "abc123", False)
    return out


@pytest.mark.parametrize("variant", VARIANTS)
def test_model_check_accepts_each_variant(exported, variant):
    result = subprocess.run(
        ["node", str(ROOT / "bin" / "deskhand"), "model", "check", str(exported), "--variant", variant, "--json"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["valid"] is True


def test_manifest_lists_every_file_with_its_hash(exported):
    manifest = json.loads((exported / "manifest.json").read_text())
    assert manifest["repo"] == "someone/tiny" and manifest["revision"] == "abc123"
    assert sorted(manifest["variants"]) == sorted(VARIANTS)
    for variant, files in manifest["variants"].items():
        paths = {entry["path"] for entry in files}
        suffix = {"fp32": "", "fp16": "_fp16", "q4f16": "_q4f16"}[variant]
        assert {f"onnx/{graph}{suffix}.onnx" for graph in ("embed_tokens", "vision_encoder", "decoder_model_merged")} <= paths
        assert {"config.json", "tokenizer.json", "preprocessor_config.json", "chat_template.jinja"} <= paths
        for entry in files:
            data = (exported / entry["path"]).read_bytes()
            assert len(data) == entry["size"]
            assert hashlib.sha256(data).hexdigest() == entry["sha256"]


def test_fp32_matches_the_reference(checkpoint, exported):
    case = reference_run(checkpoint, [screenshot_like(320, 200, seed=1)], "Click OK.", 8, 32)
    result = onnx_run(exported, "fp32", case, 8, 32)
    assert result["prefillLogitsMaxAbsDiff"] <= 1e-4
    assert result["decodeLogitsMaxAbsDiff"] <= 1e-4
    assert result["greedyTokensIdentical"]


def test_q4f16_uses_int4_matmuls(exported):
    import onnx

    graph = onnx.load(str(exported / "onnx" / "decoder_model_merged_q4f16.onnx")).graph
    kinds = {node.op_type for node in graph.node}
    assert "MatMulNBits" in kinds
    attributes = {a.name: a.i for node in graph.node if node.op_type == "MatMulNBits" for a in node.attribute}
    assert attributes["bits"] == 4 and attributes["block_size"] == 32


@pytest.mark.parametrize("variant", ["fp16", "q4f16"])
@pytest.mark.parametrize("graph, norms", [("decoder_model_merged", 9), ("vision_encoder", 6)])
def test_half_precision_rms_norms_fuse_into_fp32_accumulating_kernels(exported, variant, graph, norms, tmp_path):
    """x² overflows fp16 past |x| = 256, which real hidden states reach. The converter leaves the RMSNorm pattern in
    fp16, and onnxruntime's default optimisations fuse every one into SimplifiedLayerNormalization, which accumulates
    in fp32 on the CPU and CUDA providers: no unfused Pow/ReduceMean may remain. The tiny decoder has 2 layers × 4
    norms + the final one; its vision tower 2 blocks × 2 + the post-conv and post-blocks norms."""
    import onnx
    import onnxruntime as ort

    path = exported / "onnx" / f"{graph}_{variant}.onnx"
    assert sum(node.op_type == "ReduceMean" for node in onnx.load(str(path)).graph.node) == norms
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.optimized_model_filepath = str(tmp_path / "optimized.onnx")
    ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    kinds = [node.op_type for node in onnx.load(options.optimized_model_filepath).graph.node]
    assert kinds.count("SimplifiedLayerNormalization") == norms
    assert "ReduceMean" not in kinds and "Pow" not in kinds


def test_another_architecture_is_refused(checkpoint, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    for path in checkpoint.iterdir():
        (other / path.name).write_bytes(path.read_bytes())
    config = json.loads((other / "config.json").read_text())
    config.update(architectures=["Qwen2VLForConditionalGeneration"], model_type="qwen2_vl")
    (other / "config.json").write_text(json.dumps(config))
    with pytest.raises(ExportError, match="not Glm4vForConditionalGeneration"):
        export_folder(other, tmp_path / "out", ["fp32"], "a/b", "main", False)
    assert not (tmp_path / "out").exists()


def test_missing_file_and_existing_output_fail_with_exit_2(checkpoint, tmp_path, capsys):
    partial = tmp_path / "partial"
    partial.mkdir()
    (partial / "config.json").write_bytes((checkpoint / "config.json").read_bytes())
    assert main([str(partial), "--out", str(tmp_path / "a")]) == 2
    assert "lacks tokenizer.json" in capsys.readouterr().err
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "keep.txt").write_text("mine")
    assert main([str(checkpoint), "--out", str(busy)]) == 2
    assert (busy / "keep.txt").read_text() == "mine"


def test_a_failed_export_leaves_nothing_behind(checkpoint, tmp_path, monkeypatch):
    import models.export.__main__ as exporter

    def broken(*args):
        raise RuntimeError("disk went away")

    monkeypatch.setattr(exporter, "write_variant", broken)
    with pytest.raises(RuntimeError):
        export_folder(checkpoint, tmp_path / "out", ["fp16"], "a/b", "main", False)
    assert list(tmp_path.iterdir()) == []
