import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analysis/analyze';
import { applyEdits } from '../../server/src/core/analysis/edits';
import { fixDocument } from '../../server/src/core/analysis/fixAll';
import type { Fix, SeveritySetting } from '../../server/src/core/analysis/types';
import type { TimelineSection } from '../../server/src/core/language/ast';
import { render } from '../../server/src/core/render/html';
import { toMarkdown } from '../../server/src/core/render/markdown';
import { rules } from '../../server/src/core/rules/index';
import { resolveLocalTime } from '../../server/src/core/language/regionZones';
import { TimestampScan, scanTimestamp } from '../../server/src/core/language/time';

const TIME_RULES_ONLY = Object.fromEntries(rules.map((r): [string, SeveritySetting] => [r.code, r.code === 'PM010' || r.code === 'PM011' ? r.defaultSeverity : 'off']));

/** The document with every time fix applied (PM010, PM011), by the engine of `postmortem check --fix`. */
function fixAll(text: string): string {
  return fixDocument(text, { today: '2025-03-01', config: { rules: TIME_RULES_ONLY } }).text;
}

function scan(text: string): TimestampScan | undefined {
  const result = new TimestampScan();
  return scanTimestamp(text, 0, result) ? result : undefined;
}

/** One timeline event after `started`; returns its diagnostics and the event line after --fix. */
function event(stamp: string, started = '2025-02-14 10:00 UTC') {
  const text = `postmortem: t\nincident:\n  started: ${started}\ntimeline:\n  ${stamp}  event\n`;
  const analysis = analyze(text, { today: '2025-03-01' });
  return {
    diagnostics: analysis.diagnostics.filter((d) => d.range.start.line === 4),
    fixed: fixAll(text).split('\n')[4].trim().replace(/ {2}event$/, ''),
    instant: (analysis.ast.sections[1] as { events: { timestamp: { instant?: number } }[] }).events[0].timestamp.instant,
  };
}

