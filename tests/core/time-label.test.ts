import { describe, expect, it } from 'vitest';
import { isDated, sortKey, timeLabel } from '../../src/core/time-label.ts';
import type { TimelineEntry } from '../../src/core/types.ts';

const entry = (type: TimelineEntry['type'], value: string): TimelineEntry => ({ type, value, text: 'x', event: 'x', start: 0, end: 1 });

describe('timeLabel', () => {
  it('reads calendar values as a person would', () => {
    expect(timeLabel('2026-11-23')).toBe('Mon 23 Nov 2026');
    expect(timeLabel('2026-11-23TEV')).toBe('Mon 23 Nov 2026, evening');
    expect(timeLabel('2026-11-23T19:40')).toBe('Mon 23 Nov 2026, 19:40');
    expect(timeLabel('2026-11-24T00:15Z')).toBe('Tue 24 Nov 2026, 00:15 UTC');
    expect(timeLabel('2027-01')).toBe('January 2027');
    expect(timeLabel('2026-W48')).toBe('week 48 of 2026');
    expect(timeLabel('2026-Q3')).toBe('Q3 2026');
    expect(timeLabel('2027-SP')).toBe('spring 2027');
    expect(timeLabel('2019')).toBe('2019');
    // Decades and centuries, as TimeML writes them ("the 1950s", "1950s", "the 20th century").
    expect(timeLabel('195')).toBe('the 1950s');
    expect(timeLabel('195X')).toBe('the 1950s');
    expect(timeLabel('19')).toBe('the 1900s');
  });

  it('sorts a decade before the years in it, whichever way it was written', () => {
    expect([sortKey('1961'), sortKey('196X'), sortKey('1959')].sort()).toEqual(['1959', '196', '1961']);
  });

  it('says so when the article does not pin a date to the calendar', () => {
    expect(timeLabel('XXXX-XX-XXTNI')).toBe('date not given');
    expect(timeLabel('XXXX-WXX-2')).toBe('date not given');
  });

  it('keeps dates and times on a timeline, not durations, sets or "now"', () => {
    expect(isDated(entry('DATE', '2026-11-23'))).toBe(true);
    expect(isDated(entry('TIME', '2026-11-23T19:40'))).toBe(true);
    expect(isDated(entry('DURATION', 'P90D'))).toBe(false);
    expect(isDated(entry('SET', 'XXXX-WXX-1'))).toBe(false);
    expect(isDated(entry('DATE', 'XXXX-WXX-2'))).toBe(true);
    expect(isDated(entry('DATE', 'PRESENT_REF'))).toBe(false);
  });
});
