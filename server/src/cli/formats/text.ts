import type { Severity } from '../../core/analysis/types';
import { escapeForTerminal } from '../../core/render/escape';
import type { FileReport, Summary } from '../report';

const COLOURS: Record<Severity, string> = { error: '31', warning: '33', information: '36', hint: '90' };

function paint(colour: boolean, code: string, text: string): string {
  return colour ? `\u001b[${code}m${text}\u001b[0m` : text;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * One line per diagnostic, `file:line:col severity code message` with 1-based line and column,
 * the shape editors' problem matchers read; then a summary line. Control characters in paths and
 * messages are shown escaped, so each record is one line and no text can drive the terminal.
 */
export function formatText(reports: readonly FileReport[], summary: Summary, colour: boolean): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const d of report.diagnostics) {
      const where = `${escapeForTerminal(report.path)}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      const message = escapeForTerminal(d.message.replace(/\s*[\r\n]+\s*/g, ' '));
      lines.push(`${where} ${paint(colour, COLOURS[d.severity], d.severity)} ${paint(colour, '2', d.code)} ${message}`);
    }
  }
  lines.push(formatSummary(summary));
  return lines.join('\n') + '\n';
}

export function formatSummary(summary: Summary): string {
  return `${plural(summary.files, 'file', 'files')} checked: ${plural(summary.errors, 'error', 'errors')}, ${plural(summary.warnings, 'warning', 'warnings')}, ${summary.information} information, ${plural(summary.hints, 'hint', 'hints')}`;
}
