import { describe, expect, it } from 'vitest';
import { dueSlot, MISSED_RUN_GRACE_MS } from '../../src/scheduler/slots.ts';
import { nextRuns } from '../../src/scheduler/spec.ts';

const berlin = (cron: string) => ({ cron, timezone: 'Europe/Berlin' });

/** Every slot the policy runs between two instants, found by asking dueSlot every five minutes (a clock moved by hand). */
function slotsBetween(spec: { cron: string; timezone: string }, from: string, to: string): string[] {
  const runs: string[] = [];
  let last: Date | undefined = new Date(from);
  for (let t = Date.parse(from); t <= Date.parse(to); t += 5 * 60_000) {
    const slot = dueSlot(spec, new Date(t), last);
    if (slot) {
      runs.push(slot.toISOString());
      last = slot;
    }
  }
  return runs;
}

describe('DST policy', () => {
  it('runs a time in the skipped spring hour once, shifted by the gap (02:30 -> 03:30 CEST)', () => {
    // 29 Mar 2026: Berlin jumps from 02:00 CET to 03:00 CEST (01:00Z).
    const runs = slotsBetween(berlin('30 2 * * *'), '2026-03-28T00:00:00Z', '2026-03-30T12:00:00Z');
    expect(runs).toEqual(['2026-03-28T01:30:00.000Z', '2026-03-29T01:30:00.000Z', '2026-03-30T00:30:00.000Z']);
  });

  it('runs a time in the repeated autumn hour once, at its first occurrence (02:30 CEST)', () => {
    // 25 Oct 2026: Berlin falls back from 03:00 CEST to 02:00 CET (01:00Z); 02:30 happens twice.
    const runs = slotsBetween(berlin('30 2 * * *'), '2026-10-24T00:00:00Z', '2026-10-26T12:00:00Z');
    expect(runs).toEqual(['2026-10-24T00:30:00.000Z', '2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
  });

  it('keeps an hourly schedule on real hours through both changes', () => {
    const autumn = slotsBetween(berlin('0 * * * *'), '2026-10-24T23:30:00Z', '2026-10-25T03:30:00Z');
    expect(autumn).toEqual(['2026-10-25T00:00:00.000Z', '2026-10-25T01:00:00.000Z', '2026-10-25T02:00:00.000Z', '2026-10-25T03:00:00.000Z']);
    const spring = slotsBetween(berlin('0 * * * *'), '2026-03-28T23:30:00Z', '2026-03-29T02:30:00Z');
    expect(spring).toEqual(['2026-03-29T00:00:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-29T02:00:00.000Z']);
  });

  it('agrees with the next runs it announces', () => {
    const spec = berlin('30 2 * * *');
    expect(nextRuns(spec, new Date('2026-03-28T12:00:00Z'), 2).map((d) => d.toISOString())).toEqual(['2026-03-29T01:30:00.000Z', '2026-03-30T00:30:00.000Z']);
  });
});

describe('missed runs', () => {
  const daily = { cron: '0 8 * * *', timezone: 'UTC' };

  it('runs a slot missed while down once if it is within the grace window', () => {
    const last = new Date('2026-11-25T08:00:00Z');
    const now = new Date('2026-11-26T09:30:00Z');
    expect(dueSlot(daily, now, last)?.toISOString()).toBe('2026-11-26T08:00:00.000Z');
    expect(dueSlot(daily, now, new Date('2026-11-26T08:00:00Z'))).toBeUndefined();
  });

  it('drops a slot older than the grace window', () => {
    const now = new Date(Date.parse('2026-11-26T08:00:00Z') + MISSED_RUN_GRACE_MS + 60_000);
    expect(dueSlot(daily, now, new Date('2026-11-25T08:00:00Z'))).toBeUndefined();
  });

  it('never runs a slot from before the schedule was set', () => {
    expect(dueSlot(daily, new Date('2026-11-26T08:10:00Z'), new Date('2026-11-26T08:05:00Z'))).toBeUndefined();
  });

  it('runs only the latest of several missed slots', () => {
    const every15 = { cron: '*/15 * * * *', timezone: 'UTC' };
    expect(dueSlot(every15, new Date('2026-11-26T09:50:00Z'), new Date('2026-11-26T09:00:00Z'))?.toISOString()).toBe('2026-11-26T09:45:00.000Z');
  });
});
