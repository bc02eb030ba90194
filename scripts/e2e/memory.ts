// Peak memory of a process group (code-server with its extension hosts, or Chromium with its
// renderers), read from /proc. PSS counts pages shared between the processes once, so the sum is
// what the group really costs; the RSS sum is kept too because it is the number `ps` users know.
import { readdirSync, readFileSync } from 'node:fs';

function processGroupOf(pid: string): number {
  // Field 5 of /proc/PID/stat; the command name (field 2) may hold spaces, so split after ')'.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[2]);
}

function memoryOf(pid: string): { pssBytes: number; rssBytes: number } {
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kilobytes = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0);
  return { pssBytes: kilobytes('Pss') * 1024, rssBytes: kilobytes('Rss') * 1024 };
}

export interface GroupMemory {
  pssBytes: number;
  rssBytes: number;
  processes: number;
}

/** Current PSS and RSS summed over every process in the group. */
export function measureProcessGroup(groupId: number): GroupMemory {
  let pssBytes = 0;
  let rssBytes = 0;
  let processes = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (processGroupOf(entry) !== groupId) continue;
      const memory = memoryOf(entry);
      pssBytes += memory.pssBytes;
      rssBytes += memory.rssBytes;
      processes += 1;
    } catch {
      // The process ended between listing and reading.
    }
  }
  return { pssBytes, rssBytes, processes };
}

/** Samples the watched groups every `intervalMs` and keeps the peaks until stop() is called. */
export function startPeakMemorySampler(intervalMs = 500) {
  const groups = new Map<string, number>();
  const peaks: Record<string, GroupMemory> = {};
  const sample = () => {
    for (const [name, groupId] of groups) {
      const now = measureProcessGroup(groupId);
      const peak = (peaks[name] ??= { pssBytes: 0, rssBytes: 0, processes: 0 });
      peak.pssBytes = Math.max(peak.pssBytes, now.pssBytes);
      peak.rssBytes = Math.max(peak.rssBytes, now.rssBytes);
      peak.processes = Math.max(peak.processes, now.processes);
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    watch(name: string, groupId: number): void {
      groups.set(name, groupId);
      sample();
    },
    stop(): Record<string, GroupMemory> {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}
