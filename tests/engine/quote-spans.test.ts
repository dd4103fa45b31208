import { describe, expect, it } from 'vitest';
import { findQuoteSpans, quoteSpansOf } from '../../src/engine/quotes/spans.ts';

// The quotation-mark scanner that quotes, summary and timeline share.
describe('findQuoteSpans', () => {
  it('marks every later paragraph of a quote that runs over three paragraphs as continuing it', () => {
    const text = [
      'The harbour master, Ines Varga, read out her letter:',
      '“The cranes on the east quay are older than I am.',
      '“Two of them failed last winter, and the third is held together with hope.',
      '“We need the money before the autumn storms,” she wrote.',
    ].join('\n\n');
    const spans = findQuoteSpans(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'The cranes on the east quay are older than I am.',
      'Two of them failed last winter, and the third is held together with hope.',
      'We need the money before the autumn storms,',
    ]);
    expect(spans.map((s) => [s.closed, s.continued])).toEqual([
      [false, false],
      [false, true],
      [true, true],
    ]);
  });

  it('pairs straight, curly, doubled-apostrophe and single marks, never an apostrophe', () => {
    const text = `Kemal's view was plain. "It won't pass," he said. ''Not this year,'' she added, calling it 'dead in the water' and “finished.”`;
    expect(findQuoteSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(["It won't pass,", 'Not this year,', 'dead in the water', 'finished.']);
  });

  it('hands every caller its own array, though the scan of one text is shared', () => {
    const text = 'She said: "We will see about that tomorrow."';
    const first = findQuoteSpans(text);
    first.pop();
    expect(findQuoteSpans(text)).toHaveLength(1);
    expect(quoteSpansOf(text)).toHaveLength(1);
  });
});
