import { REPORT_CSS } from './styles';

/**
 * The insights page's styles: the report's own and the charts'. Apart from the page so the
 * extension's webview can use them without the figures, the time formats or Node's crypto.
 */
const INSIGHTS_CSS = `
.pm-ins-subtitle { color: var(--pm-muted); margin: 0; }
.pm-ins-cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 10px; margin: 14px 0 0; }
.pm-ins-card { border: 1px solid var(--pm-border); border-radius: 10px; background: var(--pm-surface); padding: 10px 14px; }
.pm-ins-card strong { display: block; font-size: 1.7em; font-weight: 650; line-height: 1.2; }
.pm-ins-card span { color: var(--pm-muted); font-size: 0.9em; }
.pm-ins-card-alert strong { color: var(--pm-red); }
.pm-ins-figure { margin: 0 0 18px; break-inside: avoid; }
.pm-ins-figure figcaption { font-weight: 600; margin: 0 0 4px; }
.pm-ins-chart { width: 100%; height: auto; display: block; }
.pm-ins-grid { stroke: var(--pm-border); stroke-width: 1; }
.pm-ins-tick { fill: var(--pm-muted); font-size: 11px; font-family: var(--pm-font); }
.pm-ins-bar { fill: var(--pm-blue); }
.pm-ins-line { fill: none; stroke: var(--pm-purple); stroke-width: 2; }
.pm-ins-dot { fill: var(--pm-purple); }
.pm-ins-medians { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 0 18px; }
.pm-ins-legend { list-style: none; padding: 0; margin: 6px 0 0; display: flex; flex-wrap: wrap; gap: 4px 18px; }
.pm-ins-swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
.pm-ins-overdue { fill: var(--pm-red); background: var(--pm-red); }
.pm-ins-open { fill: var(--pm-yellow); background: var(--pm-yellow); }
.pm-ins-done { fill: var(--pm-blue); background: var(--pm-blue); }
.pm-ins-verified { fill: var(--pm-green); background: var(--pm-green); }
.pm-ins-dropped { fill: var(--pm-gray); background: var(--pm-gray); }
.pm-ins-tables { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 18px; }
.pm-ins-num { text-align: right; font-variant-numeric: tabular-nums; }
.pm-ins-problems li { color: var(--pm-orange); }
@media print {
  .pm-standalone { background: #fff; color: #000; }
  .pm-report { max-width: none; padding: 0; }
  .pm-section, .pm-ins-figure, .pm-ins-card, table { break-inside: avoid; }
}
`;

export const PAGE_CSS = `${REPORT_CSS}\n${INSIGHTS_CSS}`;

export function insightsStyles(): string {
  return PAGE_CSS;
}
