import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { analyze } from '../../server/src/core/analysis/analyze';
import { buildLedger } from '../../server/src/core/render/actionsLedger';
import { render } from '../../server/src/core/render/html';
import { countDiagnostics } from '../../server/src/core/render/documentFacts';
import { toMarkdown } from '../../server/src/core/render/markdown';
import { examplePaths } from '../golden/goldenExports';

/** Line numbers below are 0-based and refer to this document. */
const DOCUMENT = [
  'postmortem: Payment processing outage', // 0
  'id: INC-2025-002', // 1
  'date: 2025-02-15', // 2
  'authors: @jane, @sam', // 3
  'status: final', // 4
  '', // 5
  'summary:', // 6
  '  Payment processing became unresponsive', // 7
  '  after a deployment.', // 8
  '', // 9
  '  A second paragraph.', // 10
  '', // 11
  'incident:', // 12
  '  started: 2025-02-14 14:30 UTC', // 13
  '  detected: 2025-02-14 14:32 UTC', // 14
  '  responded: 2025-02-14 14:35 UTC', // 15
  '  mitigated: 2025-02-14 14:50 UTC', // 16
  '  resolved: 2025-02-14 15:15 UTC', // 17
  '  severity: SEV1', // 18
  '  services: payment-service, checkout-api', // 19
  '  impact: about 2,000 failed transactions', // 20
  '', // 21
  'timeline:', // 22
  '  2025-02-14 14:28 UTC  Deployment of v2.4.0 completes', // 23
  '  14:30 UTC  Connection pool reaches 100% utilization', // 24
  '  14:32 UTC  Latency alert fires', // 25
  '    - p95 above 10 s', // 26
  '  15:15 UTC  Incident declared resolved', // 27
  '', // 28
  'whys:', // 29
  '  symptom: Payment service unresponsive', // 30
  '  why 1: v2.4.0 issues one query per payment', // 31
  '    - query volume grows with traffic', // 32
  '  why 2: The review checklist has no step for query patterns', // 33
  '  root cause: The pipeline has no performance regression gate', // 34
  '', // 35
  'factors:', // 36
  '  process:', // 37
  '    - No mandatory performance test', // 38
  '  technical:', // 39
  '    - Pool saturation is not alerted', // 40
  '', // 41
  'actions:', // 42
  '  A1: Add a load test stage to the pipeline', // 43
  '    priority: P1', // 44
  '    owner: @platform-team', // 45
  '    due: 2025-03-15', // 46
  '    status: in progress', // 47
  '    ticket: https://tracker.example/PLAT-123', // 48
  '  A2: Alert at 80% pool utilization', // 49
  '    priority: P2', // 50
  '    owner: @db-team', // 51
  '    due: 2025-02-21', // 52
  '    status: complete', // 53
  '    verify: Alert fired in a staging drill', // 54
  '', // 55
  'lessons:', // 56
  '  went well:', // 57
  '    - Rollback took four minutes', // 58
  '  could improve:', // 59
  '    - No customer message for 30 minutes', // 60
  '', // 61
  'followup:', // 62
  '  2025-03-01  A1 merged behind a flag', // 63
  '', // 64
  'notes:', // 65
  '  Written with the payments team.', // 66
  '',
].join('\n');

const TODAY = '2025-03-20';

function renderDocument(text = DOCUMENT, options: Parameters<typeof render>[1] = {}): string {
  return render(analyze(text, { today: TODAY }), options);
}

/** The opening tag of the element carrying `data-line="N"` that holds `text` before any other tag. */
function assertLineOf(html: string, text: string, line: number): void {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`data-line="(\\d+)"[^>]*>(?:<[^>]+>)*${escaped}`);
  const match = pattern.exec(html);
  assert.ok(match, `no element with data-line holds "${text}"`);
  assert.equal(Number(match[1]), line, `"${text}" should carry data-line="${line}"`);
}

