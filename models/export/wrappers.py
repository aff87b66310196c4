"""Export-ready forward passes of Glm4vForConditionalGeneration's three parts, over the checkpoint's own modules.

HF's vision tower splits attention per image with Python lists (`.tolist()`) and its decoder keeps a Python cache
object; neither traces into one graph for any grid or cache length. These wrappers reuse every HF submodule and
weight, and replace only that control flow with tensor ops: per-patch positions and a block mask computed from
`image_grid_thw`, and an explicit past/present KV cache. The graph contract is src/engine/graph-contract.ts's.
"""

from __future__ import annotations

import torch
from torch import nn
from transformers.models.glm4v import modeling_glm4v as hf


def patch_layout(grid_thw: torch.Tensor, count: torch.Tensor, merge: int) -> dict[str, torch.Tensor]:
    """Row, column, frame start and image of each pixel_values row, in HF's merge-window order (rot_pos_emb)."""
    patches_per_image = grid_thw[:, 0] * grid_thw[:, 1] * grid_thw[:, 2]
    ends = torch.cumsum(patches_per_image, 0)
    starts = ends - patches_per_image
    patch = torch.arange(count, dtype=torch.int64)
    image = (patch.unsqueeze(1) >= ends.unsqueeze(0)).to(torch.int64).sum(1)
    height, width = grid_thw[:, 1][image], grid_thw[:, 2][image]
    in_frame = (patch - starts[image]) % (height * width)
    window, in_window = in_frame // (merge * merge), in_frame % (merge * merge)
    windows_per_row = width // merge
    row = (window // windows_per_row) * merge + in_window // merge
    column = (window % windows_per_row) * merge + in_window % merge
    return {"row": row, "column": column, "segment": patch - in_frame, "per_image": patches_per_image}


class VisionEncoder(nn.Module):
    """pixel_values [N, C·T·P·P], image_grid_thw [images, 3] → image_features [N / merge², text hidden]."""

    def __init__(self, visual: hf.Glm4vVisionModel):
        super().__init__()
        self.visual = visual

    def forward(self, pixel_values: torch.Tensor, image_grid_thw: torch.Tensor) -> torch.Tensor:
        visual = self.visual
        merge = visual.spatial_merge_size
        layout = patch_layout(image_grid_thw, pixel_values.shape[0], merge)
        # Conv3d with kernel = stride over one patch is a matrix product with the flattened kernel.
        proj = visual.patch_embed.proj
        hidden = nn.functional.linear(pixel_values, proj.weight.reshape(proj.weight.shape[0], -1), proj.bias)
        hidden = visual.post_conv_layernorm(hidden)
        positions = torch.stack([layout["row"], layout["column"]], dim=-1)
        cos, sin = visual.rotary_pos_emb(hidden, positions)
        hidden = visual.embeddings(hidden, layout["per_image"], image_grid_thw, layout["row"], layout["column"])
        # Patches attend within their own frame only: HF's per-cu_seqlens split as one block mask.
        allowed = layout["segment"].unsqueeze(1) == layout["segment"].unsqueeze(0)
        for block in visual.blocks:
            hidden = hidden + self.attend(block.attn, block.norm1(hidden), cos, sin, allowed)
            hidden = hidden + block.mlp(block.norm2(hidden))
        hidden = visual.post_layernorm(hidden)
        hidden = hidden.view(-1, merge, merge, hidden.shape[-1]).permute(0, 3, 1, 2)
        hidden = visual.downsample(hidden).view(-1, visual.config.out_hidden_size)
        return visual.merger(hidden)

    @staticmethod
    def attend(attn: hf.Glm4vVisionAttention, x, cos, sin, allowed):
        count = x.shape[0]
        query, key, value = attn.qkv(x).reshape(count, 3, attn.num_heads, -1).permute(1, 0, 2, 3).unbind(0)
        query, key = hf.apply_rotary_pos_emb_vision(query, key, cos, sin)
        query, key, value = (tensor.transpose(0, 1) for tensor in (query, key, value))
        scores = torch.matmul(query, key.transpose(1, 2)) * attn.scaling
        scores = scores.masked_fill(~allowed, torch.finfo(scores.dtype).min)
        attended = torch.matmul(torch.softmax(scores, dim=-1), value)
        return attn.proj(attended.transpose(0, 1).reshape(count, -1))


class EmbedTokens(nn.Module):
    """input_ids [1, S] → inputs_embeds [1, S, hidden]."""

    def __init__(self, embed: nn.Embedding):
        super().__init__()
        self.embed = embed

    def forward(self, input_ids: torch.Tensor) -> torch.Tensor:
        return self.embed(input_ids)


class Decoder(nn.Module):
    """inputs_embeds, attention_mask, position_ids [3, 1, S] and the past → logits and the present (with the new S)."""

    def __init__(self, model: hf.Glm4vForConditionalGeneration):
        super().__init__()
        self.text = model.model.language_model
        self.lm_head = model.lm_head

    def forward(self, inputs_embeds, attention_mask, position_ids, *past):
        text = self.text
        length = inputs_embeds.shape[1]
        total = attention_mask.shape[1]
        cos, sin = self.rotary(position_ids)
        # Query i (at absolute position total − length + i) sees keys up to itself, minus padded ones.
        query_at = torch.arange(length, dtype=torch.int64).unsqueeze(1) + (total - length)
        causal = torch.arange(total, dtype=torch.int64).unsqueeze(0) <= query_at
        allowed = (causal & (attention_mask.unsqueeze(1) > 0)).unsqueeze(1)
        hidden = inputs_embeds
        presents = []
        for index, layer in enumerate(text.layers):
            residual = hidden
            attended, key, value = self.attend(
                layer.self_attn, layer.input_layernorm(hidden), cos, sin, past[2 * index], past[2 * index + 1], allowed
            )
            presents += [key, value]
            hidden = residual + layer.post_self_attn_layernorm(attended)
            residual = hidden
            hidden = residual + layer.post_mlp_layernorm(layer.mlp(layer.post_attention_layernorm(hidden)))
        logits = self.lm_head(text.norm(hidden))
        return (logits, *presents)

    def rotary(self, position_ids: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Glm4vTextRotaryEmbedding without its Python split: frequency pair j follows the t, h or w row its
        mrope section names, chosen by a one-hot mask; each angle then serves an interleaved pair."""
        rotary = self.text.rotary_emb
        sections = rotary.mrope_section
        row_of_pair = torch.tensor([row % 3 for row, size in enumerate(sections) for _ in range(size)])
        pick = nn.functional.one_hot(row_of_pair, 3).T.to(torch.float32).view(3, 1, 1, -1)
        angles = (position_ids.unsqueeze(-1).to(torch.float32) * rotary.inv_freq.to(torch.float32) * pick).sum(0)
        angles = torch.stack([angles, angles], dim=-1).flatten(-2)
        scaling = rotary.attention_scaling
        return angles.cos() * scaling, angles.sin() * scaling

    @staticmethod
    def attend(attn: hf.Glm4vTextAttention, x, cos, sin, past_key, past_value, allowed):
        batch, length, _ = x.shape
        shape = (batch, length, -1, attn.head_dim)
        query = attn.q_proj(x).view(shape).transpose(1, 2)
        key = attn.k_proj(x).view(shape).transpose(1, 2)
        value = attn.v_proj(x).view(shape).transpose(1, 2)
        query, key = hf.apply_rotary_pos_emb(query, key, cos, sin)
        key = torch.cat([past_key, key], dim=2)
        value = torch.cat([past_value, value], dim=2)
        groups = attn.num_key_value_groups
        scores = torch.matmul(query, hf.repeat_kv(key, groups).transpose(2, 3)) * attn.scaling
        scores = scores.masked_fill(~allowed, torch.finfo(scores.dtype).min)
        attended = torch.matmul(torch.softmax(scores, dim=-1), hf.repeat_kv(value, groups))
        return attn.o_proj(attended.transpose(1, 2).reshape(batch, length, -1)), key, value
