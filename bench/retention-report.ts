import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { median } from './stats.ts';

// The retention bench's verdict and its optional per-day CPU profiles.

export interface DayRow {
  day: number;
  cpuPerMinute: number;
  fileMb: number;
  liveMb: number;
}

/** How far from the day-30 figure the end may be and still count as flat. */
const FLAT = 0.1;
/** Retention starts deleting after day 30. */
const SETTLED_DAY = 30;
/** CPU windows: 5 days (days 28–32 against the last 5) and 11 days (25–35 against the last 11). */
const HALF_WINDOWS = [2, 5];

function compare(label: string, early: number, late: number, unit: string): string {
  const change = (late - early) / early;
  const verdict = Math.abs(change) <= FLAT ? 'flat (within ±10 %)' : 'NOT flat (beyond ±10 %)';
  return `${label}: ${early.toFixed(2)} → ${late.toFixed(2)} ${unit} (${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)} %): ${verdict}`;
}

/**
 * Day 30 against the last day. A single day's CPU moves with the machine's load (other processes,
 * GC), so CPU is compared as the median of a window of days around day 30 and of the last days.
 */
export function printVerdict(rows: DayRow[]): void {
  const last = rows.at(-1);
  const settled = rows.find((row) => row.day === SETTLED_DAY);
  if (!last || !settled || last.day < SETTLED_DAY + 2 * HALF_WINDOWS[0]! + 1) {
    console.log(`(fewer than ${SETTLED_DAY + 2 * HALF_WINDOWS[0]! + 1} days: no day-30 comparison)`);
    return;
  }
  const window = (from: number, to: number) => rows.filter((row) => row.day >= from && row.day <= to);
  console.log(`\nday ${SETTLED_DAY} against day ${last.day} (flat = within ±${FLAT * 100} %):`);
  console.log(compare(`DB file, day ${SETTLED_DAY} → day ${last.day}`, settled.fileMb, last.fileMb, 'MB'));
  console.log(compare(`DB in use, day ${SETTLED_DAY} → day ${last.day}`, settled.liveMb, last.liveMb, 'MB'));
  for (const half of HALF_WINDOWS) {
    if (last.day < SETTLED_DAY + 2 * half + 1) continue;
    const early = window(SETTLED_DAY - half, SETTLED_DAY + half);
    const late = window(last.day - 2 * half, last.day);
    const name = (days: DayRow[]) => `days ${days[0]!.day}–${days.at(-1)!.day}`;
    const cpu = (days: DayRow[]) => median(days.map((row) => row.cpuPerMinute));
    console.log(compare(`CPU per simulated minute, median of ${name(early)} → median of ${name(late)}`, cpu(early), cpu(late), 'ms'));
  }
  console.log(compare(`(CPU, day ${SETTLED_DAY} → day ${last.day} alone)`, settled.cpuPerMinute, last.cpuPerMinute, 'ms'));
}

/** With BENCH_PROFILE=<dir>, one V8 CPU profile per simulated day (open in Chrome DevTools), to see what grows. */
export async function startProfiler(dir: string | undefined) {
  if (!dir) return undefined;
  mkdirSync(dir, { recursive: true });
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  return {
    start: () => session.post('Profiler.start'),
    async stop(name: string): Promise<void> {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    },
    close: () => session.disconnect(),
  };
}
