import assert from 'node:assert/strict';
import type { Range } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/core/analysis/analyze';
import { applyEdits } from '../../server/src/core/analysis/edits';
import { buildAst } from '../../server/src/core/language/sections/document';
import { parse } from '../../server/src/core/analysis/parse';
import { PostmortemParser } from '../../server/src/core/language/parser';
import type { CategorySection } from '../../server/src/core/language/ast';

/** The text a range covers. */
function textAt(text: string, range: Range): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  const parts = [lines[range.start.line].slice(range.start.character)];
  for (let l = range.start.line + 1; l < range.end.line; l++) parts.push(lines[l]);
  parts.push(lines[range.end.line].slice(0, range.end.character));
  return parts.join('\n');
}

const DOC = `postmortem: Cache outage
id: INC-9

incident:
  Started: 2025-02-14T14:30Z
  impact: many slow pages
    and timeouts on checkout

timeline:
  2025-02-14 14:30 UTC  cache cleared
    - a bullet
  14:35 UTC  warm-up began

whys:
  symptom: slow
  why 1: cold cache
    - keys expired at once
  root cause: no warm-up gate

actions:
  A1: Add a warm-up gate
    owner: @cache
    due: 2025-03-01

lessons:
  went well:
    - quick rollback
`;

describe('parser and AST', () => {
  it('has a grammar that passes Chevrotain\'s validations (skipped when the parser is built for use)', () => {
    assert.doesNotThrow(() => new PostmortemParser({ validate: true }));
  });

  const { document: ast } = buildAst(DOC);

  it('gives every node the exact range of its text', () => {
    assert.equal(textAt(DOC, ast.title!.key.range), 'postmortem');
    assert.equal(textAt(DOC, ast.title!.value!.range), 'Cache outage');
    const incident = ast.sections.find((s) => s.name === 'incident')!;
    assert.equal(textAt(DOC, incident.header.range), 'incident');
    if (incident.name !== 'incident') throw new Error('incident');
    const started = incident.fields[0];
    assert.equal(started.key.name, 'started');
    assert.equal(textAt(DOC, started.key.range), 'Started');
    assert.equal(textAt(DOC, started.timestamp!.range), '2025-02-14T14:30Z');
    assert.equal(textAt(DOC, started.timestamp!.zone.range), 'Z');
    const impact = incident.fields[1];
    assert.equal(impact.value!.text, 'many slow pages and timeouts on checkout');
    assert.equal(textAt(DOC, impact.value!.range), 'many slow pages\n    and timeouts on checkout');

    const timeline = ast.sections.find((s) => s.name === 'timeline')!;
    if (timeline.name !== 'timeline') throw new Error('timeline');
    assert.equal(timeline.events.length, 2);
    assert.equal(textAt(DOC, timeline.events[0].timestamp.range), '2025-02-14 14:30 UTC');
    assert.equal(textAt(DOC, timeline.events[0].text!.range), 'cache cleared');
    assert.equal(textAt(DOC, timeline.events[0].bullets[0].text.range), 'a bullet');
    assert.equal(timeline.events[1].timestamp.effectiveDate?.day, 14);

    const whys = ast.sections.find((s) => s.name === 'whys')!;
    if (whys.name !== 'whys') throw new Error('whys');
    assert.equal(textAt(DOC, whys.whys[0].key.range), 'why 1');
    assert.equal(textAt(DOC, whys.whys[0].numberRange!), '1');
    assert.equal(textAt(DOC, whys.whys[0].bullets[0].range), '- keys expired at once');
    assert.equal(textAt(DOC, whys.rootCause!.value!.range), 'no warm-up gate');

    const actions = ast.sections.find((s) => s.name === 'actions')!;
    if (actions.name !== 'actions') throw new Error('actions');
    const item = actions.items[0];
    assert.equal(textAt(DOC, item.idRange), 'A1');
    assert.equal(textAt(DOC, item.title!.range), 'Add a warm-up gate');
    assert.equal(textAt(DOC, item.range), 'A1: Add a warm-up gate\n    owner: @cache\n    due: 2025-03-01');
    assert.equal(textAt(DOC, item.fields[1].dateValue!.range), '2025-03-01');

    const lessons = ast.sections.find((s) => s.name === 'lessons')!;
    if (lessons.name !== 'lessons') throw new Error('lessons');
    assert.equal(textAt(DOC, lessons.categories[0].key.range), 'went well');
    assert.equal(lessons.categories[0].bullets[0].text.text, 'quick rollback');
  });

  it('recovers at the next column-0 line so one error hides nothing after it', () => {
    const text = `postmortem: x
garbage at column zero
  indented garbage under it
incident:
  started: 2025-02-14 14:30
more garbage
timeline:
  14:40  event without zone
`;
    const { diagnostics } = analyze(text, { today: '2025-03-01' });
    const at = (code: string) => diagnostics.filter((d) => d.code === code).map((d) => d.range.start.line);
    assert.deepEqual(at('PM001'), [1, 5]);
    assert.deepEqual(at('PM010'), [4, 7]);
  });

  it('reports indented lines before any header as a syntax error', () => {
    const { diagnostics } = analyze('  stray indented line\npostmortem: t\n', {});
    assert.equal(diagnostics.find((d) => d.code === 'PM001')?.range.start.line, 0);
  });

  it('records a line the grammar cannot fit as data, and PM001 words it', () => {
    const text = '  indented before any header\npostmortem: t\nloose text at column 0\nsummary: s\n';
    const { document } = buildAst(text);
    assert.deepEqual(
      document.syntaxErrors.map((e) => [e.kind, e.line, textAt(text, e.range)]),
      [
        ['no-header-above', 0, 'indented before any header'],
        ['not-a-header', 2, 'loose text at column 0'],
      ],
    );
    const messages = analyze(text, {}).diagnostics.filter((d) => d.code === 'PM001').map((d) => d.message);
    assert.deepEqual(messages, [
      'Line 1 is indented but no section header stands above it: start the document with `postmortem: TITLE` and put this line under a section.',
      'Line 3 stands at column 0 but is not a section header or header field: indent it under a section, or make it a header such as `timeline:`.',
    ]);
  });

  it('reads a label beside the categories as a would-be category, never as text of the one above', () => {
    // Lessons as Slack's January 2021 review might list them, in our own words.
    const text = "postmortem: t\nlessons:\n  went well:\n    - The provider joined quickly\n  What didn't go so well:\n    - Our autoscaling made it worse\n  surprised us:\n    - How far the gateways scaled down\n";
    const analysis = analyze(text, {});
    const lessons = analysis.ast.sections.find((s) => s.name === 'lessons') as CategorySection;
    assert.deepEqual(lessons.categories.map((c) => [c.key.name, c.bullets.map((b) => b.text.text)]), [
      ['went well', ['The provider joined quickly']],
      ['surprised us', ['How far the gateways scaled down']],
    ]);
    const [unknown] = analysis.diagnostics.filter((d) => d.code === 'PM004');
    assert.equal(unknown.message, "Unknown key “What didn't go so well” in `lessons:`: the template calls it “could improve”.");
    const fixed = applyEdits(analysis.lines, unknown.data!.fix!.edits);
    assert.equal(fixed, text.replace("What didn't go so well:", 'could improve:'));
    const after = analyze(fixed, {}).ast.sections.find((s) => s.name === 'lessons') as CategorySection;
    assert.deepEqual(after.categories.map((c) => c.key.name), ['went well', 'could improve', 'surprised us']);
    // Text under a category that merely ends in a colon still continues it.
    const continued = analyze('postmortem: t\nlessons:\n  went well:\n    The rollback, in three steps:\n    - drain\n', {}).ast.sections[0] as CategorySection;
    assert.equal(continued.categories[0].bullets.length, 1);
  });

  it('asks a time field that gives only its day for its time of day', () => {
    // As Atlassian's April 2022 review closed its incident, in our own words.
    const text = 'postmortem: t\nincident:\n  started: 2022-04-05 07:38 UTC\n  resolved: 2022-04-18 UTC\n  mitigated: 2022-04-17\n';
    const messages = analyze(text, {}).diagnostics.filter((d) => d.code === 'PM015').map((d) => d.message);
    assert.deepEqual(messages, [
      'Correct `resolved`: “2022-04-18 UTC” gives the day but not the time of day: write it such as 2022-04-18 14:30 UTC, or 2022-04-18 ~14:30 UTC when only roughly known.',
      'Correct `mitigated`: “2022-04-17” gives the day but not the time of day: write it such as 2022-04-17 14:30 UTC, or 2022-04-17 ~14:30 UTC when only roughly known.',
    ]);
  });

  it('asks an event that gives only its day for its time of day', () => {
    // Multi-day timelines write days alone, as Atlassian's April 2022 review did, in our own words.
    const text = 'postmortem: t\ntimeline:\n  2022-04-05 07:38 UTC  Script starts\n  2022-04-06  First batch of sites restored\n  restored by hand\n';
    const messages = analyze(text, {}).diagnostics.filter((d) => d.code === 'PM001').map((d) => [d.range.start.line, d.message]);
    assert.deepEqual(messages, [
      [3, 'Give the event on 2022-04-06 its time of day as well, such as `2022-04-06 14:30 UTC`; when only roughly known, mark the time with `~` (`2022-04-06 ~14:30 UTC`).'],
      [4, 'Start each timeline event with a timestamp such as `2025-02-14 14:30 UTC`, or indent this line further to continue the event above.'],
    ]);
  });

  it('says an incident field written at column 0 belongs under `incident:`, and still suggests a misspelt section', () => {
    // As in a first draft of Datadog's March 2023 outage, written in our own words: `type:` beside `id:`.
    const text = 'postmortem: t\nid: INC-1\ntype: incident\nSeverity: SEV1\ntimline:\n';
    const found = analyze(text, {}).diagnostics.filter((d) => d.code === 'PM004');
    assert.deepEqual(
      found.map((d) => [d.range.start.line, d.message, d.data?.fix?.title]),
      [
        [2, '“type” is a field of `incident:`, not a section: indent it under `incident:`.', undefined],
        [3, '“Severity” is a field of `incident:`, not a section: indent it under `incident:`.', undefined],
        [4, 'Unknown section “timline” at column 0: did you mean “timeline”?', 'Change to “timeline”'],
      ],
    );
  });

  it('names the template\'s word for a label people give the same thing, with a fix to it', () => {
    // Labels as real write-ups give them (the SRE book's "went wrong", a "start time" row).
    const text = 'postmortem: t\nincident:\n  start time: 2025-02-14 14:30 UTC\nlessons:\n  went wrong:\n    - b\n  where we got lucky:\n    - c\nfactors:\n  systems:\n    - e\n';
    const before = analyze(text, {});
    const found = before.diagnostics.filter((d) => d.code === 'PM004');
    assert.deepEqual(
      found.map((d) => [d.range.start.line, d.message, d.data?.fix?.title]),
      [
        [2, 'Unknown key “start time” in `incident:`: the template calls it “started”.', 'Change to “started”'],
        [4, 'Unknown key “went wrong” in `lessons:`: the template calls it “could improve”.', 'Change to “could improve”'],
        // Luck is no category of the template (the Markdown import keeps such a list as a comment too).
        [6, 'Unknown key “where we got lucky” in `lessons:`; known keys: went well, could improve, surprised us, changing.', undefined],
        [9, 'Unknown key “systems” in `factors:`: the template calls it “technical”.', 'Change to “technical”'],
      ],
    );
    const fixed = applyEdits(before.lines, found.flatMap((d) => d.data?.fix?.edits ?? []));
    assert.equal(fixed, text.replace('start time:', 'started:').replace('went wrong:', 'could improve:').replace('systems:', 'technical:'));
    assert.deepEqual(analyze(fixed, {}).diagnostics.filter((d) => d.code === 'PM004').map((d) => d.range.start.line), [6]);
  });

  it('treats `#` as a comment only at the start of a line', () => {
    const { document } = buildAst('postmortem: Incident #42\n  # a comment\nsummary:\n  see ticket #7\n');
    assert.equal(document.title!.value!.text, 'Incident #42');
    assert.equal(document.comments.length, 1);
    const summary = document.sections[0];
    assert.ok(summary.name === 'summary' && summary.text?.text === 'see ticket #7');
  });

  it('gives the same structure for CRLF, a BOM and tab indentation', () => {
    const lf = 'postmortem: t\nincident:\n  started: 2025-02-14 14:30 UTC\n  severity: SEV2\n';
    const crlf = '\ufeff' + lf.replace(/\n/g, '\r\n').replace(/ {2}/g, '\t');
    const a = analyze(lf, { today: '2025-03-01' });
    const b = analyze(crlf, { today: '2025-03-01' });
    assert.deepEqual(
      b.diagnostics.map((d) => [d.code, d.range.start.line]),
      a.diagnostics.map((d) => [d.code, d.range.start.line]),
    );
    const incident = b.ast.sections[0];
    assert.ok(incident.name === 'incident');
    assert.equal(textAt(b.lines.text, incident.fields[0].timestamp!.range), '2025-02-14 14:30 UTC');
    assert.equal(incident.fields[0].timestamp!.range.start.character, 10);
  });

  it('takes keys case-insensitively and any indentation', () => {
    const { document } = buildAst('postmortem: t\nLESSONS:\n      Went Well:\n - fast\n');
    const lessons = document.sections[0];
    assert.ok(lessons.name === 'lessons');
    assert.equal(lessons.categories[0].key.name, 'went well');
    assert.equal(lessons.categories[0].bullets.length, 1);
  });

  it('never throws on empty, blank or binary input', () => {
    for (const text of ['', '\n\n', '   ', '\u0000\u0001\u0002', ':::', '\ufeff', '\r\r\r', 'postmortem:']) {
      const { diagnostics } = analyze(text, {});
      assert.ok(Array.isArray(diagnostics));
    }
  });
});

describe('parse()', () => {
  it('gives the tree analyze() gives, without running a rule, and drops a byte order mark', () => {
    const text = '\ufeffpostmortem: Cache outage\nincident:\n  started: 2025-02-14 14:30\n';
    const parsed = parse(text);
    const analysed = analyze(text);
    const shape = (ast: typeof parsed.ast) => ast.sections.map((s) => ({
      name: s.name,
      range: s.range,
      fields: 'fields' in s ? s.fields.map((f) => [f.key.name, f.value?.text, f.value?.range, f.timestamp?.instant]) : [],
    }));
    assert.deepEqual(shape(parsed.ast), shape(analysed.ast));
    assert.equal(parsed.ast.title?.value?.text, 'Cache outage');
    assert.equal(parsed.lines.lineText(0), 'postmortem: Cache outage');
    assert.ok(analysed.diagnostics.some((d) => d.code === 'PM010'), 'analyze() reports the zone-less time that parse() does not check');
  });
});
