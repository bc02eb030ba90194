import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analysis/analyze';
import { applyEdits } from '../../server/src/core/analysis/edits';
import { TimestampScan, ZONE_ABBREVIATIONS, formatDuration, parseDurationSeconds, scanTimestamp } from '../../server/src/core/language/time';

/** The timestamp at the start of `text`, or undefined. */
function parseTimestamp(text: string): TimestampScan | undefined {
  const scan = new TimestampScan();
  return scanTimestamp(text, 0, scan) ? scan : undefined;
}

/** Runs the PM011 fix on one timeline event and returns the rewritten timestamp line. */
function convert(stamp: string, started = '2025-02-14 10:00 UTC'): string | undefined {
  const text = `postmortem: t\nincident:\n  started: ${started}\ntimeline:\n  ${stamp}  event\n`;
  const analysis = analyze(text, { today: '2025-03-01' });
  const diagnostic = analysis.diagnostics.find((d) => d.code === 'PM011' && d.range.start.line === 4);
  if (!diagnostic?.data?.fix) return undefined;
  return applyEdits(analysis.lines, diagnostic.data.fix.edits).split('\n')[4].trim().replace(/ {2}event$/, '');
}

describe('time zones and conversion to UTC', () => {
  const cases: [string, string][] = [
    ['2025-02-14 06:30 PST', '2025-02-14 14:30 UTC'],
    ['2025-07-14 07:30 PDT', '2025-07-14 14:30 UTC'],
    ['2025-02-14 09:30 EST', '2025-02-14 14:30 UTC'],
    ['2025-07-14 10:30 EDT', '2025-07-14 14:30 UTC'],
    ['2025-02-14 08:30 CST', '2025-02-14 14:30 UTC'],
    ['2025-07-14 09:30 CDT', '2025-07-14 14:30 UTC'],
    ['2025-02-14 07:30 MST', '2025-02-14 14:30 UTC'],
    ['2025-07-14 08:30 MDT', '2025-07-14 14:30 UTC'],
    ['2025-02-14 15:30 CET', '2025-02-14 14:30 UTC'],
    ['2025-07-14 16:30 CEST', '2025-07-14 14:30 UTC'],
    ['2025-07-14 15:30 BST', '2025-07-14 14:30 UTC'],
    ['2025-02-14 20:00 IST', '2025-02-14 14:30 UTC'],
    ['2025-02-14 23:30 JST', '2025-02-14 14:30 UTC'],
    ['2025-07-15 00:30 AEST', '2025-07-14 14:30 UTC'],
    ['2025-02-15 01:30 AEDT', '2025-02-14 14:30 UTC'],
    ['2025-02-14 20:15 NPT', '2025-02-14 14:30 UTC'],
    ['2025-02-14T16:30+02:00', '2025-02-14T14:30Z'],
    ['2025-02-14T06:30:05-0800', '2025-02-14T14:30:05Z'],
    ['2025-02-14 16:30 +02:00', '2025-02-14 14:30 UTC'],
    ['2025-02-14 16:30 UTC+2', '2025-02-14 14:30 UTC'],
    ['2025-02-14 14:30 GMT', '2025-02-14 14:30 UTC'],
    ['15:30 CET', '14:30 UTC'],
    // A time alone gains a date when conversion crosses midnight.
    ['23:30 PST', '2025-02-15 07:30 UTC'],
  ];
  for (const [input, expected] of cases) {
    it(`${input} → ${expected}`, () => assert.equal(convert(input), expected));
  }

  it('reports an ambiguous abbreviation without converting it', () => {
    for (const zone of Object.keys(ZONE_ABBREVIATIONS).filter((z) => ZONE_ABBREVIATIONS[z].ambiguous)) {
      const text = `postmortem: t\ntimeline:\n  2025-02-14 10:00 ${zone}  event\n`;
      const diagnostic = analyze(text, {}).diagnostics.find((d) => d.code === 'PM011');
      assert.ok(diagnostic, zone);
      assert.equal(diagnostic.data?.fix, undefined, zone);
      assert.match(diagnostic.message, /ambiguous/);
    }
  });

  it('does not take capitalised words that are not zones for zones', () => {
    assert.equal(parseTimestamp('14:30 DB failover')!.zoneKind, 'none');
    assert.equal(parseTimestamp('14:30 db failover')!.zoneKind, 'none');
    assert.equal(parseTimestamp('14:30 UTC DB failover')!.zoneKind, 'utc');
    assert.equal(parseTimestamp('1430 UTC'), undefined);
    assert.equal(parseTimestamp('123:45'), undefined);
  });

  it('reads a timestamp in the middle of a document without reading past its line', () => {
    const text = 'timeline:\n  14:30\nUTC is on the next line\n  2025-02-14 09:05 PST  deploy';
    const scan = new TimestampScan();
    assert.ok(scanTimestamp(text, 12, scan));
    assert.deepEqual([scan.start, scan.end, scan.zoneKind], [12, 17, 'none']);
    const second = text.indexOf('2025');
    assert.ok(scanTimestamp(text, second, scan));
    assert.equal(text.slice(scan.start, scan.end), '2025-02-14 09:05 PST');
    assert.deepEqual([scan.dateEnd - second, scan.timeStart - second, scan.zoneOffsetMinutes], [10, 11, -480]);
  });

  it('flags impossible dates and times', () => {
    assert.match(parseTimestamp('2025-02-29 10:00 UTC')!.invalidReason!, /does not exist/);
    assert.equal(parseTimestamp('2024-02-29 10:00 UTC')!.invalidReason, undefined);
    assert.match(parseTimestamp('24:00 UTC')!.invalidReason!, /hour 24/);
    assert.match(parseTimestamp('10:60 UTC')!.invalidReason!, /minute 60/);
  });
});

describe('durations', () => {
  const parsed: [string, number][] = [['45m', 2700], ['1h 30m', 5400], ['1h30m', 5400], ['90s', 90], ['2d 4h', 187200], ['1 h 5 min', 3900]];
  for (const [text, seconds] of parsed) it(`parses ${text}`, () => assert.equal(parseDurationSeconds(text), seconds));
  it('rejects what is not a duration', () => {
    for (const text of ['', 'soon', '45', 'm45', '1h 30']) assert.equal(parseDurationSeconds(text), undefined, text);
  });
  it('writes durations in the language’s own form', () => {
    assert.equal(formatDuration(2700), '45m');
    assert.equal(formatDuration(5400), '1h 30m');
    assert.equal(formatDuration(3600), '1h');
    assert.equal(formatDuration(187200), '2d 4h');
    assert.equal(formatDuration(90), '90s');
  });
});
