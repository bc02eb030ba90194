import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/core/analysis/analyze';
import type { ActionsSection, FieldSection, TimelineSection, WhysSection } from '../../server/src/core/language/ast';
import { importMarkdown, NotAPostmortemError } from '../../server/src/core/import/importMarkdown';

const CORPUS = join(import.meta.dirname, '..', 'import', 'corpus');
const read = (name: string) => readFileSync(join(CORPUS, name), 'utf8');
const imported = (markdown: string) => analyze(importMarkdown(markdown).text, { today: '2026-06-01' });

function section<T>(analysis: ReturnType<typeof analyze>, name: string): T {
  const found = analysis.ast.sections.find((s) => s.name === name);
  assert.ok(found, `no ${name}: section`);
  return found as T;
}

const fieldsOf = (analysis: ReturnType<typeof analyze>) =>
  Object.fromEntries(section<FieldSection>(analysis, 'incident').fields.map((f) => [f.key.name, f.value?.text]));

const actionsOf = (analysis: ReturnType<typeof analyze>) =>
  section<ActionsSection>(analysis, 'actions').items.map((item): Record<string, string | undefined> => ({
    id: item.id,
    ...Object.fromEntries(item.fields.map((f) => [f.key.name, f.value?.text])),
  }));

/**
 * Every word of the Markdown is in the result. Structural text is left out of the comparison:
 * headings, table header rows, `Label:` lines, the labels of `Label: value` lines and of
 * two-column fact tables; and the words the importer rewrites by design, month and weekday
 * names (dates become ISO dates) and action statuses (they become the language's statuses).
 */
function contentWords(markdown: string): string[] {
  const words: string[] = [];
  const lines = markdown.split('\n');
  const REWRITTEN = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*$|^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*day$|^at$/;
  let twoColumnTable = false;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line.startsWith('|') && /^\|[|: -]*-[|: -]*$/.test(lines[i + 1]?.trim() ?? '')) {
      twoColumnTable = line.split('|').length === 4;
      return; // a header row
    }
    if (!line || /^#{1,6}\s/.test(line) || /^[=-]{3,}$/.test(line) || /^[|: -]+$/.test(line)) return;
    if (/^=+$|^-+$/.test(lines[i + 1]?.trim() ?? '')) return; // a setext heading
    if (line.startsWith('|')) {
      let cells = line.split('|').slice(1, -1);
      if (twoColumnTable) cells = cells.slice(1);
      for (const cell of cells) {
        if (/^\s*(?:in progress|not started|done|completed|to do|won't do)\s*$/i.test(cell)) continue;
        words.push(...wordsOf(cell));
      }
      return;
    }
    const text = line.replace(/^(?:[-*+]|\d+[.)])\s+/, '').replace(/^\[[ xX]\]\s*/, '');
    const labelled = /^(?:\*\*)?([^:*]{1,60}?)(?:\*\*)?:(?:\*\*)?(?:\s+(.*))?$/.exec(text);
    if (labelled && !/\d$/.test(labelled[1])) words.push(...wordsOf(labelled[2] ?? '').filter((w) => !/^(?:to|do)$/.test(w) || !/status/i.test(labelled[1])));
    else words.push(...wordsOf(text));
  });
  return words.filter((w) => !REWRITTEN.test(w));
}

