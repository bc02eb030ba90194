import type { CalendarDate } from './ast';

/**
 * Zones whose offset depends on the date: IANA names (`America/Los_Angeles`) and the generic
 * names people use for a region's clock (`PT`, `Eastern`). Offsets come from the runtime's own
 * time-zone data through `Intl`, so daylight saving follows the real rules of each year; no
 * table of rules is kept here.
 */

/** The generic names and the IANA zone whose clock each means. */
export const GENERIC_REGIONS: Readonly<Record<string, { zone: string; meaning: string }>> = {
  PT: { zone: 'America/Los_Angeles', meaning: 'US Pacific Time' },
  PACIFIC: { zone: 'America/Los_Angeles', meaning: 'US Pacific Time' },
  MT: { zone: 'America/Denver', meaning: 'US Mountain Time' },
  MOUNTAIN: { zone: 'America/Denver', meaning: 'US Mountain Time' },
  CT: { zone: 'America/Chicago', meaning: 'US Central Time' },
  CENTRAL: { zone: 'America/Chicago', meaning: 'US Central Time' },
  ET: { zone: 'America/New_York', meaning: 'US Eastern Time' },
  EASTERN: { zone: 'America/New_York', meaning: 'US Eastern Time' },
};

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** A formatter that writes wall-clock parts in `zone`; null when the runtime does not know the zone. */
function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      formatter = null;
    }
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The canonical IANA name of `name` when the runtime knows it (`america/los_angeles` → `America/Los_Angeles`). */
export function knownIanaZone(name: string): string | undefined {
  return formatterFor(name)?.resolvedOptions().timeZone;
}

/** Minutes east of UTC in force in `zone` at `instant`. */
export function offsetAt(zone: string, instant: number): number {
  const parts = formatterFor(zone)!.formatToParts(new Date(instant));
  const value = (type: string) => +(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'), value('second'));
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
}

export type LocalTime =
  | { kind: 'exact'; instant: number; offsetMinutes: number }
  /** The clocks skipped this wall time (spring forward). */
  | { kind: 'gap'; before: number; after: number }
  /** The clocks showed this wall time twice (fall back): both readings, earlier first. */
  | { kind: 'ambiguous'; instants: [number, number]; offsets: [number, number] };

const DAY = 86_400_000;

/**
 * The instant a wall-clock time in `zone` names. The offsets a day either side bracket any
 * switch (no zone changes its clock twice in two days), so trying both finds every reading.
 */
export function resolveLocalTime(zone: string, date: CalendarDate, hour: number, minute: number, second: number): LocalTime {
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute, second);
  const before = offsetAt(zone, wall - DAY);
  const after = offsetAt(zone, wall + DAY);
  const readings: { instant: number; offset: number }[] = [];
  for (const offset of before === after ? [before] : [before, after]) {
    const instant = wall - offset * 60_000;
    if (offsetAt(zone, instant) === offset) readings.push({ instant, offset });
  }
  if (readings.length === 0) return { kind: 'gap', before, after };
  if (readings.length === 1) return { kind: 'exact', instant: readings[0].instant, offsetMinutes: readings[0].offset };
  readings.sort((a, b) => a.instant - b.instant);
  return { kind: 'ambiguous', instants: [readings[0].instant, readings[1].instant], offsets: [readings[0].offset, readings[1].offset] };
}

/** `UTC−07:00`, `UTC+05:30`. */
export function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? '−' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
