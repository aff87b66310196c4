// The report's stylesheet: plain CSS with system fonts only, so opening the file never loads anything.

export const REPORT_STYLE = `
:root { color-scheme: light dark; --accent: #2563eb; --muted: #6b7280; --border: #d1d5db; --target: #f43f5e; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header { padding: 16px 24px; border-bottom: 1px solid var(--border); }
h1 { margin: 0 0 6px; font-size: 20px; overflow-wrap: anywhere; }
h2 { margin: 0 0 8px; font-size: 16px; }
h3 { margin: 16px 0 4px; font-size: 13px; text-transform: uppercase; color: var(--muted); }
.outcome { margin: 0 0 4px; font-weight: 600; }
.outcome[data-kind="done"] { color: #16a34a; }
.outcome[data-kind="fail"], .outcome[data-kind="error"] { color: #dc2626; }
.meta { margin: 0; color: var(--muted); font-size: 12px; }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(280px, 2fr); gap: 16px; padding: 16px 24px; }
@media (max-width: 900px) { main { grid-template-columns: 1fr; } }
.frame { position: relative; border: 1px solid var(--border); background: #111; min-height: 120px; }
.frame img { display: block; width: 100%; height: auto; }
.frame svg { position: absolute; inset: 0; width: 100%; height: 100%; pointer-events: none; }
.frame p { color: #eee; padding: 40px; text-align: center; margin: 0; }
.target circle { fill: rgba(244, 63, 94, 0.25); stroke: var(--target); stroke-width: 3; vector-effect: non-scaling-stroke; }
.target line, .drag-line { stroke: var(--target); stroke-width: 2; vector-effect: non-scaling-stroke; }
.drag-line { stroke-dasharray: 8 6; }
.target-to circle { fill: rgba(37, 99, 235, 0.3); stroke: var(--accent); }
.target-to line { stroke: var(--accent); }
.controls { display: flex; align-items: center; gap: 8px; margin-top: 8px; }
.controls input[type="range"] { flex: 1; }
button { font: inherit; padding: 4px 12px; border: 1px solid var(--border); border-radius: 6px; background: transparent; color: inherit; cursor: pointer; }
button:disabled { opacity: 0.4; cursor: default; }
.action { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; overflow-wrap: anywhere; }
.error { color: #dc2626; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; padding: 8px; border: 1px solid var(--border); border-radius: 6px; max-height: 40vh; overflow: auto; font-size: 12px; }
table { border-collapse: collapse; font-size: 12px; }
td { padding: 2px 12px 2px 0; }
td:last-child { text-align: right; font-variant-numeric: tabular-nums; }
#warnings { color: #b45309; margin: 0 24px 16px; }
`;