describe('the 12-hour clock', () => {
  const readings: [string, number][] = [
    ['9:37AM', 9],
    ['9:37 am', 9],
    ['9:37 a.m.', 9],
    ['9:37 A.M.', 9],
    ['1:54PM', 13],
    ['1:54 p.m.', 13],
    ['12:05 PM', 12],
    ['12:05 AM', 0],
    ['11:59 pm', 23],
  ];
  for (const [written, hour] of readings) {
    it(`reads ${written} as hour ${hour}`, () => {
      const result = scan(`${written} UTC`)!;
      assert.equal(result.hour, hour);
      assert.equal(result.twelveHour, true);
      assert.equal(result.zoneKind, 'utc');
      assert.equal(result.invalidReason, undefined);
    });
  }

  it('reads the hour alone on the 12-hour clock, as reports write it', () => {
    for (const [written, hour] of [['11 AM', 11], ['2pm', 14], ['3 p.m.', 15], ['12 PM', 12], ['12 AM', 0]] as const) {
      const result = scan(`${written} UTC`)!;
      assert.deepEqual([result.hour, result.minute, result.twelveHour, result.zoneKind], [hour, 0, true, 'utc'], written);
    }
    // Without AM or PM, or with an hour the clock does not have, a number is no time.
    for (const written of ['11 UTC', '13 PM', '0 AM', '5 AMIs rebuilt', '1 pm2 restarted', '2 hosts']) assert.equal(scan(written), undefined, written);
  });

  it('converts an hour alone in an event, a field and prose, and leaves a range of hours alone', () => {
    // From a draft of Roblox's October 2021 outage, in our own words.
    const text = 'postmortem: t\nincident:\n  started: 2021-10-28 1:37 PM PDT\n  resolved: 2021-10-31 4 PM PDT\nsummary:\n  Around 11 AM PT the feature was rolled back. From 2-3 PM ET the queue drained.\ntimeline:\n  2021-10-29 around 11 AM PDT  Engineers roll back the feature\n';
    assert.equal(
      fixAll(text),
      'postmortem: t\nincident:\n  started: 2021-10-28 20:37 UTC\n  resolved: 2021-10-31 23:00 UTC\nsummary:\n  Around 18:00 UTC the feature was rolled back. From 2-3 PM ET the queue drained.\ntimeline:\n  2021-10-29 around 18:00 UTC  Engineers roll back the feature\n',
    );
    // A written-out date before an hour alone is put in ISO form, and the time converted.
    const written = text.replace('2021-10-31 4 PM PDT', 'October 31, 2021 4 PM PDT');
    const withDates = fixDocument(written, { today: '2025-03-01', config: { rules: { ...TIME_RULES_ONLY, PM015: 'error' } } }).text;
    assert.match(withDates, /resolved: 2021-10-31 23:00 UTC\n/);
    // An event that starts with an hour alone is an event, not a syntax error.
    assert.ok(!analyze(text, { today: '2025-03-01' }).diagnostics.some((d) => d.code === 'PM001'));
  });

  it('rejects an hour the 12-hour clock does not have', () => {
    assert.match(scan('13:00 PM UTC')!.invalidReason!, /12-hour clock/);
    assert.match(scan('0:30 AM UTC')!.invalidReason!, /12-hour clock/);
  });

  it('does not take a zone such as AMT or a word such as "amended" for a meridiem', () => {
    assert.equal(scan('9:37 AMT')!.twelveHour, false);
    assert.equal(scan('9:37 amended the config')!.twelveHour, false);
  });

  it('converts 9:37AM PST to 17:37 UTC, never “9:37 UTC UTCAM PST”', () => {
    const text = 'postmortem: t\nincident:\n  started: 2017-02-28 9:37AM PST\n  resolved: 2017-02-28 1:54PM PST\n';
    assert.match(fixAll(text), /started: 2017-02-28 17:37 UTC\n {2}resolved: 2017-02-28 21:54 UTC\n/);
  });

  it('orders a morning and an afternoon time correctly (no PM014, no PM012)', () => {
    const text = 'postmortem: t\nincident:\n  started: 2017-02-28 9:37AM UTC\n  resolved: 2017-02-28 1:54PM UTC\ntimeline:\n  9:37AM UTC  a\n  1:54PM UTC  b\n';
    const codes = analyze(text).diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('PM014') && !codes.includes('PM012'), codes.join(' '));
  });

  it('marks a zone-less 12-hour time UTC on the 24-hour clock', () => {
    assert.equal(event('1:54PM').fixed, '13:54 UTC');
    assert.equal(event('2025-02-14 12:05 am').fixed, '2025-02-14 00:05 UTC');
    assert.match(event('1:54PM').diagnostics[0].message, /such as `13:54 UTC`/);
  });
});

