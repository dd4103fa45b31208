import { describe, expect, it } from 'vitest';
import { classifyValueError, countByClass, valueErrors } from '../../src/eval/timeline-errors.ts';
import { parseTimeml } from '../../src/eval/timeline.eval.ts';

// An invented TimeML document: one expression the engine values as the gold does, two it does not.
const tml = `<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2026-11-26">2026-11-26</TIMEX3></DCT>
<TEXT>The ferry sank <TIMEX3 tid="t1" type="DATE" value="2026-11-25">yesterday</TIMEX3>.
The harbour board met <TIMEX3 tid="t2" type="DATE" value="2026-11">last week</TIMEX3>.
Divers will search <TIMEX3 tid="t3" type="DATE" value="2026-11-28">Saturday night</TIMEX3>.</TEXT></TimeML>`;

describe('timeline value errors', () => {
  it('lists only the matched expressions whose value differs, with their line', () => {
    const errors = valueErrors([parseTimeml('AQUAINT/ferry.tml', tml)]);
    expect(errors.map((e) => [e.goldText, e.gold, e.ours])).toEqual([
      ['last week', '2026-11', '2026-W47'],
      ['Saturday night', '2026-11-28', '2026-11-28TNI'],
    ]);
    expect(errors[0]!.context).toBe('The harbour board met last week.');
    expect(countByClass(errors, ['TimeBank/', 'AQUAINT/']).granularity).toEqual([0, 1]);
  });

  it('sorts errors into the classes the issue names', () => {
    const c = (gold: string, ours: string, goldText = 'then') => classifyValueError({ gold, ours, goldText });
    expect(c('2026-11-20', '2026-11-13', 'Friday')).toBe('weekday direction');
    expect(c('2026-11-20', '2026-11-13', 'the day before')).toBe('reference time');
    expect(c('2026', '2026-10', 'this year')).toBe('granularity');
    expect(c('1988-Q3', '1988')).toBe('quarter');
    expect(c('P3Y', 'P2Y')).toBe('duration amount or unit');
    expect(c('P2Y', '2024')).toBe('duration vs date');
    expect(c('PAST_REF', 'PXY')).toBe('vague reference');
    expect(c('1989-WXX', '1989-W43')).toBe('gold leaves it unknown');
    expect(c('2000-W7', '2000-W07')).toBe('week written without its zero');
    expect(c('2026-11-26T17:00', '2026-11-26T22:00Z')).toBe('zone');
  });
});
