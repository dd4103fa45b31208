import { runsAfter, type ScheduleSpec } from './spec.ts';

/**
 * A digest missed while the bot was down (or while the clock jumped) still runs once if its slot is at
 * most this old; older misses are dropped, so a bot that was down overnight does not post yesterday's
 * evening digest at breakfast.
 */
export const MISSED_RUN_GRACE_MS = 3 * 60 * 60_000;

/** Enough slots to walk the grace window of the densest schedule we accept (one per 15 minutes). */
const MAX_SLOTS_SCANNED = 64;

/**
 * The slot that should run now: the latest run time of the schedule that is at or before `now`,
 * strictly after `after` (the last slot already run, or the time the schedule was set), and no older
 * than the grace window. Undefined when nothing is due.
 *
 * DST policy (the run times come from nextRuns, checked in tests/scheduler/slots.test.ts):
 * - a time inside the skipped hour of a spring-forward change runs once, shifted forward by the gap
 *   (02:30 in Europe/Berlin on the last Sunday of March runs at 03:30 CEST), so the day still gets its digest;
 * - a time inside the repeated hour of a fall-back change runs once, at its first occurrence
 *   (02:30 CEST, not again at 02:30 CET);
 * - schedules with a wildcard or step hour ("every hour") follow real elapsed time: each real hour runs once.
 * Slots are instants (UTC), and "already run" is recorded per instant, so a node-cron task and the
 * heartbeat that both notice a slot still post one digest.
 */
export function dueSlot(spec: Pick<ScheduleSpec, 'cron' | 'timezone'>, now: Date, after: Date | undefined, graceMs = MISSED_RUN_GRACE_MS): Date | undefined {
  const windowStart = now.getTime() - graceMs;
  const from = Math.max(windowStart - 1, after?.getTime() ?? Number.NEGATIVE_INFINITY);
  if (from >= now.getTime()) return undefined;
  let due: Date | undefined;
  let scanned = 0;
  for (const next of runsAfter(spec, new Date(from))) {
    if (next.getTime() > now.getTime() || ++scanned > MAX_SLOTS_SCANNED) break;
    due = next;
  }
  return due;
}
