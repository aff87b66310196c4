// GLM-4.1V-9B-Thinking's official chat template, for the tiny model's tokenizer_config.json. Node only.

/**
 * Verbatim from research/glm41v.md §2 (HF revision 3c1471e of zai-org/GLM-4.1V-9B-Thinking, second-hand). Rendered
 * with trim_blocks/lstrip_blocks it gives `[gMASK]<sop><|user|>\n…<|assistant|>\n`; no `<think>` is pre-filled.
 */
export const GLM41V_CHAT_TEMPLATE = [
  '[gMASK]<sop>',
  '{%- for msg in messages %}',
  "    {%- if msg.role == 'system' %}",
  '<|system|>',
  '{{ msg.content }}',
  "    {%- elif msg.role == 'user' %}",
  "<|user|>{{ '\\n' }}",
  '',
  '        {%- if msg.content is string %}',
  '{{ msg.content }}',
  '        {%- else %}',
  '            {%- for item in msg.content %}',
  "                {%- if item.type == 'video' or 'video' in item %}",
  '<|begin_of_video|><|video|><|end_of_video|>',
  "                {%- elif item.type == 'image' or 'image' in item %}",
  '<|begin_of_image|><|image|><|end_of_image|>',
  "                {%- elif item.type == 'text' %}",
  '{{ item.text }}',
  '                {%- endif %}',
  '            {%- endfor %}',
  '        {%- endif %}',
  "    {%- elif msg.role == 'assistant' %}",
  '        {%- if msg.metadata %}',
  '<|assistant|>{{ msg.metadata }}',
  '{{ msg.content }}',
  '        {%- else %}',
  '<|assistant|>',
  '{{ msg.content }}',
  '        {%- endif %}',
  '    {%- endif %}',
  '{%- endfor %}',
  '{% if add_generation_prompt %}<|assistant|>',
  '{% endif %}',
].join('\n');