describe('a time without a zone below one written in another zone', () => {
  // As Roblox's October 2021 write-up gives its times, in our own words: the zone once, then none.
  const timeline = (events: string) => `postmortem: t\nincident:\n  started: 2021-10-28 20:37 UTC\ntimeline:\n${events}`;
  const found = (text: string, code: string) => analyze(text, { today: '2025-03-01' }).diagnostics.filter((d) => d.code === code);
  const applied = (text: string, fix: Fix) => applyEdits(analyze(text, { today: '2025-03-01' }).lines, fix.edits);

  it('offers to read the block in the zone above or to mark the time UTC, and fix-all does neither', () => {
    const text = timeline('  1:37 PM PDT  a\n  1:45 PM  b\n  2:10 PM  c\n');
    const [first, second] = found(text, 'PM010');
    assert.equal(first.message, 'Add a time zone to “1:45 PM”: the time above it is in PDT. If this one is too, it is 20:45 UTC; if it is UTC already, mark it so.');
    assert.equal(first.data?.fix, undefined);
    assert.deepEqual(first.data?.alternatives?.map((f) => [f.title, f.isPreferred]), [
      ['Convert “1:37 PM PDT” and the 2 times below it, read in PDT, to UTC', undefined],
      ['Mark the time as UTC', false],
    ]);
    const [block, asUtc] = first.data!.alternatives!;
    assert.equal(applied(text, block), timeline('  20:37 UTC  a\n  20:45 UTC  b\n  21:10 UTC  c\n'));
    assert.equal(applied(text, asUtc), timeline('  1:37 PM PDT  a\n  13:45 UTC  b\n  2:10 PM  c\n'));
    assert.deepEqual(second.data?.alternatives?.[0], block);
    // Converting the PDT time alone would lose the zone the times below may be in: --fix leaves the block.
    const [zoned] = found(text, 'PM011');
    assert.equal(zoned.message, 'Write “1:37 PM PDT” in UTC as 20:37 UTC: times in other zones are hard to compare. 2 times below it have no zone and may be in PDT too.');
    assert.deepEqual(zoned.data?.alternatives?.map((f) => f.title), [block.title, 'Convert only “1:37 PM PDT”: 20:37 UTC']);
    assert.equal(fixAll(text), text);
    assert.equal(fixAll(applied(text, block)), applied(text, block));
  });

  it('is not placed until its zone is written: no metric and no order check guesses it', () => {
    const text = 'postmortem: t\nincident:\n  started: 2021-10-28 1:37 PM PDT\n  detected: 2021-10-28 4:35 PM\ntimeline:\n  1:37 PM PDT  a\n  4:35 PM  b\n  2021-10-28 23:50 UTC  c\n  23:55  d\n';
    const analysis = analyze(text, { today: '2025-03-01' });
    // Read as UTC, 4:35 PM would come before 1:37 PM PDT (20:37 UTC): PM012 and PM014 would say so.
    assert.deepEqual(analysis.diagnostics.filter((d) => ['PM012', 'PM014'].includes(d.code)), []);
    assert.equal(analysis.metrics.timeToDetectMinutes, null);
    // Below a UTC time, a time without zone counts as UTC again.
    const timeline = analysis.ast.sections.find((s) => s.name === 'timeline') as TimelineSection;
    assert.deepEqual(timeline.events.map((e) => e.timestamp.instant !== undefined), [true, false, true, true]);
  });

  it('gives a converted time its date when the zone puts it on another UTC day', () => {
    const text = timeline('  1:37 PM PDT  a\n  5:10 PM  b\n');
    assert.equal(applied(text, found(text, 'PM010')[0].data!.alternatives![0]), timeline('  20:37 UTC  a\n  2021-10-29 00:10 UTC  b\n'));
  });

  it('reads a region zone with the offset in force on each time\'s own date', () => {
    // Daylight saving ended in Los Angeles on 2021-11-07: PDT (−7) before, PST (−8) after.
    const text = timeline('  2021-11-06 9:00 AM America/Los_Angeles  a\n  2021-11-08 9:00 AM  b\n');
    assert.equal(applied(text, found(text, 'PM010')[0].data!.alternatives![0]), timeline('  2021-11-06 16:00 UTC  a\n  2021-11-08 17:00 UTC  b\n'));
  });

  it('is marked UTC, as before, below a UTC time, below no zone, and across sections', () => {
    assert.equal(fixAll(timeline('  20:37 UTC  a\n  20:45  b\n')), timeline('  20:37 UTC  a\n  20:45 UTC  b\n'));
    assert.equal(fixAll(timeline('  20:37  a\n  20:45  b\n')), timeline('  20:37 UTC  a\n  20:45 UTC  b\n'));
    // `started` is in PDT, but the timeline gives no zone of its own.
    const text = 'postmortem: t\nincident:\n  started: 2021-10-28 1:37 PM PDT\ntimeline:\n  2021-10-28 20:40  a\n';
    assert.match(fixAll(text), /started: 2021-10-28 20:37 UTC\n.*\n {2}2021-10-28 20:40 UTC {2}a\n/s);
  });

  it('offers only "mark it UTC" below an ambiguous zone, which nothing can be converted from', () => {
    const [below] = found(timeline('  2021-10-28 09:00 AST  a\n  09:30  b\n'), 'PM010');
    assert.equal(below.message, 'Add a time zone to “09:30”: the time above it is in AST. Write this one in UTC.');
    assert.deepEqual(below.data?.alternatives?.map((f) => f.title), ['Mark the time as UTC']);
  });
});

