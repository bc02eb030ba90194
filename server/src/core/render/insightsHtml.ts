import { formatMinutes } from '../language/time';
import { standalonePage } from './standalonePage';
import type { StatsReport } from '../insights/stats';
import { METRIC_KEYS } from '../insights/stats';
import { METRIC_VIEWS } from './documentFacts';
import { escapeHtml } from './escape';
import type { RenderTheme } from './html';
import { barChart, lineChart, stackedBar } from './insightsCharts';
import { PAGE_CSS } from './insightsStyles';

/**
 * The insights page: `postmortem stats --format html` and the "Open Insights" webview. It is
 * the preview's report (same stylesheet, same `--pm-*` theme colours, same escaping) with charts
 * of its own; it holds no script, and document text only ever reaches it escaped.
 */


export interface InsightsRenderOptions {
  /** A whole HTML document with the CSS inlined and no scripts; otherwise the fragment. */
  standalone?: boolean;
  theme?: RenderTheme;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function minutes(value: number | null): string {
  return value === null ? '—' : formatMinutes(Math.round(value));
}

function section(title: string, body: string): string {
  return `<section class="pm-section"><h2>${escapeHtml(title)}</h2>${body}</section>`;
}

function table(headings: string[], rows: string[][], numeric: boolean[] = []): string {
  const cell = (tag: string, i: number, text: string) => `<${tag}${numeric[i] ? ' class="pm-ins-num"' : ''}>${text}</${tag}>`;
  return [
    '<table><thead><tr>',
    headings.map((h, i) => cell('th', i, escapeHtml(h))).join(''),
    '</tr></thead><tbody>',
    rows.map((row) => `<tr>${row.map((text, i) => cell('td', i, text)).join('')}</tr>`).join(''),
    '</tbody></table>',
  ].join('');
}

function tally(title: string, counts: Record<string, number>, what: string): string {
  const rows = Object.entries(counts).map(([name, count]) => [escapeHtml(name), String(count)]);
  return `<div><h3>${escapeHtml(title)}</h3>${rows.length ? table([what, 'Incidents'], rows, [false, true]) : '<p class="pm-empty">None recorded.</p>'}</div>`;
}

/** The insights report as HTML: a fragment for the webview, or a standalone page. */
export function renderInsights(report: StatsReport, options: InsightsRenderOptions = {}): string {
  const body = insightsFragment(report);
  if (!options.standalone) return body;
  return standalonePage({ title: 'Postmortem insights', css: PAGE_CSS, body, theme: options.theme ?? 'auto' });
}

/** The stylesheet the webview adds with its nonce (the report's own comes with the preview frame). */
function insightsFragment(report: StatsReport): string {
  const { stats } = report;
  const { actions } = stats;
  const card = (value: number | string, label: string, alert = false) =>
    `<div class="pm-ins-card${alert ? ' pm-ins-card-alert' : ''}"><strong>${escapeHtml(String(value))}</strong><span>${escapeHtml(label)}</span></div>`;
  const parts: string[] = [
    '<article class="pm-report pm-insights">',
    '<header>',
    '<h1>Postmortem insights</h1>',
    `<p class="pm-ins-subtitle">${escapeHtml(`${plural(report.postmortems, 'postmortem')}, as of ${report.today}`)}</p>`,
    '<div class="pm-ins-cards">',
    card(stats.incidents, 'incidents'),
    card(stats.nearMisses, 'near misses'),
    card(stats.drills, 'drills'),
    card(minutes(stats.medians.durationMinutes.value), 'median duration'),
    card(actions.open, 'open action items'),
    card(actions.overdue, 'overdue', actions.overdue > 0),
    '</div>',
    '</header>',
  ];
  if (report.problems.length) {
    parts.push(section('Problems', `<ul class="pm-ins-problems">${report.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>`));
  }
  parts.push(
    section(
      'Incidents per month',
      barChart(
        'Incidents per month',
        stats.byMonth.map((m) => ({ label: m.month, value: m.incidents, title: `${m.month}: ${plural(m.incidents, 'incident')}, median duration ${minutes(m.medianDurationMinutes)}` })),
      ),
    ),
  );
  const medianCharts = METRIC_KEYS.map((key) => {
    const view = METRIC_VIEWS.find((v) => v.key === key)!;
    const figure = stats.medians[key];
    const caption = `${view.label}: median ${minutes(figure.value)} over ${plural(figure.over, 'incident')}`;
    return lineChart(caption, report.trend.map((m) => ({ label: m.month, value: m.medians[key] })), 'min');
  });
  parts.push(section('Medians over time', `<div class="pm-ins-medians">${medianCharts.join('')}</div>`));
  const dueLater = actions.open - actions.overdue;
  const unknown = actions.total - actions.open - actions.done - actions.verified - actions.dropped;
  parts.push(
    section(
      'Action items',
      stackedBar(`${plural(actions.total, 'action item')}${actions.medianOpenAgeDays === null ? '' : `; open items are ${actions.medianOpenAgeDays} days old (median)`}`, [
        { label: 'Overdue', value: actions.overdue, tone: 'overdue' },
        { label: 'Open', value: dueLater, tone: 'open' },
        { label: 'Done', value: actions.done, tone: 'done' },
        { label: 'Verified', value: actions.verified, tone: 'verified' },
        { label: 'Dropped', value: actions.dropped, tone: 'dropped' },
        ...(unknown > 0 ? [{ label: 'Unknown status', value: unknown, tone: 'dropped' }] : []),
      ]),
    ),
  );
  parts.push(section('Where incidents happen', `<div class="pm-ins-tables">${tally('By severity', stats.bySeverity, 'Severity')}${tally('By service', stats.byService, 'Service')}</div>`));
  parts.push(
    section(
      'Recurring',
      stats.recurring.length
        ? table(['Service', 'Incidents within 90 days of each other'], stats.recurring.map((r) => [escapeHtml(r.service), escapeHtml(r.incidents.join(', '))]))
        : '<p class="pm-empty">No service had two incidents within 90 days.</p>',
    ),
  );
  parts.push(
    section(
      'Related incidents',
      stats.related.length
        ? table(['Incident', 'Incident', 'Score', 'Shared terms'], stats.related.map((r) => [escapeHtml(r.a), escapeHtml(r.b), r.score.toFixed(2), escapeHtml(r.shared.join(', '))]), [false, false, true, false])
        : '<p class="pm-empty">No two incidents have alike root causes or contributing factors.</p>',
    ),
  );
  parts.push('</article>');
  return parts.join('\n');
}
