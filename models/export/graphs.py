"""Traces the three wrappers into ONNX graphs with the engine's names and dynamic axes (graph-contract.ts)."""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path

import onnx
import torch

from .wrappers import Decoder, EmbedTokens, VisionEncoder

OPSET = 17
# onnx.save refuses a protobuf over 2 GiB; keep weights outside well before that.
INLINE_LIMIT_BYTES = 1_800_000_000


def export_graphs(model, out_dir: Path) -> dict[str, Path]:
    """Writes onnx/{embed_tokens,vision_encoder,decoder_model_merged}.onnx (fp32) under out_dir."""
    onnx_dir = out_dir / "onnx"
    onnx_dir.mkdir(parents=True, exist_ok=True)
    model = model.eval().float()
    config = model.config
    vision, text = config.vision_config, config.text_config
    files = {}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        files["embed_tokens"] = _export(
            EmbedTokens(model.model.language_model.embed_tokens),
            (torch.tensor([[1, 2, 3]], dtype=torch.int64),),
            onnx_dir / "embed_tokens.onnx",
            ["input_ids"],
            ["inputs_embeds"],
            {"input_ids": {1: "sequence_length"}, "inputs_embeds": {1: "sequence_length"}},
        )
        files["vision_encoder"] = _export(
            VisionEncoder(model.model.visual),
            _vision_example(vision),
            onnx_dir / "vision_encoder.onnx",
            ["pixel_values", "image_grid_thw"],
            ["image_features"],
            {
                "pixel_values": {0: "num_patches"},
                "image_grid_thw": {0: "num_images"},
                "image_features": {0: "num_merged_patches"},
            },
        )
        files["decoder_model_merged"] = _export_decoder(model, text, onnx_dir / "decoder_model_merged.onnx")
    return files


def _vision_example(vision) -> tuple[torch.Tensor, torch.Tensor]:
    # Two images of different grids, so nothing in the trace can specialise on one shape.
    merge = vision.spatial_merge_size
    grids = torch.tensor([[1, 2 * merge, 3 * merge], [1, merge, 2 * merge]], dtype=torch.int64)
    patches = int((grids[:, 0] * grids[:, 1] * grids[:, 2]).sum())
    width = vision.in_channels * vision.temporal_patch_size * vision.patch_size**2
    return torch.randn(patches, width), grids


def _export_decoder(model, text, path: Path) -> Path:
    layers, kv_heads = text.num_hidden_layers, text.num_key_value_heads
    head_dim = text.hidden_size // text.num_attention_heads
    past_length, length = 3, 2
    past = [torch.randn(1, kv_heads, past_length, head_dim) for _ in range(2 * layers)]
    cache = [f"{layer}.{part}" for layer in range(layers) for part in ("key", "value")]
    past_names = [f"past_key_values.{name}" for name in cache]
    present_names = [f"present.{name}" for name in cache]
    positions = torch.arange(past_length, past_length + length).view(1, 1, -1).expand(3, 1, -1).contiguous()
    example = (
        torch.randn(1, length, text.hidden_size),
        torch.ones(1, past_length + length, dtype=torch.int64),
        positions,
        *past,
    )
    axes = {
        "inputs_embeds": {1: "sequence_length"},
        "attention_mask": {1: "total_sequence_length"},
        "position_ids": {2: "sequence_length"},
        "logits": {1: "sequence_length"},
        **{name: {2: "past_sequence_length"} for name in past_names},
        **{name: {2: "total_sequence_length"} for name in present_names},
    }
    return _export(
        Decoder(model),
        example,
        path,
        ["inputs_embeds", "attention_mask", "position_ids", *past_names],
        ["logits", *present_names],
        axes,
    )


def _export(module, example, path: Path, inputs, outputs, axes) -> Path:
    # The tracer writes one file per weight beside a big graph: trace into a scratch folder, then save once.
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".trace-") as scratch:
        traced = Path(scratch) / "model.onnx"
        torch.onnx.export(
            module,
            example,
            str(traced),
            input_names=inputs,
            output_names=outputs,
            dynamic_axes=axes,
            opset_version=OPSET,
            dynamo=False,
            do_constant_folding=True,
        )
        save_traced(traced, path)
    return path


def save_traced(traced: Path, path: Path) -> None:
    """Moves a trace to `path`. A big one has its weights copied tensor by tensor into one `<name>.onnx_data` (4 KiB
    aligned, so onnxruntime can map it) without loading them all: loading and re-saving would hold the graph twice."""
    model = onnx.load(str(traced), load_external_data=False)
    sizes = [_stored_bytes(tensor, traced.parent) for tensor in model.graph.initializer]
    if sum(sizes) <= INLINE_LIMIT_BYTES:
        save_model(onnx.load(str(traced)), path)
        return
    data_name = f"{path.name}_data"
    with open(path.parent / data_name, "wb") as sink:
        for tensor, size in zip(model.graph.initializer, sizes):
            if size < 1024:
                continue
            data = _read_external(traced.parent, tensor) if _is_external(tensor) else tensor.raw_data
            offset = sink.seek(0, 2)
            offset += -offset % 4096
            sink.seek(offset)
            sink.write(data)
            tensor.ClearField("raw_data")
            del tensor.external_data[:]
            tensor.data_location = onnx.TensorProto.EXTERNAL
            for key, value in (("location", data_name), ("offset", str(offset)), ("length", str(len(data)))):
                entry = tensor.external_data.add()
                entry.key, entry.value = key, value
    onnx.save_model(model, str(path))


def _is_external(tensor: onnx.TensorProto) -> bool:
    return tensor.data_location == onnx.TensorProto.EXTERNAL


def _stored_bytes(tensor: onnx.TensorProto, folder: Path) -> int:
    if _is_external(tensor):
        return _external_span(tensor, folder)[1]
    return len(tensor.raw_data)


def _external_span(tensor: onnx.TensorProto, folder: Path) -> tuple[int, int]:
    """Offset and length of an external tensor; the tracer writes one file per tensor and may omit both."""
    info = {entry.key: entry.value for entry in tensor.external_data}
    offset = int(info.get("offset", 0))
    length = int(info["length"]) if "length" in info else (folder / info["location"]).stat().st_size - offset
    return offset, length


def _read_external(folder: Path, tensor: onnx.TensorProto) -> bytes:
    offset, length = _external_span(tensor, folder)
    location = {entry.key: entry.value for entry in tensor.external_data}["location"]
    with open(folder / location, "rb") as source:
        source.seek(offset)
        return source.read(length)


def save_model(model: onnx.ModelProto, path: Path) -> None:
    """Saves inline, or with weights in `<name>.onnx_data` when the graph would pass protobuf's 2 GiB limit."""
    for stale in path.parent.glob(f"{path.name}_data*"):
        stale.unlink()
    external = sum(t.ByteSize() for t in model.graph.initializer) > INLINE_LIMIT_BYTES
    if external:
        onnx.save_model(
            model,
            str(path),
            save_as_external_data=True,
            all_tensors_to_one_file=True,
            location=f"{path.name}_data",
            size_threshold=1024,
        )
    else:
        onnx.save_model(model, str(path))
