// The bad CLI inputs, across every command: unknown commands and flags, missing and bad values, bad folders and
// files, terminal escapes in arguments. Each says what the refusal must mention. Node only.

const ESC = '\u001b]0;pwned\u0007\u001b[2J\u009b31m';
const LOOPBACK = 'http://127.0.0.1:9/v1';
const openai = ['--backend', 'openai', '--base-url', LOOPBACK];
/** An unknown command prints the whole usage after the one line that says what is wrong. */
const WITH_USAGE = { maxLines: 60 };
/** The folder check prints one line per missing file. */
const FILE_LIST = { maxLines: 12 };

/**
 * [args, says, options] for flags and values: `says` must match the output, `options` the exit code (2 unless given),
 * the lines the message may take and stdin. `at` holds the fixture paths (see cli-inputs.mjs).
 */
export function cliInputCases(at) {
  return [
    ...unknownWords(),
    ...missingValues(),
    ...badNumbers(),
    ...badChoices(),
    ...badPlaces(at),
    ...escapesInArguments(at),
  ];
}

function unknownWords() {
  return [
    [['frobnicate'], /Unknown command "frobnicate"/, WITH_USAGE],
    [['Run', 'x'], /Unknown command "Run"/, WITH_USAGE],
    [['run', 'x', '--backnd', 'openai'], /did you mean --backend\?/],
    [['run', 'x', '--max-step', '3'], /did you mean --max-steps\?/],
    [['run', 'x', '--image-fromat', 'png'], /did you mean --image-format\?/],
    [['sessions', 'list', '--sesions-dir', '/tmp'], /did you mean --sessions-dir\?/],
    [['sessions', 'show', 'x', '--jsn'], /did you mean --json\?/],
    [['sessions', 'export', 'x', '--zpi', 'a.zip'], /did you mean --zip\?/],
    [['sessions', 'rerun', 'x', '--verfy', 'off'], /did you mean --verify\?/],
    [['serve', '--prot', '1'], /did you mean --port\?/],
    [['suite', 'run', '--taks', 'a'], /did you mean --tasks\?/],
    [['parse', '--wdth', '3', '--height', '3'], /did you mean --width\?/],
    [['run', 'x', '--zzzzzzzzzz'], /--zzzzzzzzzz/],
    [['sessions', 'frob'], /sessions list/],
    [['model', 'frob'], /Unknown model verb "frob"/],
    [['suite', 'frob'], /suite list/],
  ];
}

function missingValues() {
  return [
    [[], /No command given/, WITH_USAGE],
    [['run'], /Give exactly one instruction/],
    [['run', '   ', '--backend', 'replay'], /Give exactly one instruction/],
    [['run', 'a', 'b', ...openai], /Give exactly one instruction/],
    [['run', 'x', '--backend'], /--backend/],
    [['run', 'x', '--backend', 'openai'], /needs --base-url/],
    [['run', 'x', '--backend', 'replay'], /needs --replay FILE/],
    [['run', 'x', '--backend', 'local'], /needs --model-dir/],
    [['sessions', 'show'], /takes ID/],
    [['sessions', 'import'], /takes FILE/],
    [['sessions', 'rerun'], /rerun ID/],
    [['parse'], /--width is required/],
    [['model', 'tiny'], /--out is required/],
    [['model', 'check'], /needs the model folder/],
    [['suite', 'run'], /--backend must be/],
  ];
}

function badNumbers() {
  const run = (flag, value) => [['run', 'x', ...openai, `${flag}=${value}`], new RegExp(`${flag} must be`)];
  return [
    [['run', 'x', ...openai, '--max-steps', '-1'], /--max-steps=-XYZ/],
    run('--max-steps', '-1'),
    run('--max-steps', '0'),
    run('--max-steps', '1e9'),
    run('--max-steps', 'NaN'),
    run('--max-steps', '2.5'),
    run('--max-tokens', '0'),
    run('--max-pixels', '-5'),
    run('--keep-sessions', '0'),
    run('--keep-gb', '-1'),
    run('--keep-gb', 'lots'),
    [['serve', '--port', '70000'], /--port must be 0–65535/],
    [['serve', '--port', 'http'], /--port must be 0–65535/],
    [['parse', '--width', '0', '--height', '10'], /--width must be a positive whole number/],
    [['parse', '--width', '10', '--height', 'Infinity'], /--height must be a positive whole number/],
    [['model', 'tiny', '--out', '/tmp/deskhand-never', '--seed=-3'], /--seed must be/],
    [['suite', 'run', ...openai, '--repeat', '0'], /--repeat must be/],
  ];
}