describe('zones by region: generic names and IANA names, with daylight saving from Intl', () => {
  const conversions: [string, string, string?][] = [
    // Pacific: standard time in February, daylight time in July.
    ['2025-02-14 09:37 PT', '2025-02-14 17:37 UTC'],
    ['2025-07-14 09:37 PT', '2025-07-14 16:37 UTC'],
    ['2025-02-14 09:37 Pacific', '2025-02-14 17:37 UTC'],
    ['2025-07-14 09:37 Pacific Time', '2025-07-14 16:37 UTC'],
    ['2025-02-14 09:37 America/Los_Angeles', '2025-02-14 17:37 UTC'],
    ['2025-02-14 09:37 MT', '2025-02-14 16:37 UTC'],
    ['2025-02-14 09:37 Mountain', '2025-02-14 16:37 UTC'],
    ['2025-02-14 09:37 CT', '2025-02-14 15:37 UTC'],
    ['2025-07-14 09:37 Central', '2025-07-14 14:37 UTC'],
    ['2025-02-14 09:37 Eastern', '2025-02-14 14:37 UTC'],
    // Either side of the US spring-forward (2025-03-09 02:00 local) and fall-back (2025-11-02 02:00).
    ['2025-03-09 01:59 ET', '2025-03-09 06:59 UTC'],
    ['2025-03-09 03:00 ET', '2025-03-09 07:00 UTC'],
    ['2025-11-02 00:59 ET', '2025-11-02 04:59 UTC'],
    ['2025-11-02 02:00 ET', '2025-11-02 07:00 UTC'],
    // Europe switches on another day (2025-03-30 02:00 local).
    ['2025-03-29 12:00 Europe/Berlin', '2025-03-29 11:00 UTC'],
    ['2025-03-30 12:00 Europe/Berlin', '2025-03-30 10:00 UTC'],
    // Across midnight and the end of a month and a year.
    ['2025-03-31 23:30 ET', '2025-04-01 03:30 UTC'],
    ['2024-12-31 8:15 PM PT', '2025-01-01 04:15 UTC'],
    ['2025-03-01 00:30 Europe/Berlin', '2025-02-28 23:30 UTC'],
    ['2024-02-29 19:00 America/Chicago', '2024-03-01 01:00 UTC'],
    // The southern hemisphere has summer time in January.
    ['2025-01-15 09:00 Australia/Sydney', '2025-01-14 22:00 UTC'],
    ['2025-07-15 09:00 Australia/Sydney', '2025-07-14 23:00 UTC'],
  ];
  for (const [written, utc] of conversions) {
    it(`${written} → ${utc}`, () => {
      const result = event(written);
      assert.equal(result.fixed, utc);
      const pm011 = result.diagnostics.find((d) => d.code === 'PM011');
      assert.ok(pm011?.data?.fix, 'PM011 with a fix');
      assert.ok(!result.diagnostics.some((d) => d.code === 'PM010'));
    });
  }

  it('converts a time alone in a region zone with the date it borrows, gaining a date across midnight', () => {
    assert.equal(event('23:30 PT', '2025-02-14 10:00 UTC').fixed, '2025-02-15 07:30 UTC');
    assert.equal(event('09:37 PT', '2025-07-14 10:00 UTC').fixed, '16:37 UTC');
  });

  it('reports a time the clocks skipped (spring forward) as invalid, not shifted', () => {
    const result = event('2025-03-09 02:30 America/New_York');
    assert.equal(result.instant, undefined);
    const pm015 = result.diagnostics.find((d) => d.code === 'PM015');
    assert.match(pm015!.message, /did not happen in America\/New_York: the clocks went from UTC−05:00 to UTC−04:00/);
    assert.equal(result.fixed, '2025-03-09 02:30 America/New_York');
  });

  it('reports a time the clocks showed twice (fall back) with both readings and no fix', () => {
    const result = event('2025-11-02 01:30 ET');
    assert.equal(result.instant, undefined);
    const pm011 = result.diagnostics.find((d) => d.code === 'PM011')!;
    assert.equal(pm011.data?.fix, undefined);
    assert.match(pm011.message, /happened twice .* 2025-11-02 05:30 UTC \(UTC−04:00\) or 2025-11-02 06:30 UTC \(UTC−05:00\)/);
  });

  it('finds every reading of a local time from the runtime’s zone data', () => {
    assert.deepEqual(resolveLocalTime('Europe/Berlin', { year: 2025, month: 10, day: 26 }, 2, 30, 0).kind, 'ambiguous');
    assert.deepEqual(resolveLocalTime('Europe/Berlin', { year: 2025, month: 3, day: 30 }, 2, 30, 0).kind, 'gap');
    assert.deepEqual(resolveLocalTime('Asia/Kolkata', { year: 2025, month: 3, day: 30 }, 2, 30, 0), { kind: 'exact', instant: Date.UTC(2025, 2, 29, 21, 0), offsetMinutes: 330 });
  });

  it('reports an unknown zone-shaped word without a fix, and never stamps UTC beside it', () => {
    for (const written of ['09:37 PTZ', '2025-02-14 09:37 XST', '09:37 Mars/Olympus']) {
      const result = event(written);
      const pm011 = result.diagnostics.find((d) => d.code === 'PM011');
      assert.ok(pm011, written);
      assert.equal(pm011.data?.fix, undefined, written);
      assert.match(pm011.message, /not a time zone the checker knows/);
      assert.ok(!result.diagnostics.some((d) => d.code === 'PM010'), written);
      assert.equal(result.fixed, written);
    }
  });

  it('keeps plain words after a time as event text: no zone, and the UTC fix goes before them', () => {
    assert.equal(event('10:00 GET /health fails').fixed, '10:00 UTC GET /health fails');
    assert.equal(event('10:00 Database failover').fixed, '10:00 UTC Database failover');
  });
});

