// Hostile archives at the session level: a well-formed ZIP whose session.json, steps.jsonl, frames or id are bad,
// and a few valid but odd sessions the product documents as importable. Node only.
import { PNG_1X1, sessionEntries, sessionInfo, stepRecord, stepsFile } from './archive-session.mjs';
import { underTheLimits } from './archive-cases-zip.mjs';
import { entry, zipBytes } from './zip-bytes.mjs';

const ID = '20260102-000000-case';
/** The id of the session every case's sessions folder already holds. */
export const EXISTING_ID = '20260101-000000-keep';

const refused = (name, parts, says, id = ID) => ({ name, bytes: zipBytes(sessionEntries(id, parts)), says });

function badSessionJson() {
  const info = sessionInfo(ID);
  const without = (field) => Object.fromEntries(Object.entries(info).filter(([key]) => key !== field));
  const FORMAT = /does not match the session format/;
  return [
    { name: 'session.json: missing', bytes: zipBytes(sessionEntries(ID).slice(1)), says: /no session\.json/ },
    refused('session.json: not JSON', { infoText: '{"formatVersion": 1, "id": ' }, /not valid JSON/),
    refused('session.json: not UTF-8', { infoText: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }, /not UTF-8/),
    refused('session.json: an array', { infoText: '[]' }, FORMAT),
    refused('session.json: null', { infoText: 'null' }, FORMAT),
    refused('session.json: no id', { infoText: JSON.stringify(without('id')) }, /id/),
    refused('session.json: no backend', { infoText: JSON.stringify(without('backend')) }, /backend/),
    refused('session.json: no display', { infoText: JSON.stringify(without('display')) }, /display/),
    refused('session.json: format version 2', { info: { formatVersion: 2 } }, /formatVersion/),
    refused('session.json: id a number', { info: { id: 7 } }, /id/),
    refused('session.json: task a number', { info: { task: 42 } }, /task/),
    refused('session.json: steps a string', { info: { steps: 'many' } }, /steps/),
    refused('session.json: maxSteps 1.5', { info: { maxSteps: 1.5 } }, /maxSteps/),
    refused('session.json: unknown outcome', { info: { outcome: { kind: 'pwned', message: 'x' } } }, /outcome/),
    refused(
      'session.json: a 10,001-character task',
      { info: { task: 't'.repeat(10_001) } },
      /task is 10,001 characters/,
    ),
    refused(
      'session.json: a 100 MB task',
      { info: { task: 'x'.repeat(100_000_000) } },
      /task is 100,000,000 characters|expands \d+×/,
    ),
  ];
}

function badSteps() {
  const one = (fields, action) => ({ steps: stepsFile([stepRecord(1, fields, action)]) });
  const over = (field, limit) => `${field} over its ${limit.toLocaleString('en')} limit`;
  const long = (count) => 'y'.repeat(count);
  const LIMIT = /characters; a session holds at most/;
  return [
    refused(over('thinking', 1_000_000), one({ thinking: long(1_000_001) }), LIMIT),
    refused(over('answer', 1_000_000), one({ raw: long(1_000_001) }), LIMIT),
    refused(over('explanation', 100_000), one({ explanation: long(100_001) }), LIMIT),
    refused(over('memory', 100_000), one({ memory: long(100_001) }), LIMIT),
    refused(over('error', 10_000), one({ error: long(10_001) }), LIMIT),
    refused(over('typed text', 100_000), one({}, { name: 'type', elementInfo: null, text: long(100_001) }), LIMIT),
    refused(over('element info', 2_000), one({}, { elementInfo: long(2_001) }), LIMIT),
    refused(over('grounding query', 10_000), one({ grounding: { query: long(10_001), box: null } }), LIMIT),
    refused(
      'steps: bad JSON before the last line',
      { steps: `{not json\n${stepsFile([stepRecord(1)])}` },
      /line 1|expands \d+×/,
    ),
    refused(
      'steps: a 20 MB line of junk first',
      { steps: `${'z'.repeat(20_000_000)}\n${stepsFile([stepRecord(1)])}` },
      /line 1|expands \d+×/,
    ),
    refused('steps: an array line', { steps: `[1,2]\n${stepsFile([stepRecord(1)])}` }, /line 1|expands \d+×/),
    refused('steps: step 0', { steps: `${stepsFile([stepRecord(0), stepRecord(1)])}` }, /line 1/),
    refused('steps: not UTF-8', { steps: Buffer.from([0xc3, 0x28, 0x0a]) }, /not UTF-8/),
    refused('steps: frame ../../etc/passwd', one({ frame: '../../etc/passwd' }), /not in the archive/),
    refused('steps: frame /etc/passwd', one({ frame: '/etc/passwd' }), /not in the archive/),
    refused('steps: frame frames/../session.json', one({ frame: 'frames/../session.json' }), /not in the archive/),
    refused('steps: frame missing', one({ frame: 'frames/0009.png' }), /not in the archive/),
  ];
}

function badFrameNames() {
  const names = [
    'frames/1.png',
    'frames/0001.gif',
    'frames/0001.png.exe',
    'frames/0001.PNG',
    'frames/x/0001.png',
    'frames/0000001.png',
    'frames/0001.svg',
    'frames/.0001.png',
  ];
  return names.map((name) => refused(`frame name ${name}`, { extra: [entry(name, PNG_1X1)] }, /not part of a session/));
}

function badIds() {
  const ids = [
    'CON',
    'NUL',
    'COM1',
    'LPT9',
    'con.txt',
    'nul.tar.gz',
    'Aux',
    'PRN.json',
    'COM\u00b9',
    '..',
    '../x',
    '.hidden',
    'a/b',
    'a\\b',
    '',
    'x'.repeat(129),
    'id\u001b[2J\u001b]0;pwned\u0007',
    'caf\u00e9',
  ];
  return ids.map((id) => refused(`id ${JSON.stringify(id)}`, {}, /cannot be used as a folder name/, id));
}

/** Odd but documented as fine: imported intact (`imports` is the id the CLI must print). */
function oddButValid() {
  const accepted = (name, id, bytes) => ({ name, bytes, imports: id });
  const ids = Array.from({ length: 5 }, (_, index) => `20260103-00000${index}-odd`);
  return [
    accepted(
      'a frame no step shows',
      ids[0],
      zipBytes(sessionEntries(ids[0], { extra: [entry('frames/0002.png', PNG_1X1)] })),
    ),
    accepted('a frames/ folder entry', ids[1], zipBytes([entry('frames/', ''), ...sessionEntries(ids[1])])),
    accepted(
      'a torn last steps line',
      ids[2],
      zipBytes(sessionEntries(ids[2], { steps: `${stepsFile([stepRecord(1)])}{"step":2,"fr` })),
    ),
    accepted('a 65,535-byte comment', ids[3], zipBytes(sessionEntries(ids[3]), { comment: 'c'.repeat(0xffff) })),
    accepted('a 2 MB frame at 15× (under the limits)', ids[4], underTheLimits(ids[4])),
  ];
}

export function sessionLevelCases() {
  const duplicate = refused('a duplicate of the existing session', {}, /already exists/, EXISTING_ID);
  return [...badSessionJson(), ...badSteps(), ...badFrameNames(), ...badIds(), duplicate, ...oddButValid()];
}
