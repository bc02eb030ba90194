// Prints GitHub workflow commands (`::warning file=…,line=…::message`) for the findings in a
// `postmortem check --format json` report: `node annotations.mjs REPORT.json [BASE_SHA]`.
// With the pull request's base commit, only findings on lines the pull request added or changed
// are annotated (the rest are in the SARIF upload and the log); without it, every finding is.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const LEVELS = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Workflow command escaping: data, and property values, which also escape `:` and `,`. */
const escapeData = (text) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** Lines (1-based) each file gained or changed since `base`, from `git diff --unified=0`. */
export function changedLines(base, files) {
  const diff = execFileSync('git', ['diff', '--unified=0', '--no-color', '--no-ext-diff', `${base}...HEAD`, '--', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const changed = new Map();
  let current;
  for (const line of diff.split('\n')) {
    const file = /^\+\+\+ (?:b\/(.*)|\/dev\/null)$/.exec(line);
    if (file) {
      current = file[1] === undefined ? undefined : new Set();
      if (current) changed.set(file[1], current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let n = start; n < start + count; n++) current.add(n);
    }
  }
  return changed;
}

export function annotations(report, changed) {
  const commands = [];
  for (const file of report.files) {
    const lines = changed?.get(file.path);
    for (const d of file.diagnostics) {
      const line = d.range.start.line + 1;
      if (changed && !lines?.has(line)) continue;
      const properties = [
        `file=${escapeProperty(file.path)}`,
        `line=${line}`,
        `endLine=${d.range.end.line + 1}`,
        `col=${d.range.start.character + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${escapeProperty(d.code)}`,
      ];
      commands.push(`::${LEVELS[d.severity] ?? 'notice'} ${properties.join(',')}::${escapeData(d.message)}`);
    }
  }
  return commands;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [reportPath, base] = process.argv.slice(2);
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  let changed;
  if (base) {
    try {
      changed = changedLines(base, report.files.map((f) => f.path));
    } catch (error) {
      process.stdout.write(`::notice title=postmortem::The base commit ${base} is not in this checkout (use actions/checkout with fetch-depth: 0); every finding is annotated.\n`);
    }
  }
  const commands = annotations(report, changed);
  process.stdout.write(commands.length ? `${commands.join('\n')}\n` : '');
}