function badChoices() {
  return [
    [['run', 'x', '--backend', 'gpt-5'], /--backend must be openai, local or replay/],
    [['run', 'x', '--backend', 'local', '--model-dir', '/tmp', '--device', 'tpu'], /--device must be one of/],
    [['run', 'x', ...openai, '--image-format', 'gif'], /--image-format must be png or jpeg/],
    [['run', 'x', ...openai, '--confirm-policy', 'sometimes'], /--confirm-policy/],
    [['run', 'x', ...openai, '--secret', 'NOEQUALS'], /--secret takes NAME=ENV_VAR/],
    [['run', 'x', ...openai, '--secret', 'P=DESKHAND_BENCH_UNSET'], /DESKHAND_BENCH_UNSET is empty or not set/],
    [['run', 'log in with {{secret:PW}}', ...openai], /secret:PW/],
    [['run', 'x', ...openai, '--api-key-env', 'DESKHAND_BENCH_UNSET'], /DESKHAND_BENCH_UNSET/],
    [['model', 'check', '/tmp', '--variant', 'int8'], /--variant must be fp32, fp16 or q4f16/],
    [['model', 'download', '--variant', 'int4'], /--variant must be one of/],
    [['model', 'download', '--repo', 'not a repo'], /--repo must be a Hugging Face repo id|no published export/],
    [['suite', 'run', '--backend', 'quantum'], /--backend must be openai, local or replay/],
    [['suite', 'run', ...openai, '--tasks', 'no-such-task'], /no-such-task/],
  ];
}

const replay = (at) => ['--backend', 'replay', '--replay', at.replay];

function badPlaces(at) {
  const list = (dir) => [['sessions', 'list', '--sessions-dir', dir], /--sessions-dir/];
  return [
    [['run', 'x', '--backend', 'openai', '--base-url', 'ftp://127.0.0.1/v1'], /--base-url must start with http/],
    [['run', 'x', '--backend', 'openai', '--base-url', 'http://'], /--base-url/],
    [['run', 'x', '--backend', 'openai', '--base-url', 'http://exa mple.com/v1'], /--base-url/],
    [['run', 'x', '--backend', 'openai', '--base-url', 'localhost:8000'], /--base-url/],
    [['run', 'x', ...openai], /127\.0\.0\.1:9/],
    [['model', 'download', '--endpoint', 'file:///etc'], /--endpoint .* must be an http\(s\) URL|no published export/],
    list(''),
    list('/'),
    list('/proc'),
    list('/sys/deskhand'),
    list(at.file),
    [['sessions', 'list', '--sessions-dir', `${at.file}/below`], /lies under .*, a file, not a folder/],
    [['run', 'x', ...replay(at), '--sessions-dir', `${at.file}/below`], /lies under .*, a file, not a folder/],
    [['sessions', 'import', at.missing], /No archive at/],
    [['sessions', 'import', at.folder], /No archive at/],
    [['sessions', 'import', '/dev/zero'], /No archive at/],
    [['sessions', 'import', at.file], /not a ZIP/],
    [['sessions', 'show', 'no-such-session', '--sessions-dir', at.folder], /no-such-session/],
    [
      ['sessions', 'export', 'no-such-session', '--zip', at.missing, '--sessions-dir', at.folder],
      /no-such-session|--zip/,
    ],
    [['run', 'x', '--backend', 'replay', '--replay', at.missing], /replay/],
    [['run', 'x', '--backend', 'replay', '--replay', at.folder], /replay|folder|directory/],
    [['run', 'x', '--backend', 'local', '--model-dir', at.folder], /model folder .* cannot be used/, FILE_LIST],
    [['run', 'x', '--backend', 'replay', '--replay', '/dev/zero'], /replay/],
    [['model', 'check', at.folder], /config\.json: missing/, FILE_LIST],
    [['model', 'check', at.file], /config\.json: missing|not a folder/, FILE_LIST],
    [['model', 'download', '--manifest', at.missing, '--out', at.out], /manifest/i],
    [['model', 'download', '--manifest', at.file, '--out', at.out], /not valid JSON/],
    [['model', 'download', '--manifest', '/dev/zero', '--out', at.out], /manifest|not valid JSON|too large/i],
    [['model', 'download', '--manifest', at.folder, '--out', at.out], /manifest/i],
  ];
}

function escapesInArguments(at) {
  return [
    [[`run${ESC}`], /Unknown command/, WITH_USAGE],
    [['sessions', 'list', '--sessions-dir', `${at.folder}/none${ESC}`], /No sessions in/, { code: 0 }],
    [['parse', '--width', '10', '--height', '10'], /"error":"The answer is empty/, { code: 0 }],
    [['parse', '--width', '10', '--height', '10'], /"error":/, { code: 0, input: `${ESC}\u00ff garbage <answer>` }],
    [
      ['parse', '--width', '10', '--height', '10'],
      /"error":/,
      { code: 0, input: Buffer.from([0xff, 0xfe, 0x1b, 0x9b]) },
    ],
    [['run', 'x', '--backend', `openai${ESC}`], /--backend must be/],
    [['run', 'x', '--backend', 'openai', '--base-url', `http://a${ESC}`], /--base-url/],
    [['run', 'x', ...openai, '--secret', `P${ESC}=X`], /--secret/],
    [['sessions', 'show', `id${ESC}`, '--sessions-dir', at.folder], /not found|No session/i],
    [['sessions', 'import', `${at.folder}/x${ESC}.zip`], /No archive at/],
    [['serve', '--port', `1${ESC}`], /--port must be/],
    [['model', 'frob', `x${ESC}`], /model/],
  ];
}
