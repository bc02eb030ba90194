/**
 * The report's stylesheet, shared by the standalone HTML (inlined) and the preview (with a
 * nonce). Colours come only from the `--pm-*` custom properties: the standalone document sets
 * them per theme below; the preview maps them to VS Code's `--vscode-*` theme colours in
 * `media/preview.css`.
 */

const LIGHT = `
  --pm-fg: #1f2328; --pm-bg: #ffffff; --pm-muted: #59636e; --pm-border: #d1d9e0; --pm-surface: #f6f8fa;
  --pm-accent: #0969da; --pm-red: #cf222e; --pm-orange: #bc4c00; --pm-yellow: #9a6700; --pm-green: #1a7f37;
  --pm-blue: #0969da; --pm-purple: #8250df; --pm-gray: #6e7781;`;

const DARK = `
  --pm-fg: #e6edf3; --pm-bg: #0d1117; --pm-muted: #9198a1; --pm-border: #3d444d; --pm-surface: #151b23;
  --pm-accent: #4493f8; --pm-red: #f85149; --pm-orange: #db6d28; --pm-yellow: #d29922; --pm-green: #3fb950;
  --pm-blue: #4493f8; --pm-purple: #ab7df8; --pm-gray: #9198a1;`;

export const REPORT_CSS = `
:root {${LIGHT}
  --pm-font: system-ui, -apple-system, "Segoe UI", "Liberation Sans", "DejaVu Sans", sans-serif;
  --pm-mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
  --pm-font-size: 14px;
  color-scheme: light;
}
[data-theme="dark"] {${DARK} color-scheme: dark; }
@media (prefers-color-scheme: dark) { [data-theme="auto"] {${DARK} color-scheme: dark; } }
.pm-standalone { margin: 0; background: var(--pm-bg); color: var(--pm-fg); }
.pm-report {
  box-sizing: border-box; max-width: 1040px; margin: 0 auto; padding: 24px 28px 48px;
  font-family: var(--pm-font); font-size: var(--pm-font-size); line-height: 1.5; color: var(--pm-fg);
  overflow-wrap: anywhere;
}
.pm-report *, .pm-report *::before, .pm-report *::after { box-sizing: border-box; }
.pm-report h1 { font-size: 1.9em; line-height: 1.25; margin: 6px 0 10px; font-weight: 650; }
.pm-report h2 {
  font-size: 1.3em; margin: 0 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--pm-border); font-weight: 600;
}
.pm-report h3 { font-size: 0.8em; margin: 0 0 6px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--pm-muted); }
.pm-report p { margin: 0 0 8px; }
.pm-report ul { margin: 4px 0 0; padding-left: 20px; }
.pm-report li { margin: 2px 0; }
.pm-report code, .pm-report time { font-family: var(--pm-mono); font-size: 0.92em; }
.pm-report table { border-collapse: collapse; width: 100%; }
.pm-report th, .pm-report td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid var(--pm-border); }
.pm-report thead th { white-space: nowrap; font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.05em; color: var(--pm-muted); font-weight: 600; }
.pm-missing, .pm-empty { color: var(--pm-muted); font-style: italic; }
.pm-invalid { color: var(--pm-red); text-decoration: underline wavy var(--pm-red); }
.pm-unparsed { border-left: 3px solid var(--pm-orange); padding-left: 0.5em; }
.pm-unparsed-label { color: var(--pm-orange); font-weight: 600; }
.pm-written, .pm-approximate { color: var(--pm-muted); }
.pm-section { margin: 28px 0 0; }
.pm-card { border: 1px solid var(--pm-border); border-radius: 10px; background: var(--pm-surface); padding: 18px 22px; }

/* Header */
.pm-badges { display: flex; flex-wrap: wrap; gap: 6px; }
.pm-badge {
  display: inline-block; padding: 1px 10px; border-radius: 999px; font-size: 0.78em; font-weight: 650;
  letter-spacing: 0.03em; border: 1px solid currentColor; text-transform: uppercase;
}
.pm-badge-incident { color: var(--pm-blue); }
.pm-badge-near-miss { color: var(--pm-yellow); }
.pm-badge-drill { color: var(--pm-purple); }
.pm-sev0, .pm-sev1 { color: #fff; background: var(--pm-red); border-color: var(--pm-red); }
.pm-sev2 { color: #fff; background: var(--pm-orange); border-color: var(--pm-orange); }
.pm-sev3 { color: var(--pm-yellow); }
.pm-sev4 { color: var(--pm-blue); }
.pm-sev5, .pm-sev-unknown { color: var(--pm-gray); }
.pm-doc-draft { color: var(--pm-gray); }
.pm-doc-review { color: var(--pm-purple); }
.pm-doc-final { color: var(--pm-green); }
.pm-doc-unknown { color: var(--pm-gray); }
.pm-meta { display: flex; flex-wrap: wrap; gap: 6px 28px; margin: 0; }
.pm-meta-item { display: flex; gap: 8px; }
.pm-meta dt { color: var(--pm-muted); }
.pm-meta dd { margin: 0; font-weight: 500; }

/* Problems banner */
.pm-problems {
  margin: 14px 0 0; padding: 8px 14px; border-radius: 8px; border: 1px solid var(--pm-border);
  border-left: 4px solid var(--pm-green); font-size: 0.92em;
}
.pm-problems-warning { border-left-color: var(--pm-yellow); }
.pm-problems-error { border-left-color: var(--pm-red); }
.pm-problems summary { cursor: pointer; }
.pm-problems-icon::before { content: "✓"; color: var(--pm-green); font-weight: 700; margin-right: 8px; }
.pm-problems-warning .pm-problems-icon::before { content: "!"; color: var(--pm-yellow); }
.pm-problems-error .pm-problems-icon::before { content: "✕"; color: var(--pm-red); }
.pm-problems ul { list-style: none; padding: 0; margin: 8px 0 2px; }
.pm-problem { padding: 2px 0; }
.pm-problem-where { color: var(--pm-muted); font-family: var(--pm-mono); font-size: 0.9em; }
.pm-problem-error code { color: var(--pm-red); }
.pm-problem-warning code { color: var(--pm-yellow); }

/* Incident */
.pm-metrics { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; margin: 0 0 14px; }
.pm-metric { border: 1px solid var(--pm-border); border-radius: 8px; padding: 10px 14px; background: var(--pm-surface); cursor: help; }
.pm-metric dt { font-size: 0.78em; text-transform: uppercase; letter-spacing: 0.05em; color: var(--pm-muted); }
.pm-metric dd { margin: 2px 0 0; font-size: 1.55em; font-weight: 650; font-variant-numeric: tabular-nums; }
.pm-metric-missing dd { color: var(--pm-muted); }
.pm-fields th { width: 170px; color: var(--pm-muted); font-weight: 500; }

/* Timeline */
.pm-chart { margin: 0 0 12px; padding: 10px 8px 4px; border: 1px solid var(--pm-border); border-radius: 8px; background: var(--pm-surface); }
.pm-chart-svg { display: block; width: 100%; height: auto; font-family: var(--pm-font); }
.pm-chart-axis { stroke: var(--pm-muted); stroke-width: 1.5; }
.pm-chart-gridline { stroke: var(--pm-muted); stroke-width: 1; }
.pm-chart-tick { fill: var(--pm-muted); font-size: 11px; font-family: var(--pm-mono); }
.pm-chart-impact { fill: var(--pm-red); fill-opacity: 0.18; }
.pm-chart-recovery { fill: var(--pm-orange); fill-opacity: 0.14; }
.pm-chart-moment line { stroke-width: 1.5; stroke-dasharray: 3 2; stroke: currentColor; }
.pm-chart-moment text { fill: currentColor; font-size: 11px; font-weight: 600; }
.pm-moment-started { color: var(--pm-red); }
.pm-moment-detected { color: var(--pm-orange); }
.pm-moment-responded { color: var(--pm-purple); }
.pm-moment-mitigated { color: var(--pm-blue); }
.pm-moment-resolved { color: var(--pm-green); }
.pm-chart-event { fill: var(--pm-accent); stroke: var(--pm-surface); stroke-width: 1.5; }
.pm-chart-merged { fill: var(--pm-purple); }
.pm-chart-event.pm-chart-approximate { fill: var(--pm-surface); stroke: var(--pm-accent); stroke-dasharray: 2 1.5; }
.pm-chart-moment.pm-chart-approximate line { stroke-dasharray: 1 3; }
.pm-legend { display: flex; gap: 16px; justify-content: flex-end; font-size: 0.78em; color: var(--pm-muted); padding: 0 12px; }
.pm-legend span::before { content: ""; display: inline-block; width: 10px; height: 10px; margin-right: 5px; border-radius: 2px; vertical-align: -1px; }
.pm-legend-impact::before { background: color-mix(in srgb, var(--pm-red) 30%, transparent); }
.pm-legend-recovery::before { background: color-mix(in srgb, var(--pm-orange) 25%, transparent); }
.pm-legend-event::before { background: var(--pm-accent); border-radius: 50% !important; }
.pm-legend-approximate::before { border: 1.5px dashed var(--pm-accent); border-radius: 50% !important; box-sizing: border-box; }
.pm-events td { padding-top: 4px; padding-bottom: 4px; }
.pm-event-time { white-space: nowrap; width: 1%; }
.pm-event-offset { white-space: nowrap; width: 1%; color: var(--pm-muted); font-family: var(--pm-mono); font-size: 0.88em; }
.pm-day { color: var(--pm-muted); }

/* Whys */
.pm-chain { list-style: none; margin: 0; padding: 0; }
.pm-chain > .pm-chain-step {
  position: relative; margin: 0 0 18px; padding: 8px 14px; border: 1px solid var(--pm-border);
  border-left: 4px solid var(--pm-accent); border-radius: 8px; background: var(--pm-surface);
}
.pm-chain-step + .pm-chain-step::before {
  content: "↓"; position: absolute; top: -19px; left: 18px; color: var(--pm-muted); font-size: 13px; line-height: 18px;
}
.pm-chain-step p { margin: 0; }
.pm-chain-label { display: block; font-size: 0.75em; text-transform: uppercase; letter-spacing: 0.06em; color: var(--pm-muted); font-weight: 650; }
.pm-chain > .pm-chain-symptom { border-left-color: var(--pm-orange); }
.pm-chain > .pm-chain-root { border-left-color: var(--pm-green); border-left-width: 6px; }
.pm-chain-root p { font-weight: 600; }

/* Factors and lessons */
.pm-categories { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px; }
.pm-category { border: 1px solid var(--pm-border); border-radius: 8px; padding: 10px 14px; border-top: 3px solid var(--pm-gray); }
.pm-category-process { border-top-color: var(--pm-blue); }
.pm-category-technical { border-top-color: var(--pm-purple); }
.pm-category-cultural { border-top-color: var(--pm-orange); }
.pm-category-environmental { border-top-color: var(--pm-green); }
.pm-category-went-well { border-top-color: var(--pm-green); }
.pm-category-could-improve { border-top-color: var(--pm-orange); }
.pm-category-surprised-us { border-top-color: var(--pm-purple); }
.pm-category-changing { border-top-color: var(--pm-blue); }

/* Action items */
.pm-actions-summary { color: var(--pm-muted); font-size: 0.9em; }
.pm-overdue-count { color: var(--pm-red); }
.pm-action-id { font-family: var(--pm-mono); font-weight: 600; white-space: nowrap; }
.pm-action-title { font-weight: 500; }
.pm-action-details { margin: 4px 0 0; font-size: 0.88em; color: var(--pm-muted); }
.pm-action-details div { display: flex; gap: 6px; }
.pm-action-details dt { font-weight: 600; white-space: nowrap; flex-shrink: 0; }
.pm-action-details dt::after { content: ":"; }
.pm-action-details dd { margin: 0; }
.pm-action-owner, .pm-action-due { white-space: nowrap; }
.pm-overdue { box-shadow: inset 4px 0 0 var(--pm-red); }
.pm-overdue .pm-action-due { color: var(--pm-red); font-weight: 600; }
.pm-overdue-mark, .pm-status, .pm-priority {
  display: inline-block; padding: 0 8px; border-radius: 999px; font-size: 0.78em; font-weight: 600; white-space: nowrap;
  border: 1px solid currentColor;
}
.pm-overdue-mark { color: #fff; background: var(--pm-red); border-color: var(--pm-red); }
.pm-status-not-started, .pm-status-none, .pm-status-unknown { color: var(--pm-gray); }
.pm-status-in-progress { color: var(--pm-blue); }
.pm-status-blocked { color: var(--pm-red); }
.pm-status-done { color: var(--pm-green); }
.pm-status-verified { color: #fff; background: var(--pm-green); border-color: var(--pm-green); }
.pm-status-dropped { color: var(--pm-gray); text-decoration: line-through; }
.pm-priority-p0 { color: #fff; background: var(--pm-red); border-color: var(--pm-red); }
.pm-priority-p1 { color: var(--pm-red); }
.pm-priority-p2 { color: var(--pm-orange); }
.pm-priority-p3 { color: var(--pm-blue); }
.pm-priority-p4, .pm-priority-unknown { color: var(--pm-gray); }
.pm-link { color: var(--pm-accent); text-decoration: underline; cursor: pointer; }

/* Follow-up */
.pm-followup { list-style: none; padding: 0; }
.pm-followup time { color: var(--pm-muted); margin-right: 8px; }

@media print {
  :root, [data-theme] {${LIGHT} color-scheme: light; }
  .pm-standalone { background: #fff; }
  .pm-report { max-width: none; padding: 0; font-size: 11pt; }
  .pm-report * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .pm-card, .pm-metric, .pm-chart, .pm-chain-step, .pm-category, tr { break-inside: avoid; }
  .pm-report h2 { break-after: avoid; }
}
`;