describe('approximate times', () => {
  for (const marker of ['~', '~ ', '≈', '± ', 'approx. ', 'about ', 'around ', 'circa ', 'ca. ', 'About ']) {
    it(`reads “${marker}23:25 UTC” as an approximate time`, () => {
      const result = scan(`${marker}23:25 UTC`)!;
      assert.equal(result.approximate, true);
      assert.equal(result.hour, 23);
      assert.equal(result.prefixStart, 0);
      assert.equal(result.start, marker.length);
    });
  }

  it('keeps an approximate event in the timeline (no PM001) and converts it keeping the marker', () => {
    const text = 'postmortem: t\nincident:\n  started: 2017-01-31 23:00 UTC\ntimeline:\n  ~23:25 UTC  rm -rf run on the wrong host\n  ± 17:20 PST  roughly\n';
    const analysis = analyze(text);
    assert.ok(!analysis.diagnostics.some((d) => d.code === 'PM001'));
    const events = (analysis.ast.sections[1] as { events: { timestamp: { approximate: boolean } }[] }).events;
    assert.deepEqual(events.map((e) => e.timestamp.approximate), [true, true]);
    assert.match(fixAll(text), /\n {2}± 2017-02-01 01:20 UTC {2}roughly\n/);
  });

  it('reads a marker between the date and the time, and the fix keeps it there', () => {
    const result = event('2017-01-31 ~23:25 PST');
    assert.equal(result.fixed, '2017-02-01 ~07:25 UTC');
    assert.equal(scan('2017-01-31 about 23:25 UTC')!.approximate, true);
  });

  it('flags every metric computed from an approximate time', () => {
    const text = 'postmortem: t\nincident:\n  started: ~2017-01-31 23:00 UTC\n  detected: 2017-01-31 23:30 UTC\n  responded: 2017-01-31 23:40 UTC\n  resolved: about 2017-02-01 18:00 UTC\n';
    const { metrics } = analyze(text);
    assert.equal(metrics.durationMinutes, 19 * 60);
    assert.deepEqual(metrics.approximate, ['durationMinutes', 'timeToDetectMinutes']);
  });
});

