import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { lint } from 'markdownlint/sync';
import type { Rule } from 'markdownlint';
import { analyze } from '../../server/src/core/analysis/analyze';
import { escapeMarkdown, toMarkdown } from '../../server/src/core/render/markdown';
import { ROOT, examplePaths, exportExample, goldenPathOf, goldenPaths } from '../golden/goldenExports';

/** What a Markdown parser (micromark, inside markdownlint) makes of the text. */
interface ParsedMarkdown {
  html: string[];
  links: string[];
  autolinks: string[];
  problems: string[];
}

function parseMarkdown(markdown: string): ParsedMarkdown {
  const parsed: ParsedMarkdown = { html: [], links: [], autolinks: [], problems: [] };
  const inspect: Rule = {
    names: ['inspect-tokens'],
    description: 'collects HTML and link tokens',
    tags: ['test'],
    parser: 'micromark',
    function: (params) => {
      const walk = (tokens: readonly { type: string; text: string; children: readonly unknown[] }[]) => {
        for (const token of tokens) {
          if (token.type === 'htmlText' || token.type === 'htmlFlow') parsed.html.push(token.text);
          if (token.type === 'resourceDestinationString') parsed.links.push(token.text);
          if (token.type === 'literalAutolink' || token.type === 'autolink') parsed.autolinks.push(token.text);
          walk(token.children as typeof tokens);
        }
      };
      walk(params.parsers.micromark.tokens as never);
    },
  };
  const result = lint({
    strings: { export: markdown },
    customRules: [inspect],
    // markdownlint's default rules; tables and paragraphs are one line each, so line length is not checked.
    config: { default: true, MD013: false },
  });
  parsed.problems = (result.export ?? []).map((e) => `${e.lineNumber}: ${e.ruleNames.join('/')} ${e.ruleDescription} ${e.errorContext ?? ''}`);
  return parsed;
}

describe('export --format md: golden files', () => {
  const examples = examplePaths();

  it('has at least one example', () => {
    assert.ok(examples.length >= 1, 'no examples/*.postmortem found');
  });

  it('has a golden file for every example and none without one (npm run golden:update)', () => {
    for (const example of examples) {
      assert.ok(existsSync(goldenPathOf(example)), `${relative(ROOT, example)} has no golden file; run npm run golden:update and review it`);
    }
    const expected = new Set(examples.map(goldenPathOf));
    for (const golden of goldenPaths()) assert.ok(expected.has(golden), `${relative(ROOT, golden)} has no example`);
  });

  for (const example of examples) {
    const name = basename(example);
    it(`matches the golden file for ${name}`, () => {
      const golden = goldenPathOf(example);
      if (!existsSync(golden)) assert.fail(`no golden file for ${name}`);
      assert.equal(exportExample(example), readFileSync(golden, 'utf8'), `the export of ${name} changed; if intended, run npm run golden:update and review the diff`);
    });

    it(`writes lint-clean GitHub Markdown for ${name}`, () => {
      assert.deepEqual(parseMarkdown(exportExample(example)).problems, []);
    });
  }
});

const SAMPLE = `postmortem: Checkout | payments outage
id: INC-7
authors: @jane
status: final

summary:
  1. Not a list; # not a heading
  - nor a bullet

incident:
  started: 2025-02-14 14:30 UTC
  resolved: 2025-02-14 15:15 UTC
  severity: sev2
  services: a | b

timeline:
  2025-02-14 14:30 UTC  Error rate *rises* to 5% | pool at 100%
    - pages \`on-call\`
  2025-02-15 00:10 UTC  Next day

whys:
  symptom: Checkout fails
  why 1: Pool exhausted
    - under load
  root cause: No pool alert

factors:
  technical:
    - No saturation alert

actions:
  A1: Alert on pool | queue saturation
    priority: P1
    owner: @db-team
    due: 2025-03-01
    status: completed
    ticket: see https://tracker.example/DB-1?a=(1)
  A2: Write a runbook
    owner: @sre
    due: 2025-01-01
    status: in-progress

lessons:
  went well:
    - Fast rollback

followup:
  2025-03-01  A1 shipped
`;