/** Letters and digits apart, so that `sev 3` and `SEV3` hold the same words. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/\p{L}+|\p{N}+/gu) ?? [];
}

function missingWords(markdown: string, output: string): string[] {
  const available = new Map<string, number>();
  for (const word of wordsOf(output)) available.set(word, (available.get(word) ?? 0) + 1);
  const missing: string[] = [];
  for (const word of contentWords(markdown)) {
    const left = available.get(word) ?? 0;
    if (left > 0) available.set(word, left - 1);
    else missing.push(word);
  }
  return missing;
}

describe('postmortem import: Markdown written from the template', () => {
  for (const name of readdirSync(CORPUS).filter((f) => f.endsWith('.md'))) {
    it(`keeps every word of ${name}`, () => {
      const markdown = read(name);
      assert.deepEqual(missingWords(markdown, importMarkdown(markdown).text), []);
    });
  }

  it('the word check fails when the importer drops text', () => {
    const markdown = read('classic-template.md');
    const output = importMarkdown(markdown).text.replace('Nobody owns the shared configuration file', 'Nobody owns it');
    assert.deepEqual(missingWords(markdown, output).sort(), ['configuration', 'file', 'shared', 'the']);
  });

  it('reads numbered headings, detail bullets, the timeline table, Why #N lines, factor labels and the action table', () => {
    const analysis = imported(read('classic-template.md'));
    assert.equal(analysis.ast.title?.value?.text, 'Checkout outage after a connection pool change');
    assert.deepEqual(fieldsOf(analysis), {
      started: '2026-03-03 09:12 UTC', resolved: '2026-03-03 09:50 UTC', duration: '38m', services: 'checkout-api, order-worker',
      severity: 'SEV2', 'users affected': 'roughly 1,200 shoppers', functionality: 'placing orders', impact: 'about 300 abandoned carts',
      'detected by': 'error-rate alert on checkout-api', detected: '2026-03-03 09:15 UTC', responded: '2026-03-03 09:17 UTC',
    });
    assert.equal(section<TimelineSection>(analysis, 'timeline').events.length, 7);
    const whys = section<WhysSection>(analysis, 'whys');
    assert.deepEqual(whys.entries.map((e) => e.key.name), ['symptom', 'why 1', 'why 2', 'why 3', 'why 4', 'why 5', 'root cause']);
    assert.equal(whys.entries[1].bullets.length, 1);
    assert.deepEqual(actionsOf(analysis).map((a) => [a.id, a.owner, a.due, a.status]), [
      ['A1', 'Platform Team', '2026-04-15', 'in-progress'],
      ['A2', 'Database Team', '2026-03-20', 'done'],
      ['A3', 'Release Team', '2026-05-01', 'not-started'],
    ]);
    assert.deepEqual(analysis.metrics.durationMinutes, 38);
    assert.deepEqual(analysis.diagnostics.filter((d) => ['PM001', 'PM002', 'PM003', 'PM004', 'PM010', 'PM020', 'PM021'].includes(d.code)), []);
  });

  it('reads a setext title, a header-less fact table, 12-hour times with month names, a numbered whys list, a Root cause heading and checkbox actions', () => {
    const analysis = imported(read('plain-headings.md'));
    assert.equal(analysis.ast.title?.value?.text, 'Search latency regression');
    const fields = fieldsOf(analysis);
    assert.equal(fields.started, '2026-02-14 2:05 PM PST');
    assert.equal(fields.severity, 'SEV3');
    const events = section<TimelineSection>(analysis, 'timeline').events;
    assert.equal(events.length, 4);
    assert.equal(events[1].bullets.length, 1);
    // `All times are in PST.` gives each time its zone; the 12-hour clock stays as written.
    assert.match(importMarkdown(read('plain-headings.md')).text, /^ {2}2:40 PM PST {2}Customer support reports slow searches$/m);
    const whys = section<WhysSection>(analysis, 'whys');
    assert.deepEqual(whys.entries.map((e) => e.key.name), ['why 1', 'why 2', 'why 3', 'why 4', 'why 5', 'root cause']);
    assert.deepEqual(actionsOf(analysis), [
      { id: 'A1', owner: '@ines', due: '2026-03-01', status: 'not-started' },
      { id: 'A2', owner: '@bo', priority: 'P2', status: 'done' },
      { id: 'A3', owner: '@search-team', due: '2026-03-15', status: 'not-started' },
    ]);
    const text = importMarkdown(read('plain-headings.md')).text;
    assert.match(text, /# Imported from Markdown line 77 under "Where we got lucky"; not placed in a section:\n {2}- The regression hit on a quiet Saturday/);
  });

  it('reads columns in any order, bold labels, a near miss, and statuses written as words', () => {
    const analysis = imported(read('columns-reordered.md'));
    assert.equal(analysis.ast.title?.value?.text, 'Payment webhook backlog');
    assert.equal(analysis.incidentType, 'near-miss');
    const events = section<TimelineSection>(analysis, 'timeline').events;
    assert.deepEqual(events.map((e) => e.text?.text), [
      'Broker primary restarts for patching (Who: automation)', 'Queue age alert pages on-call (Who: pager)',
      'Dispatcher reconnected to the new primary (Who: @kai)', 'Backlog drained',
    ]);
    assert.deepEqual(actionsOf(analysis).map((a) => [a.id, a.status, a.priority, a.due]), [
      ['A1', 'done', 'P2', '2026-05-20'], ['A2', 'in-progress', 'P3', '2026-06-30'], ['A3', 'dropped', 'P4', '2026-05-15'],
    ]);
    assert.equal(analysis.metrics.timeToMitigateMinutes, 21);
  });

  it('reads one-fact headings (### Date, ### Authors, ### Impact), a paragraph under Root Causes, and a date line over the timeline', () => {
    const text = importMarkdown(read('sre-book-style.md')).text;
    const analysis = analyze(text, { today: '2026-11-29' });
    assert.match(text, /^date: 2026-09-17\nauthors: ramon, lee, @cache-oncall$/m);
    const fields = fieldsOf(analysis);
    assert.match(fields.impact ?? '', /^Roughly 2\.1 million page views .* during the window\.$/);
    assert.match(fields['detected by'] ?? '', /^A synthetic page check/);
    assert.equal(fields.resolved, undefined, 'prose under "Resolution" is no time');
    assert.match(text, /under "Resolution"; not placed in a section:\n {2}Read traffic was pointed back at the old cluster/);
    const whys = section<WhysSection>(analysis, 'whys');
    assert.match(whys.entries[0].value?.text ?? '', /^The migration script .* under memory pressure\.$/);
    const events = section<TimelineSection>(analysis, 'timeline').events;
    assert.equal(events[0].timestamp.raw.trim(), '2026-09-16 09:40 UTC');
    assert.equal(events.length, 6);
  });

  it('reads a timeline line that starts with an hour alone (2 PM PDT, around 11 AM PDT) as an event', () => {
    // As a write-up of Roblox's October 2021 outage might list them, in our own words.
    const markdown = '# Discovery outage\n\n## Timeline\n\n- October 28, 2021 1:37 PM PDT: Services fail\n- 2 PM PDT: Incident call opened\n- around 11 AM PDT: Streaming rolled back\n- 2 engineers joined\n';
    const { text } = importMarkdown(markdown);
    assert.match(text, /\ntimeline:\n {2}2021-10-28 1:37 PM PDT {2}Services fail\n {2}2 PM PDT {2}Incident call opened\n {2}around 11 AM PDT {2}Streaming rolled back\n/);
    // A number without AM or PM starts no event.
    assert.match(text, /- 2 engineers joined/);
  });

  it('refuses Markdown with no section of a postmortem', () => {
    assert.throws(() => importMarkdown('# Shopping list\n\n- eggs\n- milk\n\n## Notes\n\nbuy early\n'), NotAPostmortemError);
    assert.throws(() => importMarkdown(''), NotAPostmortemError);
    assert.throws(() => importMarkdown('Just a paragraph about incidents.\n'), NotAPostmortemError);
  });

  it('never throws anything else on odd Markdown', () => {
    const odd = ['## Timeline\n|', '## Timeline\n| a |\n|---|\n', '## Action items\n| Action |\n|---|\n| |\n', '## Five whys\n- \n1.\n', '## Summary\n```\nunclosed', '## Timeline\n- 99:99 nothing\n  - x'];
    for (const markdown of odd) assert.doesNotThrow(() => importMarkdown(markdown), markdown);
  });
});