describe('zoned times in prose (PM011)', () => {
  const doc = (prose: string) => `postmortem: t\nincident:\n  started: 2017-02-28 17:37 UTC\nsummary:\n  ${prose}\n`;

  it('reports “At 9:37AM PST” with the conversion fix', () => {
    const text = doc('At 9:37AM PST, an engineer ran a command.');
    const pm011 = analyze(text).diagnostics.filter((d) => d.code === 'PM011');
    assert.equal(pm011.length, 1);
    assert.deepEqual(pm011[0].range, { start: { line: 4, character: 5 }, end: { line: 4, character: 15 } });
    assert.match(fixAll(text), /At 17:37 UTC, an engineer/);
  });

  it('converts region zones and dated times in prose', () => {
    assert.match(fixAll(doc('By 2017-03-01 10:00 Eastern it was over.')), /By 2017-03-01 15:00 UTC it was over/);
    assert.match(fixAll(doc('Paged at 11:05 PT.')), /Paged at 19:05 UTC\./);
  });

  it('takes the day its own sentence names, not the start date, for a time alone', () => {
    // Roblox's outage ran over four days; a summary names them, in our own words.
    const text = doc('At 5 PM PT on March 2 the cluster slowed again. On Mar. 3rd, 2017 at 4:45 PM PST all was back. Around 11 AM PT a flag was reverted.');
    const fixed = fixAll(text);
    // 5 PM PST on March 2 is 01:00 UTC on March 3: read on the start date, it was a day early.
    assert.match(fixed, /At 2017-03-03 01:00 UTC on March 2 the cluster/);
    assert.match(fixed, /On Mar\. 3rd, 2017 at 2017-03-04 00:45 UTC all was back/);
    // Another sentence's day is not this time's: it takes the start date.
    assert.match(fixed, /Around 19:00 UTC a flag was reverted/);
  });

  describe('a range written with one zone: one finding, both times converted', () => {
    // `2:05 PM and 3:40 PM Eastern` pairs two timestamps; `2:05–3:40 PM ET` is one timestamp with a range.
    // Modeled on how status pages write windows (“between 2:05 PM and 3:40 PM Eastern”); our own sentences.
    const cases: [string, string, string][] = [
      ['Between 2:05 PM and 3:40 PM Eastern, 12% of requests failed.', '2:05 PM and 3:40 PM Eastern', 'Between 19:05 and 20:40 UTC, 12% of requests failed.'],
      ['Errors ran 2:05–3:40 PM ET.', '2:05–3:40 PM ET', 'Errors ran 19:05–20:40 UTC.'],
      ['Writes failed from 10:00-12:00 PST.', '10:00-12:00 PST', 'Writes failed from 18:00-20:00 UTC.'],
      ['Paused 11:50 to 12:10 PM PT.', '11:50 to 12:10 PM PT', 'Paused 19:50 to 20:10 UTC.'],
      ['From 9:00 to 17:00 CET nothing moved.', '9:00 to 17:00 CET', 'From 08:00 to 16:00 UTC nothing moved.'],
      ['Degraded 11:30 PM until 1:10 AM CET.', '11:30 PM until 1:10 AM CET', 'Degraded 2017-02-27 22:30 until 00:10 UTC.'],
    ];
    for (const [prose, written, fixed] of cases) {
      it(`“${written}”`, () => {
        const text = doc(prose);
        const pm011 = analyze(text).diagnostics.filter((d) => d.code === 'PM011');
        assert.equal(pm011.length, 1, pm011.map((d) => d.message).join(' | '));
        assert.equal(text.split('\n')[4].slice(pm011[0].range.start.character, pm011[0].range.end.character), written);
        assert.match(pm011[0].message, new RegExp(`^Write “${written}” in UTC as `));
        assert.equal(fixAll(text).split('\n')[4].trim(), fixed);
      });
    }

    it('reports a range it cannot place in UTC without a fix', () => {
      const pm011 = analyze(doc('Down 9:00 to 10:00 PT and after.').replace('2017-02-28 17:37 UTC', '17:37')).diagnostics.filter((d) => d.code === 'PM011');
      assert.equal(pm011.length, 1);
      assert.equal(pm011[0].data?.fix, undefined);
      assert.match(pm011[0].message, /Write “9:00 to 10:00 PT” in UTC/);
    });
  });

  it('leaves zone-less times, UTC times, ranges and counts in prose alone', () => {
    const text = doc('At 10:00 and 14:30 UTC; between 10:00-12:00; ratio 3:1; build 1.10:30; 14:30 DB failover.');
    assert.deepEqual(analyze(text).diagnostics.filter((d) => d.code === 'PM011' || d.code === 'PM010'), []);
  });
});