describe('export --format md: structure and escaping', () => {
  const markdown = toMarkdown(analyze(SAMPLE, { today: '2025-02-20' }));

  it('follows the template with headings for each section', () => {
    const headings = markdown.split('\n').filter((l) => l.startsWith('#'));
    assert.deepEqual(headings, [
      '# Checkout \\| payments outage',
      '## Summary',
      '## Incident',
      '## Timeline',
      '## Five whys',
      '## Contributing factors',
      '### Technical',
      '## Action items',
      '## Lessons learned',
      '### Went well',
      '## Follow-up',
    ]);
  });

  it('writes the timeline as a table with UTC times, the date where it changes and offsets', () => {
    assert.match(markdown, /\| Time \(UTC\) \| Since start \| Event \|\n\| --- \| --- \| --- \|\n\| 2025-02-14 14:30 \| \+0:00 \| Error rate \\\*rises\\\* to 5% \\\| pool at 100% • pages `on-call` \|\n\| 2025-02-15 00:10 \| \+9:40 \| Next day \|/);
  });

  it('writes the action items as a table with status, overdue marks and links only for http(s)', () => {
    assert.match(markdown, /\| ID \| Action \| Priority \| Owner \| Due \| Status \| Ticket \|/);
    assert.match(markdown, /\| \*\*A1\*\* \| Alert on pool \\\| queue saturation \| P1 \| @db-team \| 2025-03-01 \| completed \| see \[https:\/\/tracker\.example\/DB-1\?a=\(1\)\]\(https:\/\/tracker\.example\/DB-1\?a=%281%29\) \|/);
    assert.match(markdown, /\| \*\*A2\*\* \| Write a runbook \| — \| @sre \| 2025-01-01 \*\*\(overdue\)\*\* \| in-progress \| — \|/);
    assert.match(markdown, /\*\*1 overdue\*\* as of 2025-02-20\./);
  });

  it('keeps every table row to its columns: a | in the text stays in its cell', () => {
    const parsed = parseMarkdown(markdown);
    assert.deepEqual(parsed.problems, []);
    for (const row of markdown.split('\n').filter((l) => l.startsWith('| '))) {
      const cells = row.replace(/\\\|/g, '').split('|').length - 2;
      assert.ok([2, 3, 7].includes(cells), `row with ${cells} cells: ${row}`);
    }
  });

  it('escapes what would start a list or a heading in a paragraph, and keeps a `- ` list in free text a list', () => {
    assert.match(markdown, /## Summary\n\n1\\\. Not a list; # not a heading\n\n- nor a bullet\n/);
  });

  it('shows the whys, factors, lessons and follow-up as lists', () => {
    assert.match(markdown, /\*\*Symptom:\*\* Checkout fails\n\n- \*\*Why 1:\*\* Pool exhausted\n  - under load\n\n\*\*Root cause:\*\* No pool alert/);
    assert.match(markdown, /### Technical\n\n- No saturation alert/);
    assert.match(markdown, /- \*\*2025-03-01\*\* A1 shipped/);
  });

  it('reads hostile text as text: no HTML, no links but the ticket\'s', () => {
    const payloads = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[click](javascript:alert(1))',
      '![x](https://evil.example/x.png)',
      '<https://evil.example>',
      '&lt;b&gt; &#60;i&#62;',
      '`code` **bold** _em_ ~~strike~~ $x^2$',
      '</td></tr></table><b>break out</b>',
      '\\<script>',
      'a|b||c',
    ];
    const hostile = SAMPLE.replace('Checkout fails', payloads.join(' ')).replace('Fast rollback', payloads.join(' ')).replace('@db-team', payloads.join(' '));
    const parsed = parseMarkdown(toMarkdown(analyze(hostile, { today: '2025-02-20' })));
    assert.deepEqual(parsed.html, []);
    assert.deepEqual(parsed.links, ['https://tracker.example/DB-1?a=%281%29']);
    assert.deepEqual(parsed.autolinks.filter((a) => !/^(https?:\/\/|www\.)/.test(a)), []);
  });

  it('escapes every Markdown and HTML special character of inline text', () => {
    assert.equal(escapeMarkdown('a*b_c`d[e]f<g>h|i~j&k$l\\m'), 'a\\*b\\_c\\`d\\[e\\]f\\<g\\>h\\|i\\~j\\&k\\$l\\\\m');
  });
});