describe('render: HTML report', () => {
  const html = renderDocument();

  it('shows the header card: title, id, type, severity, status, authors, date', () => {
    assert.match(html, /<h1 class="pm-title" data-line="0">Payment processing outage<\/h1>/);
    assert.match(html, /<dt>ID<\/dt><dd>INC-2025-002<\/dd>/);
    assert.match(html, /<dt>Authors<\/dt><dd>@jane, @sam<\/dd>/);
    assert.match(html, /<dt>Written<\/dt><dd>2025-02-15<\/dd>/);
    assert.match(html, /class="pm-badge pm-badge-type pm-badge-incident"[^>]*>Incident</);
    assert.match(html, /class="pm-badge pm-sev pm-sev1" data-line="18"[^>]*>SEV1</);
    assert.match(html, /class="pm-badge pm-badge-doc pm-doc-final" data-line="4"[^>]*>Final</);
  });

  it('shows every section of the document, in the document order', () => {
    const order = ['summary', 'incident', 'timeline', 'whys', 'factors', 'actions', 'lessons', 'followup', 'notes'];
    const positions = order.map((name) => html.indexOf(`pm-section-${name}"`));
    positions.forEach((position, i) => assert.ok(position > 0, `section ${order[i]} is missing`));
    assert.deepEqual([...positions].sort((a, b) => a - b), positions);
    assertLineOf(html, 'Summary', 6);
    assertLineOf(html, 'Five whys', 29);
  });

  it('splits text into paragraphs at blank lines, each with its first line', () => {
    assert.match(html, /<p data-line="7">Payment processing became unresponsive after a deployment\.<\/p><p data-line="10">A second paragraph\.<\/p>/);
    assertLineOf(html, 'Written with the payments team.', 66);
  });

  it('computes the metrics from the analysis and explains them on hover', () => {
    const metric = (label: string) => new RegExp(`<div class="pm-metric" title="([^"]+)"><dt>${label}</dt><dd>([^<]+)</dd>`).exec(html);
    assert.deepEqual(metric('Duration')?.slice(1), ['Duration = resolved − started', '45m']);
    assert.deepEqual(metric('Time to detect')?.slice(1), ['Time to detect = detected − started', '2m']);
    assert.deepEqual(metric('Time to respond')?.slice(1), ['Time to respond = responded − detected', '3m']);
    assert.deepEqual(metric('Time to mitigate')?.slice(1), ['Time to mitigate = mitigated − started', '20m']);
  });

  it('says which times a missing metric needs', () => {
    const text = DOCUMENT.replace('  mitigated: 2025-02-14 14:50 UTC\n', '');
    assert.match(renderDocument(text), /<div class="pm-metric pm-metric-missing" title="[^"]*Needs both `started` and `mitigated`[^"]*"><dt>Time to mitigate<\/dt><dd>—<\/dd>/);
  });

  it('lists every timeline event with its line, UTC time and offset from the start', () => {
    assert.match(html, /<tr data-line="23"><td class="pm-event-time"><time><span class="pm-day">2025-02-14<\/span> 14:28<\/time><\/td><td class="pm-event-offset">-0:02<\/td><td class="pm-event-text">Deployment of v2\.4\.0 completes<\/td><\/tr>/);
    assert.match(html, /<tr data-line="25">.*?<td class="pm-event-offset">\+0:02<\/td><td class="pm-event-text">Latency alert fires<ul><li data-line="26">p95 above 10 s<\/li><\/ul>/);
    assert.match(html, /<tr data-line="27">.*?<td class="pm-event-text">Incident declared resolved<\/td><\/tr>/);
  });

  it('says why a time without a zone below one in another zone has no place yet', () => {
    const text = 'postmortem: t\nincident:\n  started: 2021-10-28 1:37 PM PDT\ntimeline:\n  1:37 PM PDT  a\n  1:45 PM  b\n';
    assert.match(renderDocument(text), /<time class="pm-invalid" title="No time zone is written, and the time above it is in another zone: it is placed once its zone is\.">1:45 PM<\/time>/);
    // A time with no date to take is no time in that sense: no such title.
    assert.doesNotMatch(renderDocument('postmortem: t\ntimeline:\n  1:37 PM PDT  a\n  1:45 PM  b\n'), /placed once its zone is/);
  });

  it('draws the timeline with the marked moments and one mark per event', () => {
    const svg = /<svg class="pm-chart-svg"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    assert.ok(svg, 'no chart');
    for (const [name, line] of [['started', 13], ['detected', 14], ['responded', 15], ['mitigated', 16], ['resolved', 17]] as const) {
      assert.match(svg, new RegExp(`<g class="pm-chart-moment pm-moment-${name}" data-line="${line}">`));
    }
    const events = [...svg.matchAll(/<circle class="pm-chart-event" data-line="(\d+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual(events, [23, 24, 25, 27]);
    assert.match(svg, /class="pm-chart-impact"/);
    assert.match(svg, /class="pm-chart-recovery"/);
  });

  it('draws approximate times hollow, with ≈ in the tooltip and the legend, and exact ones as before', () => {
    const rough = renderDocument(DOCUMENT.replace('  detected: 2025-02-14 14:32 UTC', '  detected: ~2025-02-14 14:32 UTC').replace('  14:32 UTC  Latency', '  ~14:32 UTC  Latency'));
    const svg = /<svg class="pm-chart-svg"[\s\S]*?<\/svg>/.exec(rough)?.[0] ?? '';
    assert.match(svg, /<g class="pm-chart-moment pm-moment-detected pm-chart-approximate" data-line="14">.*?<text[^>]*>Detected ≈ 14:32<\/text><title>Detected: ≈ 2025-02-14 14:32 UTC<\/title>/);
    assert.match(svg, /<circle class="pm-chart-event pm-chart-approximate" data-line="25"[^>]*><title>≈ 2025-02-14 14:32 UTC\n/);
    assert.deepEqual([...svg.matchAll(/<circle class="pm-chart-event" data-line="(\d+)"/g)].map((m) => Number(m[1])), [23, 24, 27]);
    assert.match(rough, /<span class="pm-legend-approximate">≈ approximate time<\/span>/);
    assert.doesNotMatch(html, /pm-chart-approximate|pm-legend-approximate/);
  });

  it('places events to scale between the first and the last instant', () => {
    const xs = [...html.matchAll(/<circle class="pm-chart-event" data-line="\d+" cx="([\d.]+)"/g)].map((m) => Number(m[1]));
    // 14:28, 14:30, 14:32, 15:15: gaps of 2, 2 and 43 minutes.
    const gaps = [xs[1] - xs[0], xs[2] - xs[1], xs[3] - xs[2]];
    assert.ok(Math.abs(gaps[0] - gaps[1]) < 0.2, `equal gaps drawn as ${gaps[0]} and ${gaps[1]}`);
    assert.ok(Math.abs(gaps[2] / gaps[0] - 43 / 2) < 0.2, `the 43-minute gap is ${gaps[2] / gaps[0]} times the 2-minute one`);
  });

  it('shows the whys as a chain from symptom to root cause', () => {
    const chain = /<ol class="pm-chain">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
    const steps = [...chain.matchAll(/<li class="pm-chain-step pm-chain-(\w+)" data-line="(\d+)"><span class="pm-chain-label">([^<]+)<\/span><p>([^<]*)<\/p>/g)].map((m) => [m[1], Number(m[2]), m[3]]);
    assert.deepEqual(steps, [
      ['symptom', 30, 'Symptom'],
      ['why', 31, 'Why 1'],
      ['why', 33, 'Why 2'],
      ['root', 34, 'Root cause'],
    ]);
    assertLineOf(html, 'query volume grows with traffic', 32);
  });

  it('shows contributing factors and lessons by category', () => {
    assert.match(html, /<div class="pm-category pm-category-process" data-line="37"><h3>Process<\/h3><ul><li data-line="38">No mandatory performance test<\/li><\/ul><\/div>/);
    assert.match(html, /<div class="pm-category pm-category-technical" data-line="39">/);
    assert.match(html, /<div class="pm-category pm-category-went-well" data-line="57"><h3>Went well<\/h3><ul><li data-line="58">Rollback took four minutes<\/li>/);
    assert.match(html, /<div class="pm-category pm-category-could-improve" data-line="59">/);
  });

  it('lists action items with priority, owner, due date, status badges and overdue marks', () => {
    const row = (id: string) => new RegExp(`<tr class="pm-action[^"]*" data-line="\\d+"><td class="pm-action-id">${id}</td>[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
    const a1 = row('A1');
    assert.match(a1, /^<tr class="pm-action pm-overdue" data-line="43">/);
    assert.match(a1, /<td class="pm-action-priority" data-line="44"><span class="pm-priority pm-priority-p1">P1<\/span><\/td>/);
    assert.match(a1, /<td class="pm-action-owner" data-line="45">@platform-team<\/td>/);
    assert.match(a1, /<td class="pm-action-due" data-line="46">2025-03-15 <span class="pm-overdue-mark" title="Due 2025-03-15, 5 days ago">overdue<\/span><\/td>/);
    assert.match(a1, /<span class="pm-status pm-status-in-progress" data-line="47">in progress<\/span>/);
    const a2 = row('A2');
    assert.match(a2, /^<tr class="pm-action" data-line="49">/, 'a completed item past its due date is not overdue');
    assert.match(a2, /<span class="pm-status pm-status-done" data-line="53">complete<\/span>/);
    assert.match(a2, /<div data-line="54"><dt>Verify<\/dt><dd>Alert fired in a staging drill<\/dd><\/div>/);
    assert.match(html, /2 items, 1 open, <strong class="pm-overdue-count">1 overdue<\/strong> as of 2025-03-20/);
  });

  it('shows follow-up notes with their dates', () => {
    assert.match(html, /<ul class="pm-followup"><li data-line="63"><time>2025-03-01<\/time> A1 merged behind a flag<\/li><\/ul>/);
  });

  it('shows the error and warning counts of the analysis in a banner', () => {
    const counts = countDiagnostics(analyze(DOCUMENT, { today: TODAY }).diagnostics);
    const banner = /<section class="pm-problems pm-problems-(\w+)"[\s\S]*?<\/section>/.exec(html);
    assert.ok(banner);
    const expected = counts.errors ? 'error' : counts.warnings ? 'warning' : 'clean';
    assert.equal(banner[1], expected);
    if (expected === 'clean') assert.match(banner[0], /No errors or warnings/);
    else assert.match(banner[0], new RegExp(`This document has ${counts.errors ? `${counts.errors} error` : `${counts.warnings} warning`}`));
  });

  it('lists the problems of a broken document with their lines', () => {
    const broken = renderDocument('postmortem: Broken\nthis line is not valid\n');
    assert.match(broken, /class="pm-problems pm-problems-error"/);
    assert.match(broken, /This document has \d+ errors?/);
    assert.match(broken, /<li class="pm-problem pm-problem-error" data-line="1"><span class="pm-problem-where">Line 2<\/span> <code>PM001<\/code>/);
  });

  it('gives every data-line a line of the document', () => {
    const lines = DOCUMENT.split('\n').length;
    const values = [...html.matchAll(/data-line="(\d+)"/g)].map((m) => Number(m[1]));
    assert.ok(values.length > 60);
    for (const value of values) assert.ok(value >= 0 && value < lines, `data-line="${value}" is outside the document`);
  });

  it('links only http(s) ticket URLs: an anchor when standalone, a message target in the preview', () => {
    assert.match(html, /<a class="pm-link" data-href="https:\/\/tracker\.example\/PLAT-123" role="link" tabindex="0"[^>]*>https:\/\/tracker\.example\/PLAT-123<\/a>/);
    assert.doesNotMatch(html, /\shref=/, 'the preview fragment has no navigating links');
    const standalone = renderDocument(DOCUMENT, { standalone: true });
    assert.match(standalone, /<a class="pm-link" href="https:\/\/tracker\.example\/PLAT-123" rel="noopener noreferrer">/);
    for (const ticket of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'JAVASCRIPT://example.com/%0aalert(1)', 'ftp://files.example/x', 'PLAT-123', 'https://', 'http://']) {
      const out = renderDocument(DOCUMENT.replace('https://tracker.example/PLAT-123', ticket), { standalone: true });
      assert.doesNotMatch(out, /<a /, `"${ticket}" became a link`);
    }
  });
});

describe('render: standalone document', () => {
  const page = renderDocument(DOCUMENT, { standalone: true, theme: 'dark' });

  it('is a whole HTML page with the CSS inlined, the chosen theme and no script', () => {
    assert.match(page, /^<!DOCTYPE html>\n<html lang="en" data-theme="dark">/);
    assert.match(page, /<title>Payment processing outage<\/title>/);
    assert.match(page, /<style>[\s\S]*\.pm-report[\s\S]*<\/style>/);
    assert.doesNotMatch(page, /<script/i);
    assert.match(page, /@media print/);
  });

  it('allows no script by policy and only its own stylesheet', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1] ?? '';
    assert.match(csp, /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:$/);
  });

  it('defaults to the theme that follows the reader\'s system', () => {
    assert.match(renderDocument(DOCUMENT, { standalone: true }), /<html lang="en" data-theme="auto">/);
  });
});

describe('render: any input', () => {
  it('escapes markup in every field instead of interpreting it', () => {
    const hostile = DOCUMENT.replace('Payment processing outage', '<script>alert(1)</script>')
      .replace('@platform-team', '<img src=x onerror=alert(1)>')
      .replace('Latency alert fires', '"><svg onload=alert(1)>');
    const out = renderDocument(hostile, { standalone: true });
    assert.doesNotMatch(out, /<script>alert|<img |<svg onload/);
    assert.match(out, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(out, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(out, /&quot;&gt;&lt;svg onload=alert\(1\)&gt;/);
  });

  it('renders empty, partial and malformed documents without throwing', () => {
    const inputs = ['', '\n\n', 'postmortem:', 'timeline:\n  25:99 UTC  nonsense\n  14:30 PST x', 'actions:\n  A1:\n    due: tomorrow\n    status: ???', 'whys:\n  why: x\n  why 7: y', '\u0000\uFFFF\uD800', 'incident:\n  started: 2025-02-14 14:30 UTC\n  resolved: 2025-02-13 10:00 UTC'];
    for (const input of inputs) {
      const out = renderDocument(input, { standalone: true });
      assert.match(out, /<article class="pm-report/);
    }
  });

  it('titles a document without a title "Untitled postmortem"', () => {
    assert.match(renderDocument('summary:\n  x\n'), /<h1 class="pm-title pm-missing">Untitled postmortem<\/h1>/);
  });

  it('draws at most one mark per unit of width however many events there are, and lists them all', () => {
    const events: string[] = [];
    for (let i = 0; i < 10_000; i++) events.push(`  2025-02-14T${String(Math.floor(i / 600) + 1).padStart(2, '0')}:${String(Math.floor(i / 10) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z  event ${i}`);
    const text = `postmortem: Many events\nincident:\n  started: 2025-02-14 01:00 UTC\n  resolved: 2025-02-14 17:40 UTC\ntimeline:\n${events.join('\n')}\n`;
    const out = renderDocument(text);
    const marks = [...out.matchAll(/<circle class="pm-chart-event/g)].length;
    assert.ok(marks > 100 && marks <= 960, `${marks} marks drawn`);
    assert.equal([...out.matchAll(/<tr data-line="\d+"><td class="pm-event-time">/g)].length, 10_000);
    assert.match(out, /class="pm-chart-event pm-chart-merged"[^>]*><title>\d+ events from/);
  });

  it('renders, exports and lists mutated documents without throwing', function () {
    this.timeout(60_000);
    // A small seeded generator, so a failure names an input that can be reproduced.
    let state = 7;
    const random = () => ((state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const sources = [DOCUMENT, ...examplePaths().map((p) => readFileSync(p, 'utf8'))];
    const noise = ['<', '>', '&', '"', ':', '  ', '\t', '- ', '#', '|', '\u0000', '\uD83D', '\r', '2025-02-30', '25:61 UTC', 'https://x', 'A1:', 'why 9:'];
    for (let i = 0; i < 150; i++) {
      const lines = pick(sources).split('\n');
      for (let m = 0; m < 1 + Math.floor(random() * 6); m++) {
        const at = Math.floor(random() * lines.length);
        const kind = Math.floor(random() * 4);
        if (kind === 0) lines.splice(at, 1);
        else if (kind === 1) lines.splice(at, 0, pick(lines));
        else if (kind === 2) lines[at] = (lines[at] ?? '').slice(0, Math.floor(random() * 30)) + pick(noise) + (lines[at] ?? '').slice(30);
        else lines[at] = (lines[at] ?? '').trimStart();
      }
      const text = lines.join(pick(['\n', '\r\n']));
      try {
        const analysis = analyze(text, { today: TODAY });
        assert.match(render(analysis, { standalone: true }), /<\/html>\n$/);
        assert.match(render(analysis), /^<article class="pm-report/);
        assert.match(toMarkdown(analysis), /^# /);
        buildLedger([{ path: 'x.postmortem', analysis }], TODAY);
      } catch (error) {
        assert.fail(`mutation ${i} failed: ${(error as Error).stack}\n--- input ---\n${text}`);
      }
    }
  });
});
