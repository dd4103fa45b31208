import { describe, expect, it } from 'vitest';
import { safeField, safeText, safeTitle } from '../../src/core/text-safety.ts';

describe('text safety', () => {
  it('strips ANSI CSI and OSC sequences and bare control characters', () => {
    expect(safeText('Port \u001b[31mRED\u001b[0m news\u0007')).toBe('Port RED news');
    expect(safeText('a\u001b]8;;http://evil.example\u001b\\link\u001b]8;;\u0007b')).toBe('alinkb');
    expect(safeText('x\u001b]0;title\u0007y\u009b2Jz\u0000\u007f')).toBe('xyz');
    expect(safeText('line one\n\tline two')).toBe('line one\n\tline two');
  });

  it('strips bidi overrides, isolates and marks', () => {
    expect(safeText('abc\u202Edcba\u202C \u2066x\u2069 \u200Ey\u200F')).toBe('abcdcba x y');
  });

  it('cuts a huge title at a word with an ellipsis, without reading all of it', () => {
    const title = 'Harbour '.repeat(150_000);
    const cut = safeTitle(title, 100);
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(cut.endsWith('Harbour…')).toBe(true);
    expect(safeTitle('  Short\ntitle  ')).toBe('Short title');
    expect(safeTitle(`${'x'.repeat(99)}\u{1F600}`, 100)).toBe(`${'x'.repeat(99)}…`);
  });

  it('cuts a long field but keeps its line breaks', () => {
    expect(safeField('one\ntwo')).toBe('one\ntwo');
    const cut = safeField('word '.repeat(10_000), 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut.endsWith('…')).toBe(true);
  });
});