describe('a time range at the start of an event', () => {
  const cases: [string, string, string][] = [
    // written, diagnostic, the event's time after --fix
    ['14:20 - 14:25', 'PM010', '14:20 - 14:25 UTC'],
    ['10:00-12:00', 'PM010', '10:00-12:00 UTC'],
    ['2:05-2:10 PM', 'PM010', '14:05-14:10 UTC'],
    ['11:50 to 12:10 PM', 'PM010', '11:50 to 12:10 UTC'],
    ['2:05–2:10 PM ET', 'PM011', '19:05–19:10 UTC'],
    ['23:50–00:10 CET', 'PM011', '22:50–23:10 UTC'],
    ['14:20 - 14:25 UTC', '', '14:20 - 14:25 UTC'],
  ];
  for (const [written, code, fixed] of cases) {
    it(`“${written}” is one timestamp at its first time, ${code || 'with nothing to report'}`, () => {
      const result = event(written);
      assert.deepEqual(result.diagnostics.map((d) => d.code), code ? [code] : []);
      assert.equal(result.fixed, fixed);
    });
  }

  it('keeps reading a tight hyphen after a dated time as its offset', () => {
    const result = event('2025-02-14 14:30-08:00');
    assert.deepEqual(result.diagnostics.map((d) => d.code), ['PM011']);
    assert.equal(result.fixed, '2025-02-14 22:30 UTC');
  });

  it('shows the range in the preview and the export, in UTC', () => {
    const text = 'postmortem: t\nincident:\n  started: 2025-02-14 10:00 UTC\ntimeline:\n  2:05-2:10 PM ET  Retries pile up\n';
    const analysis = analyze(text, { today: '2025-03-01' });
    assert.match(render(analysis), /<time><span class="pm-day">2025-02-14<\/span> 19:05–19:10<\/time> <span class="pm-written">\(written 2:05-2:10 PM ET\)<\/span>/);
    assert.match(toMarkdown(analysis), /19:05–19:10 \(written 2:05-2:10 PM ET\)/);
  });
});

