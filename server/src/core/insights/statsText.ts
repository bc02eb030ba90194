import { formatMinutes } from '../language/time';
import type { StatsReport } from './stats';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function minutes(value: number | null): string {
  return value === null ? '-' : formatMinutes(Math.round(value));
}

/** A bar of at most `width` cells for a count out of `max`. */
function bar(count: number, max: number, width = 30): string {
  return '█'.repeat(max ? Math.round((count / max) * width) : 0) || (count ? '▏' : '');
}

/** `postmortem stats` for a terminal: short lines, bars made of text, the problems last. */
export function formatStatsText(report: StatsReport, colour: boolean): string {
  const bold = (text: string) => (colour ? `\u001b[1m${text}\u001b[0m` : text);
  const { stats } = report;
  const lines: string[] = [];
  lines.push(bold(`Postmortem stats as of ${report.today}`), '');
  lines.push(`${plural(stats.incidents, 'incident')}, ${stats.nearMisses} near miss${stats.nearMisses === 1 ? '' : 'es'}, ${plural(stats.drills, 'drill')}`, '');

  const tally = (title: string, counts: Record<string, number>) => {
    lines.push(bold(title));
    const entries = Object.entries(counts);
    if (!entries.length) lines.push('  none recorded');
    const width = Math.max(...entries.map(([name]) => name.length), 0);
    const max = Math.max(...entries.map(([, n]) => n), 0);
    for (const [name, count] of entries) lines.push(`  ${name.padEnd(width)}  ${String(count).padStart(4)}  ${bar(count, max)}`);
    lines.push('');
  };
  tally('By severity', stats.bySeverity);
  tally('By service', stats.byService);

  lines.push(bold('Medians'));
  const medians: [string, keyof typeof stats.medians][] = [
    ['duration', 'durationMinutes'],
    ['time to detect', 'timeToDetectMinutes'],
    ['time to respond', 'timeToRespondMinutes'],
    ['time to mitigate', 'timeToMitigateMinutes'],
  ];
  for (const [label, key] of medians) lines.push(`  ${label.padEnd(16)}  ${minutes(stats.medians[key].value).padStart(8)}  over ${plural(stats.medians[key].over, 'incident')}`);
  lines.push('');

  lines.push(bold('Incidents per month'));
  if (!stats.byMonth.length) lines.push('  no incident has a readable start time');
  const maxMonth = Math.max(...stats.byMonth.map((m) => m.incidents), 0);
  for (const month of stats.byMonth) {
    lines.push(`  ${month.month}  ${String(month.incidents).padStart(4)}  ${bar(month.incidents, maxMonth).padEnd(30)}  median ${minutes(month.medianDurationMinutes)}`);
  }
  lines.push('');

  const { actions } = stats;
  lines.push(bold('Action items'));
  lines.push(`  ${actions.total} in all: ${actions.open} open (${actions.overdue} overdue), ${actions.done} done, ${actions.verified} verified, ${actions.dropped} dropped`);
  if (actions.medianOpenAgeDays !== null) lines.push(`  open items are ${actions.medianOpenAgeDays} days old (median)`);
  lines.push('');

  lines.push(bold('Recurring (incidents of one service within 90 days)'));
  if (!stats.recurring.length) lines.push('  none');
  for (const entry of stats.recurring) lines.push(`  ${entry.service}: ${entry.incidents.join(', ')}`);
  lines.push('');

  lines.push(bold('Related (alike root causes and contributing factors)'));
  if (!stats.related.length) lines.push('  none');
  for (const pair of stats.related) lines.push(`  ${pair.a} ~ ${pair.b}  ${pair.score.toFixed(2)}  ${pair.shared.join(', ')}`);
  lines.push('');
  return `${lines.join('\n')}`;
}
