// The report's player: reads the embedded JSON and renders every untrusted string with textContent, never as HTML.
// Kept as a string so the HTML stays one file and its CSP can pin the script by hash. No template literals inside.

export const REPORT_SCRIPT = String.raw`(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var TIMINGS = [['captureMs', 'Capture'], ['encodeMs', 'Encode'], ['firstTokenMs', 'First token'],
    ['generationMs', 'Generation'], ['parseMs', 'Parse'], ['actMs', 'Act'], ['settleMs', 'Settle'], ['recordMs', 'Record']];
  var data = JSON.parse(document.getElementById('session-data').textContent);
  var byId = function (id) { return document.getElementById(id); };
  var scrubber = byId('scrubber');
  var playButton = byId('play');
  var index = 0;
  var timer = null;

  function setText(id, value) { byId(id).textContent = value; }
  function duration(ms) {
    if (ms === null || ms === undefined) return '—';
    return ms >= 1000 ? (ms / 1000).toFixed(2) + ' s' : Math.round(ms) + ' ms';
  }
  function outcomeText(outcome) {
    if (!outcome) return 'Interrupted: the run ended without closing the session (killed or crashed).';
    return outcome.kind.toUpperCase() + (outcome.message ? ': ' + outcome.message : '');
  }

  function renderHeader() {
    document.title = 'Deskhand: ' + data.task;
    setText('task', data.task);
    setText('outcome', outcomeText(data.outcome));
    byId('outcome').dataset.kind = data.outcome ? data.outcome.kind : 'interrupted';
    setText('meta', [data.backend.kind + ' · ' + data.backend.model,
      'display ' + data.display.width + '×' + data.display.height + ' at scale ' + data.display.scaleFactor,
      'started ' + data.startedAt, data.endedAt ? 'ended ' + data.endedAt : 'never ended',
      data.steps.length + ' steps', 'session ' + data.id, 'Deskhand ' + data.deskhandVersion].join(' · '));
    var warnings = byId('warnings');
    data.warnings.forEach(function (warning) {
      var item = document.createElement('li');
      item.textContent = warning;
      warnings.appendChild(item);
    });
    scrubber.max = String(Math.max(1, data.steps.length));
    scrubber.disabled = data.steps.length < 2;
    byId('player').hidden = data.steps.length === 0;
    byId('no-steps').hidden = data.steps.length !== 0;
  }

  function svgElement(name, attributes) {
    var element = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { element.setAttribute(key, String(attributes[key])); });
    return element;
  }

  function drawTargets(step) {
    var svg = byId('targets');
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    svg.setAttribute('viewBox', '0 0 ' + step.frameSize.width + ' ' + step.frameSize.height);
    var radius = Math.max(step.frameSize.width, step.frameSize.height) / 70;
    if (step.targets.length === 2) {
      svg.appendChild(svgElement('line', { x1: step.targets[0].x, y1: step.targets[0].y,
        x2: step.targets[1].x, y2: step.targets[1].y, 'class': 'drag-line' }));
    }
    step.targets.forEach(function (target) {
      var group = svgElement('g', { 'class': 'target target-' + target.role, 'data-x': target.x, 'data-y': target.y });
      group.appendChild(svgElement('circle', { cx: target.x, cy: target.y, r: radius }));
      group.appendChild(svgElement('line', { x1: target.x - radius * 1.6, y1: target.y, x2: target.x + radius * 1.6, y2: target.y }));
      group.appendChild(svgElement('line', { x1: target.x, y1: target.y - radius * 1.6, x2: target.x, y2: target.y + radius * 1.6 }));
      svg.appendChild(group);
    });
  }

  function renderTimings(step) {
    var table = byId('timings');
    while (table.firstChild) table.removeChild(table.firstChild);
    var rows = TIMINGS.map(function (pair) { return [pair[1], duration(step.timings[pair[0]])]; });
    rows.push(['Tokens in / out', String(step.usage.promptTokens === null ? '—' : step.usage.promptTokens) + ' / ' +
      String(step.usage.completionTokens === null ? '—' : step.usage.completionTokens)]);
    rows.forEach(function (row) {
      var line = table.insertRow();
      line.insertCell().textContent = row[0];
      line.insertCell().textContent = row[1];
    });
  }

  function show(next) {
    if (data.steps.length === 0) return;
    index = Math.max(0, Math.min(data.steps.length - 1, next));
    var step = data.steps[index];
    scrubber.value = String(index + 1);
    setText('position', 'Step ' + step.step + ' of ' + data.steps.length);
    var image = byId('frame-image');
    image.hidden = step.image === null;
    byId('no-frame').hidden = step.image !== null;
    if (step.image !== null) image.src = step.image; else image.removeAttribute('src');
    drawTargets(step);
    setText('step-title', 'Step ' + step.step + ' · ' + step.startedAt);
    setText('action', step.action);
    setText('status', step.status);
    setText('explanation', step.explanation);
    setText('error', step.error || '');
    byId('error').hidden = !step.error;
    setText('thinking', step.thinking);
    setText('memory', step.memory);
    renderTimings(step);
    byId('prev').disabled = index === 0;
    byId('next').disabled = index === data.steps.length - 1;
  }

  function stop() {
    if (timer !== null) clearInterval(timer);
    timer = null;
    playButton.textContent = 'Play';
  }
  function play() {
    if (index === data.steps.length - 1) show(0);
    playButton.textContent = 'Pause';
    timer = setInterval(function () {
      if (index >= data.steps.length - 1) stop(); else show(index + 1);
    }, 1500);
  }
  function togglePlay() { if (timer === null) play(); else stop(); }

  byId('prev').addEventListener('click', function () { stop(); show(index - 1); });
  byId('next').addEventListener('click', function () { stop(); show(index + 1); });
  playButton.addEventListener('click', togglePlay);
  scrubber.addEventListener('input', function () { stop(); show(Number(scrubber.value) - 1); });
  document.addEventListener('keydown', function (event) {
    if (event.target === scrubber || event.altKey || event.ctrlKey || event.metaKey) return;
    var moves = { ArrowLeft: index - 1, ArrowRight: index + 1, Home: 0, End: data.steps.length - 1 };
    if (event.key in moves) { event.preventDefault(); stop(); show(moves[event.key]); }
    else if (event.key === ' ' && event.target.tagName !== 'BUTTON') { event.preventDefault(); togglePlay(); }
  });

  renderHeader();
  show(0);
})();
`;