describe('dates written out as in reports (PM015, PM001)', () => {
  it('gives a due date written as a quarter or a month its last day, and leaves fiscal quarters and sprints alone', () => {
    // Action items as real reviews date them (Roblox's October 2021 write-up, in our own words).
    const item = (due: string) => `postmortem: t\nactions:\n  A1: Alert at 80%\n    due: ${due}\n`;
    const pm015 = (due: string) => analyze(item(due), { today: '2025-03-01' }).diagnostics.find((d) => d.code === 'PM015')!;
    const fixed = (due: string) => fixDocument(item(due), { today: '2025-03-01', config: { rules: { PM002: 'off', PM030: 'off', PM031: 'off', PM032: 'off', PM033: 'off', PM034: 'off' } } }).text;
    assert.equal(pm015('Q2 2022').data?.fix?.title, 'Write the due date as 2022-06-30, the last day of Q2 2022');
    for (const [due, date] of [['Q2 2022', '2022-06-30'], ['2022 Q4', '2022-12-31'], ['end of June 2022', '2022-06-30'], ['by Feb 2024', '2024-02-29']]) {
      assert.equal(fixed(due), item(date), due);
    }
    for (const due of ['Q2 FY23', 'next sprint']) assert.equal(pm015(due).data?.fix, undefined, due);
  });

  // Modeled on how public reports date events (“February 28, 2017 9:37 AM PST”); our own lines.
  const text = [
    'postmortem: t',
    'date: March 3, 2017',
    'incident:',
    '  started: February 28, 2017 9:37 AM PST',
    '  detected: Tue, Feb 28, 2017 at 9:45 AM PST',
    '  mitigated: ~Feb 28, 2017 1:30 PM PST',
    'timeline:',
    '  Feb 28, 2017 9:37 AM PST  Errors begin',
    '  28 February 2017 10:05 AM PST  Status page updated',
    '  March 2017 was when it was fixed',
    'followup:',
    '  March 10, 2017: all items on track',
    '',
  ].join('\n');

  it('offers the ISO date for each, and none where no day is written', () => {
    const analysis = analyze(text, { today: '2017-03-12' });
    const fixes = analysis.diagnostics.filter((d) => d.code === 'PM015' || d.code === 'PM001').map((d) => [d.range.start.line, d.data?.fix?.title ?? null]);
    assert.deepEqual(fixes, [
      [1, 'Write the date as 2017-03-03'],
      [3, 'Write the date as 2017-02-28'],
      [4, 'Write the date as 2017-02-28'],
      [5, 'Write the date as 2017-02-28'],
      [7, 'Write the date as 2017-02-28'],
      [8, 'Write the date as 2017-02-28'],
      [9, null],
      [11, 'Write the date as 2017-03-10'],
    ]);
  });

  it('ends, after every fix, in ISO dates and UTC times with the words kept', () => {
    const fixed = fixDocument(text, { today: '2017-03-12', config: { rules: { PM002: 'off', PM003: 'off' } } }).text.split('\n');
    assert.deepEqual(fixed.slice(1, 12), [
      'date: 2017-03-03',
      'incident:',
      '  started: 2017-02-28 17:37 UTC',
      '  detected: 2017-02-28 17:45 UTC',
      '  mitigated: ~2017-02-28 21:30 UTC',
      'timeline:',
      '  2017-02-28 17:37 UTC  Errors begin',
      '  2017-02-28 18:05 UTC  Status page updated',
      '  March 2017 was when it was fixed',
      'followup:',
      '  2017-03-10 all items on track',
    ]);
  });
});

describe('metrics', () => {
  it('are null, not negative, when the end precedes the start', () => {
    const text = 'postmortem: t\nincident:\n  started: 2025-02-14 22:00 UTC\n  resolved: 2025-02-14 14:17 UTC\n  impact started: 2025-02-14 22:10 UTC\n  impact ended: 2025-02-14 22:37 UTC\n';
    const { metrics, diagnostics } = analyze(text);
    assert.equal(metrics.durationMinutes, null);
    assert.equal(metrics.impactMinutes, 27);
    assert.ok(diagnostics.some((d) => d.code === 'PM014'));
  });
});
