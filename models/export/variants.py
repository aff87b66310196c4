"""fp16 and q4f16 copies of an fp32 graph, keeping float32 inputs and outputs (the engine's contract)."""

from __future__ import annotations

import logging
from pathlib import Path

import onnx
from onnxruntime.quantization.matmul_nbits_quantizer import DefaultWeightOnlyQuantConfig, MatMulNBitsQuantizer
from onnxruntime.transformers.float16 import DEFAULT_OP_BLOCK_LIST, convert_float_to_float16

from .graphs import save_model

# onnxruntime has no float16 GridSample kernel on the CPU; the vision tower's position table samples in fp32.
# The quantizer logs a line per node at INFO.
logging.getLogger("onnxruntime.quantization.matmul_nbits_quantizer").setLevel(logging.WARNING)

FP16_OP_BLOCK_LIST = [*DEFAULT_OP_BLOCK_LIST, "GridSample"]
BLOCK_SIZE = 32


def to_fp16(model: onnx.ModelProto) -> onnx.ModelProto:
    return convert_float_to_float16(model, keep_io_types=True, op_block_list=FP16_OP_BLOCK_LIST, disable_shape_infer=True)


def to_q4f16(model: onnx.ModelProto) -> onnx.ModelProto:
    """Int4 block-32 symmetric weights for every constant MatMul (onnxruntime's MatMulNBits), the rest fp16."""
    config = DefaultWeightOnlyQuantConfig(block_size=BLOCK_SIZE, is_symmetric=True, accuracy_level=None)
    quantizer = MatMulNBitsQuantizer(model, algo_config=config)
    quantizer.process()
    return to_fp16(quantizer.model.model)


CONVERTERS = {"fp16": to_fp16, "q4f16": to_q4f16}
SUFFIXES = {"fp32": "", "fp16": "_fp16", "q4f16": "_q4f16"}


def write_variant(fp32_graph: Path, variant: str, out_dir: Path) -> Path:
    """Writes `<graph><suffix>.onnx` (fp16 or q4f16, with external data when large) into out_dir."""
    target = out_dir / f"{fp32_graph.stem}{SUFFIXES[variant]}.onnx"
    save_model(CONVERTERS[variant](onnx.load(str(fp32_graph))), target)
    return target
