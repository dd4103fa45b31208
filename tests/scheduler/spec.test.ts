import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src/core/errors.ts';
import { formatRun, nextRuns, parseSchedule, splitTimeZone } from '../../src/scheduler/spec.ts';

function userErrorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isUserError(error)) return error.message;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('schedule presets and cron', () => {
  it('reads presets as cron expressions', () => {
    expect(parseSchedule('daily 08:00', 'UTC').cron).toBe('0 8 * * *');
    expect(parseSchedule('weekdays 09:30', 'Europe/Berlin').cron).toBe('30 9 * * 1-5');
    expect(parseSchedule('Weekdays 9:30am', 'UTC').cron).toBe('30 9 * * 1-5');
    expect(parseSchedule('weekends 6pm', 'UTC').cron).toBe('0 18 * * 0,6');
    expect(parseSchedule('mondays 18:00', 'UTC').cron).toBe('0 18 * * 1');
    expect(parseSchedule('hourly', 'UTC').cron).toBe('0 * * * *');
    expect(parseSchedule('every 3 hours', 'UTC').cron).toBe('0 */3 * * *');
    expect(parseSchedule('0 7 * * 1-5', 'UTC').cron).toBe('0 7 * * 1-5');
  });

  it('refuses what it cannot read, saying what to write', () => {
    expect(userErrorOf(() => parseSchedule('daily', 'UTC'))).toMatch(/needs a time/);
    expect(userErrorOf(() => parseSchedule('daily 25:00', 'UTC'))).toMatch(/not a time of day/);
    expect(userErrorOf(() => parseSchedule('0 61 * * *', 'UTC'))).toMatch(/not a valid cron/);
    expect(userErrorOf(() => parseSchedule('0 0 8 * * *', 'UTC'))).toMatch(/five cron fields/);
    expect(userErrorOf(() => parseSchedule('whenever', 'UTC'))).toMatch(/daily 08:00/);
    expect(userErrorOf(() => parseSchedule('* * * * *', 'UTC'))).toMatch(/more often than every 15 minutes/);
    expect(userErrorOf(() => parseSchedule('daily 08:00', 'Mars/Olympus'))).toMatch(/not a time zone/);
  });

  it('takes a trailing time zone off the schedule text', () => {
    expect(splitTimeZone('daily 08:00 Europe/Berlin')).toEqual({ when: 'daily 08:00', timezone: 'Europe/Berlin' });
    expect(splitTimeZone('0 8 * * 1-5 UTC')).toEqual({ when: '0 8 * * 1-5', timezone: 'UTC' });
    expect(splitTimeZone('0 */3 * * *')).toEqual({ when: '0 */3 * * *' });
  });

  it('lists the next three runs in the schedule’s zone', () => {
    const spec = parseSchedule('weekdays 09:30', 'America/New_York');
    const runs = nextRuns(spec, new Date('2026-11-27T12:00:00Z'), 3);
    // 09:30 EST is 14:30Z, still ahead at 12:00Z on Friday 27 November.
    expect(runs.map((run) => run.toISOString())).toEqual(['2026-11-27T14:30:00.000Z', '2026-11-30T14:30:00.000Z', '2026-12-01T14:30:00.000Z']);
    expect(formatRun(runs[0]!, spec.timezone)).toMatch(/Fri.*27 Nov 2026.*09:30/);
  });
});
