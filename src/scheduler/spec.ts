import { CronExpressionParser } from 'cron-parser';
import { UserError } from '../core/errors.ts';

// What a user types after `/digest schedule`: a preset ("daily 08:00", "weekdays 9:30am", "mondays 18:00",
// "hourly", "every 3 hours") or a five-field cron expression, optionally followed by an IANA time zone.

export interface ScheduleSpec {
  /** Five-field cron expression (minute hour day-of-month month day-of-week). */
  cron: string;
  /** IANA time zone the expression is read in. */
  timezone: string;
  /** How the user wrote it, for display. */
  label: string;
}

/** Digests closer together than this would flood a channel; cron allows it, we don't. */
export const MIN_INTERVAL_MINUTES = 15;

const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const DAY_WORD = /^(sun|mon|tue|wed|thu|fri|sat)[a-z]*$/;
const TIME_WORD = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/;

export const SCHEDULE_HINT =
  'Write a preset such as “daily 08:00”, “weekdays 09:30”, “mondays 18:00”, “hourly” or “every 3 hours”, or a five-field cron expression such as “0 8 * * 1-5”, optionally followed by a time zone (Europe/Berlin).';

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Splits "daily 08:00 Europe/Berlin" into the schedule and the zone (a trailing word with "/" or UTC). */
export function splitTimeZone(text: string): { when: string; timezone?: string } {
  const words = text.trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  if (words.length > 1 && (last.includes('/') || /^(utc|gmt)$/i.test(last)) && !/^[\d*,/-]+$/.test(last)) {
    return { when: words.slice(0, -1).join(' '), timezone: last };
  }
  return { when: text.trim() };
}

/** Parses and validates a schedule; every mistake is a UserError that says what to write instead. */
export function parseSchedule(input: string, timezone: string): ScheduleSpec {
  const zone = timezone.trim();
  if (!isValidTimeZone(zone)) {
    throw new UserError(`“${zone}” is not a time zone I know. Use an IANA name such as Europe/Berlin, America/New_York or UTC.`);
  }
  const label = input.trim().replace(/\s+/g, ' ');
  if (label === '') throw new UserError(SCHEDULE_HINT);
  const cron = presetToCron(label.toLowerCase()) ?? cronFromText(label);
  assertNotTooFrequent(cron, zone);
  return { cron, timezone: normaliseZone(zone), label };
}

function normaliseZone(zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone }).resolvedOptions().timeZone;
}

function presetToCron(text: string): string | undefined {
  if (text === 'hourly' || text === 'every hour') return '0 * * * *';
  const every = /^every (\d{1,2}) hours?$/.exec(text);
  if (every) {
    const hours = Number(every[1]);
    if (hours < 1 || hours > 23) throw new UserError('“every N hours” takes N from 1 to 23.');
    return hours === 1 ? '0 * * * *' : `0 */${hours} * * *`;
  }
  const words = text.split(' ');
  const time = words.length >= 2 ? parseTime(words.slice(1).join(' ')) : undefined;
  const head = words[0] ?? '';
  if (!time) {
    if (['daily', 'weekdays', 'weekends', 'weekly'].includes(head) || DAY_WORD.test(head)) {
      throw new UserError(`“${text}” needs a time such as 08:00 or 9:30am. ${SCHEDULE_HINT}`);
    }
    return undefined;
  }
  const [minute, hour] = time;
  if (head === 'daily' || head === 'every day') return `${minute} ${hour} * * *`;
  if (head === 'weekdays') return `${minute} ${hour} * * 1-5`;
  if (head === 'weekends') return `${minute} ${hour} * * 0,6`;
  const day = DAY_WORD.exec(head);
  if (day) return `${minute} ${hour} * * ${DAYS[day[1]!]}`;
  return undefined;
}

/** "08:00", "8", "9:30am", "12pm" -> [minute, hour]. */
function parseTime(text: string): [number, number] | undefined {
  const match = TIME_WORD.exec(text.replace(/\s+/g, ''));
  if (!match) return undefined;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? '0');
  const meridiem = match[3];
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) throw new UserError(`“${text}” is not a time of day.`);
  return [minute, hour];
}

function cronFromText(text: string): string {
  const fields = text.split(' ');
  if (fields.length !== 5) {
    throw new UserError(
      fields.length === 6
        ? 'Digests are scheduled to the minute: use five cron fields (minute hour day month weekday), not six.'
        : `I can't read “${text}” as a schedule. ${SCHEDULE_HINT}`,
    );
  }
  try {
    CronExpressionParser.parse(text, { strict: false });
  } catch (error) {
    throw new UserError(`“${text}” is not a valid cron expression (${(error as Error).message}). ${SCHEDULE_HINT}`, { cause: error });
  }
  return text;
}

function assertNotTooFrequent(cron: string, timezone: string): void {
  const runs = nextRuns({ cron, timezone }, new Date('2030-01-07T00:00:00Z'), 6);
  for (let i = 1; i < runs.length; i++) {
    if (runs[i]!.getTime() - runs[i - 1]!.getTime() < MIN_INTERVAL_MINUTES * 60_000) {
      throw new UserError(`That would post a digest more often than every ${MIN_INTERVAL_MINUTES} minutes; pick a slower schedule.`);
    }
  }
}

/**
 * The next `count` run times strictly after `from`, under the DST policy of slots.ts. cron-parser
 * moves a time in the skipped spring hour forward by the gap (as Temporal's "compatible" option does);
 * a fixed-hour time in the repeated autumn hour is kept only at its first occurrence (cron-parser
 * returns the second one too when it starts inside the hour). Schedules whose hour field is "*" or a
 * step follow real elapsed time and keep both.
 */
export function nextRuns(spec: Pick<ScheduleSpec, 'cron' | 'timezone'>, from: Date, count: number): Date[] {
  const runs: Date[] = [];
  for (const run of runsAfter(spec, from)) {
    runs.push(run);
    if (runs.length >= count) break;
  }
  return runs;
}

/** The policy's run times after `from`, lazily (one cron parse however many are read). */
export function* runsAfter(spec: Pick<ScheduleSpec, 'cron' | 'timezone'>, from: Date): Generator<Date> {
  const iterator = CronExpressionParser.parse(spec.cron, { tz: spec.timezone, currentDate: from });
  const realTime = (spec.cron.split(/\s+/)[1] ?? '').includes('*');
  for (;;) {
    const run = iterator.next().toDate();
    if (realTime || !isRepeatedWallTime(run, spec.timezone)) yield run;
  }
}

/** True when the wall-clock time of `instant` already happened earlier that night (the second pass of a fall-back hour). */
export function isRepeatedWallTime(instant: Date, timezone: string): boolean {
  const wall = wallClock(instant, timezone);
  return [30, 60, 120].some((minutes) => wallClock(new Date(instant.getTime() - minutes * 60_000), timezone) === wall);
}

const wallFormats = new Map<string, Intl.DateTimeFormat>();

function wallClock(instant: Date, timezone: string): string {
  let format = wallFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    wallFormats.set(timezone, format);
  }
  return format.format(instant);
}

/** "Mon 30 Nov 2026, 08:00 CET" in the schedule's zone. */
export function formatRun(date: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}
